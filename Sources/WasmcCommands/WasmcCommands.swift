/// The `wasmc` subcommands.
import ArgumentParser
