import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcHost
import WasmcInterpreter

/// `wasmc run [OPTIONS] FILE.wasm [--] [ARGS ...]` runs a WASI program (compiled once, then cached, like
/// `wasmtime run`); `wasmc run --invoke NAME [OPTIONS] FILE.wasm [ARG ...]` calls one export and prints
/// its results.
///
/// As in Wasmtime, wasmc's options come only before the module: everything after it belongs to the
/// program (or is the function's arguments) verbatim, so no argument can turn into a grant. One `--`
/// right after the module is dropped, so `run m.wasm -- -- x` passes `-- x`.
struct InvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a WASI program, or call one exported function and print its results.",
        usage: """
            wasmc run [--dir HOST[::GUEST]] [--env NAME[=VALUE]] [<options>] FILE.wasm [--] [ARGS ...]
            wasmc run --invoke NAME [<options>] FILE.wasm [ARG ...]
            """,
        discussion: """
            Options go before FILE.wasm; everything after it is passed to the program unchanged (one -- right \
            after FILE.wasm is dropped). Function arguments are written like text-format constants: 42, -1, \
            0xff, 1.5, -0x1p3, inf, nan, nan:0x200000; a v128 as 0x followed by up to 32 hex digits or as \
            'i32x4 1 2 3 4'. Results print one per line as TYPE:VALUE, floats followed by their bits: \
            f32:1.5 (0x3fc00000). Imports may only come from spectest (under either engine). A trap prints 'Error: wasm trap: ...' \
            and exits with status 134, as a program's trap does. --engine interpreter runs the module in this \
            process through the WasmKit interpreter (same grants, output and exit statuses); --engine auto, \
            the default, compiles and falls back to the interpreter, with a one-line warning, only when the \
            compiler reports the module unsupported.
            """
    )

    @Option(name: .long, help: "The exported function to call; without it the module runs as a WASI program.")
    var invoke: String?

    @Option(help: "How the module runs: compiled, interpreter (WasmKit, in this process) or auto (compiled, interpreted when the compiler reports it unsupported).")
    var engine: ExecutionEngine = .auto

    @OptionGroup var grantArguments: GrantArguments

    @OptionGroup var compilation: CompilationArguments

    @Argument(parsing: .captureForPassthrough, help: "The .wasm file, then the program's (or the function's) arguments.")
    var moduleAndArguments: [String] = []

    /// The module: the first argument that is not an option.
    var file: String { Self.split(moduleAndArguments)?.file ?? "" }

    /// What follows the module, with one `--` right after it dropped.
    var arguments: [String] { Self.split(moduleAndArguments)?.arguments ?? [] }

    func validate() throws {
        guard let (file, _) = Self.split(moduleAndArguments) else { throw ValidationError("missing FILE.wasm") }
        // An unknown option stops option parsing like the module does; after a `--` it may be a file name.
        // Help is captured like any unknown option: answer it here.
        if ["-h", "--help"].contains(file) && moduleAndArguments.first != "--" { throw CleanExit.helpRequest(self) }
        if file.hasPrefix("-") && moduleAndArguments.first != "--" {
            throw ValidationError("unknown option '\(file)' (wasmc's options go before FILE.wasm)")
        }
    }

    /// `[--] FILE [--] ARGS...`: a `--` may end wasmc's options before the module, and one more right after
    /// it ends nothing (there is nothing left to parse) but is dropped, as Wasmtime does.
    static func split(_ captured: [String]) -> (file: String, arguments: [String])? {
        var rest = captured[...]
        if rest.first == "--" { rest = rest.dropFirst() }
        guard let file = rest.popFirst() else { return nil }
        if rest.first == "--" { rest = rest.dropFirst() }
        return (file, Array(rest))
    }

    func run() throws {
        // The interpreter takes arguments as Strings: a program's non-UTF-8 argument is refused there.
        try RawArguments.requireUTF8(exceptLast: invoke == nil && engine != .interpreter ? arguments.count : 0)
        let bytes = try readInputFile(file)
        guard let invoke else {
            let grants = try grantArguments.grants()
            if engine == .interpreter { try interpretProgram(bytes, grants: grants) }
            try runProgram(bytes, grants: grants)
        }
        if engine == .interpreter { try interpretCall(bytes, function: invoke) }
        do {
            let results = try ModuleRunner.invoke(bytes, function: invoke, arguments: arguments, options: compilation.options(),
                                                  cache: compilation.cache())
            for result in results { print(result) }
        } catch CallError.trap(let trap), InstantiationError.trap(let trap, _) {
            try reportTrap(trap)
        } catch {
            if let warning = engine.fallbackWarning(after: error) {
                printError(warning)
                try interpretCall(bytes, function: invoke)
            }
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
    }

    /// `--invoke` in the interpreter: the same `TYPE:VALUE` lines, the same trap report and status.
    private func interpretCall(_ bytes: [UInt8], function: String) throws -> Never {
        do {
            let results = try Interpreter.invoke(bytes, function: function, arguments: arguments)
            for result in results { print(result) }
        } catch let trap as InterpreterTrap {
            try reportTrap(message: trap.message)
        } catch {
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
        throw ExitCode.success
    }

    /// A WASI program in the interpreter: the exit statuses and reports of runtime-c/host/wasi_main.c.
    private func interpretProgram(_ bytes: [UInt8], grants: HostGrants) throws -> Never {
        if let bad = RawArguments.bytes(ofTrailing: arguments).firstIndex(where: { String(validating: $0, as: UTF8.self) == nil }) {
            printError("Error: program argument \(bad + 1) is not valid UTF-8; the interpreter cannot pass it on unaltered, so it is refused")
            throw ExitCode.failure
        }
        fflush(nil)  // the program writes to fd 1 and 2 directly
        let outcome: Interpreter.Outcome
        do {
            outcome = try Interpreter.runProgram(bytes, arguments: [file] + arguments, grants: grants)
        } catch let error as InterpreterError where error.exitStatus != 1 {
            printError("error: \(error)")
            throw ExitCode(error.exitStatus)
        } catch {
            reportFailure(error, file: file)
            throw ExitCode.failure
        }
        switch outcome {
        case .exited(let status):
            throw ExitCode(status)
        case .invalidExitStatus(let status):
            printError("Error: exit with invalid exit status outside of [0..126): \(status)")
            throw ExitCode.failure
        case .trapped(let trap):
            try reportTrap(message: trap.message)
        }
    }

    private func reportTrap(message: String) throws -> Never {
        fflush(nil)
        printError("Error: wasm trap: \(message)")
        throw ExitCode(134)
    }

    /// The report and status of a compiled program's trap (runtime-c/host/wasi_main.c), as in Wasmtime.
    private func reportTrap(_ trap: Trap) throws -> Never {
        fflush(nil)  // results printed so far come before the report
        printError("Error: wasm trap: \(trap.message)")
        if let function = trap.function { printError("  in wasm function \(function)") }
        throw ExitCode(134)
    }

    /// Builds (or reuses) the cached executable and replaces this process with it. The grants go to it
    /// as separate argv elements in front of a `--`, the program's arguments after it byte for byte.
    private func runProgram(_ bytes: [UInt8], grants: HostGrants) throws -> Never {
        let executable: URL
        do {
            let builder = try ExecutableBuilder(options: compilation.options(), cache: compilation.cache())
            executable = try builder.cachedExecutable(bytes)
        } catch {
            if let warning = engine.fallbackWarning(after: error) {
                printError(warning)
                try interpretProgram(bytes, grants: grants)
            }
            reportFailure(error, file: file)
            throw ExitCode.failure
        }
        let argv = ([file] + grants.runnerArguments).map { Array($0.utf8) } + RawArguments.bytes(ofTrailing: arguments)
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { bytes in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
            copy[bytes.count] = 0
            return copy
        } + [nil]
        let failure = ProgramLauncher.replaceProcess(with: executable, arguments: cArguments, name: file)
        printError("error: \(failure)")
        throw ExitCode.failure
    }
}
