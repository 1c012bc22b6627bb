import ArgumentParser
import Foundation
import WasmcDriver

/// `wasmc run FILE.wasm --invoke NAME [ARG ...]`: call one export and print its results.
struct InvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile a module, call one exported function and print its results.",
        discussion: """
            Arguments are written like text-format constants: 42, -1, 0xff, 1.5, -0x1p3, inf, nan, nan:0x200000; \
            a v128 as 0x followed by up to 32 hex digits or as 'i32x4 1 2 3 4'. Results print one per line as \
            TYPE:VALUE, floats followed by their bits: f32:1.5 (0x3fc00000). Imports may only come from spectest.
            """
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(name: .long, help: "The exported function to call.")
    var invoke: String

    @Argument(parsing: .allUnrecognized, help: "The function's arguments.")
    var arguments: [String] = []

    @OptionGroup var compilation: CompilationArguments

    func run() throws {
        let bytes = try readInputFile(file)
        do {
            let results = try ModuleRunner.invoke(bytes, function: invoke, arguments: arguments, options: compilation.options,
                                                  cacheDirectory: compilation.noCache ? nil : ArtifactCache.defaultDirectory())
            for result in results { print(result) }
        } catch let error as CallError {
            if case .trap(let trap) = error {
                printError("\(file): wasm trap: \(trap)")
            } else {
                printError("\(file): \(error)")
            }
            throw ExitCode.failure
        } catch {
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
    }
}
