import ArgumentParser
import WasmcCompiler

/// `wasmc ir FILE.wasm [--function NAME|INDEX]`: print the SSA IR.
struct IRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ir",
        abstract: "Print the SSA IR of a module or of one function."
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(name: .long, help: "A function's name (name section or export) or its index in the function index space.")
    var function: String?

    func run() throws {
        let bytes = try readInputFile(file)
        do {
            let text = try Frontend.irText(of: bytes, function: function)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        } catch {
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
    }
}
