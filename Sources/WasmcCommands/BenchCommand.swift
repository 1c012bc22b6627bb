import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcDevTools

/// `wasmc bench FILE.wasm [-- ARGS]`: times the compiled program against the WasmKit interpreter.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a WASI program compiled by wasmc against the WasmKit interpreter.",
        discussion: """
            Compiles the module as `wasmc run` does (through the artifact cache), then runs the executable and \
            the interpreter --runs times each, interleaved, and prints median, min, max and spread of each, the \
            speedup and the cold and cached compile times. Every run must print the same stdout and exit with \
            the same code, otherwise the command fails. The interpreter defaults to the wasmkit beside swift.
            """
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(help: "Runs of each runner.")
    var runs: Int = 5

    @Option(help: "The WasmKit CLI to compare with (default: wasmkit beside swift).")
    var interpreter: String?

    @Flag(help: "Run only the compiled program.")
    var noInterpreter = false

    @Option(help: "Which time to report: wall (default) or cpu (user + system of the program).")
    var clock: ProgramBenchmark.Clock = .wall

    @OptionGroup var grantArguments: GrantArguments

    @OptionGroup var compilation: CompilationArguments

    @Argument(parsing: .postTerminator, help: "The program's arguments, after --.")
    var arguments: [String] = []

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        if noInterpreter && interpreter != nil { throw ValidationError("--interpreter and --no-interpreter exclude each other") }
    }

    func run() throws {
        try RawArguments.requireUTF8()
        do {
            print(try measure())
        } catch let error as ValidationError {
            throw error
        } catch let exit as ExitCode {
            throw exit
        } catch {
            reportFailure(error, file: file)
            throw ExitCode.failure
        }
    }

    /// Compiles, runs and compares; what `run` prints.
    func measure() throws -> BenchmarkReport {
        let bytes = try readInputFile(file)
        let grants = try grantArguments.grants()
        let interpreter = try chosenInterpreter()
        let builder = try ExecutableBuilder(options: compilation.options(), cache: compilation.cache())
        let configuration = ProgramBenchmark.Configuration(
            runs: runs, interpreter: interpreter, grants: grants,
            programArguments: arguments, clock: clock)
        return try ProgramBenchmark.measure(bytes, modulePath: file, builder: builder, configuration: configuration)
    }

    private func chosenInterpreter() throws -> InterpreterCommand? {
        if noInterpreter { return nil }
        if let interpreter {
            guard let found = InterpreterCommand.named(interpreter) else { throw ValidationError("--interpreter \(interpreter): no such executable") }
            return found
        }
        guard let found = InterpreterCommand.defaultWasmKit() else {
            throw ValidationError("no wasmkit found beside swift; pass --interpreter PATH or --no-interpreter")
        }
        return found
    }
}
