import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcDevTools

/// `wasmc bench FILE.wasm [-- ARGS]`: times the compiled program against the WasmKit interpreter (by
/// default the WasmKit library inside wasmc, run as `wasmc run --engine interpreter`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a WASI program compiled by wasmc against the WasmKit interpreter.",
        discussion: """
            Compiles the module as `wasmc run` does (through the artifact cache), then runs the executable and \
            the interpreter --runs times each, interleaved, and prints median, min, max and spread of each, the \
            speedup and the cold and cached compile times. Every run must print the same stdout and exit with \
            the same code, otherwise the command fails. The interpreter defaults to the WasmKit library inside \
            wasmc (each run a `wasmc run --engine interpreter` process, so nothing outside wasmc is needed); \
            --interpreter wasmkit-cli uses the wasmkit CLI beside swift, --interpreter PATH another WasmKit CLI.
            """
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(help: "Runs of each runner.")
    var runs: Int = 5

    @Option(help: "The interpreter to compare with: wasmkit (default: the WasmKit library in wasmc), wasmkit-cli (the wasmkit CLI beside swift) or the path of a WasmKit CLI.")
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
        #if DEBUG
        if interpreter?.kind == .wasmcInterpreter {
            // WasmKit is compiled like the rest of wasmc: unoptimized in a debug build, ~100× slower.
            printError("note: this wasmc is a debug build, so the WasmKit library in it is unoptimized; build wasmc with "
                + "-c release, or pass --interpreter wasmkit-cli, for interpreter times worth comparing")
        }
        #endif
        let builder = try ExecutableBuilder(options: compilation.options(), cache: compilation.cache())
        let configuration = ProgramBenchmark.Configuration(
            runs: runs, interpreter: interpreter, grants: grants,
            programArguments: arguments, clock: clock)
        return try ProgramBenchmark.measure(bytes, modulePath: file, builder: builder, configuration: configuration)
    }

    private func chosenInterpreter() throws -> InterpreterCommand? {
        if noInterpreter { return nil }
        switch interpreter {
        case nil, "wasmkit":
            guard let found = InterpreterCommand.wasmcInterpreter() else {
                throw ValidationError("cannot find the wasmc executable for the in-process interpreter; pass --interpreter wasmkit-cli or --no-interpreter")
            }
            return found
        case "wasmkit-cli":
            guard let found = InterpreterCommand.defaultWasmKit() else {
                throw ValidationError("no wasmkit found beside swift; pass --interpreter PATH or --no-interpreter")
            }
            return found
        case let name?:
            guard let found = InterpreterCommand.named(name) else { throw ValidationError("--interpreter \(name): no such executable") }
            return found
        }
    }
}
