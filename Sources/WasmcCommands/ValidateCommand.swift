import ArgumentParser
import WasmcCompiler

/// `wasmc validate FILE.wasm`: exit 0 for a valid module, 1 with the spec's reason otherwise.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Decode and validate a binary module.",
        discussion: "Prints `FILE: malformed|invalid at offset N: reason` and exits 1 when the module is rejected."
    )

    @Argument(help: "The .wasm file.")
    var file: String

    func run() throws {
        let bytes = try readInputFile(file)
        do {
            _ = try Frontend.validate(bytes)
        } catch {
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
    }
}
