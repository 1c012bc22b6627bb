import ArgumentParser
import Foundation
import WasmcDriver

/// `wasmc run FILE.wasm [--] [ARGS ...]` runs a WASI program (compiled once, then cached, like
/// `wasmtime run`); `wasmc run FILE.wasm --invoke NAME [ARG ...]` calls one export and prints its results.
struct InvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a WASI program, or call one exported function and print its results.",
        discussion: """
            Arguments are written like text-format constants: 42, -1, 0xff, 1.5, -0x1p3, inf, nan, nan:0x200000; \
            a v128 as 0x followed by up to 32 hex digits or as 'i32x4 1 2 3 4'. Results print one per line as \
            TYPE:VALUE, floats followed by their bits: f32:1.5 (0x3fc00000). Imports may only come from spectest.
            """
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(name: .long, help: "The exported function to call; without it the module runs as a WASI program.")
    var invoke: String?

    @Option(name: .long, parsing: .singleValue, help: "Grant a host directory to a WASI program, as HOST[::GUEST].")
    var dir: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Pass an environment variable to a WASI program, as NAME=VALUE or NAME.")
    var env: [String] = []

    @Argument(parsing: .allUnrecognized, help: "The function's arguments.")
    var arguments: [String] = []

    @OptionGroup var compilation: CompilationArguments

    func run() throws {
        let bytes = try readInputFile(file)
        guard let invoke else { try runProgram(bytes) }
        do {
            let results = try ModuleRunner.invoke(bytes, function: invoke, arguments: arguments, options: compilation.options(),
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

    /// Builds (or reuses) the cached executable and replaces this process with it.
    private func runProgram(_ bytes: [UInt8]) throws -> Never {
        let executable: URL
        do {
            let builder = try ExecutableBuilder(options: compilation.options(),
                                                cacheDirectory: compilation.noCache ? nil : ArtifactCache.defaultDirectory())
            executable = try builder.cachedExecutable(bytes)
        } catch {
            reportFailure(error, file: file)
            throw ExitCode.failure
        }
        setenv("WASMC_HOST_OPTIONS", hostOptions(directories: dir, environment: env).joined(separator: "\n"), 1)
        let arguments = [file] + self.arguments.drop { $0 == "--" }
        let cArguments = arguments.map { strdup($0) } + [nil]
        let failure = ProgramLauncher.replaceProcess(with: executable, arguments: cArguments, name: file)
        printError("error: \(failure)")
        throw ExitCode.failure
    }
}
