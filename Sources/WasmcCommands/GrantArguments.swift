import ArgumentParser
import WasmcCompiler

/// `--dir` and `--env` of the commands that run WASI programs, parsed once into `HostGrants`.
struct GrantArguments: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: "Grant a host directory to the program, as HOST[::GUEST].")
    var dir: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Pass an environment variable to the program, as NAME=VALUE or NAME (its value here).")
    var env: [String] = []

    /// The grants, or a one-line error and exit status 1 for one that can never reach the program intact.
    func grants() throws -> HostGrants {
        do {
            return try HostGrants(directories: dir, environment: env)
        } catch {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
    }
}
