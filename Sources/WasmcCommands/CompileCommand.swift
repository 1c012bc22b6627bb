import ArgumentParser
import Foundation
import WasmcCompiler

/// `wasmc compile FILE.wasm -o OUT`: a standalone native executable (or an object, or a shared object).
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a module ahead of time to a native executable, object or shared object.",
        discussion: """
            Executables run the module's _start with WASI preview 1. Like Wasmtime, they see no files unless \
            granted with --dir HOST[::GUEST] and no environment unless given with --env NAME[=VALUE]; those \
            grants are baked in here. Traps print a report to stderr and exit with status 134.
            """
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the output.")
    var output: String

    @Option(help: "What to write: exe (default), obj (object + wasmc_rt.h beside it), shared (a .so to dlopen) or llvm (optimized LLVM IR text).")
    var emit: OutputKind = .executable

    @OptionGroup var grantArguments: GrantArguments

    @Flag(name: .long, help: "Print the seconds each compilation stage took to stderr.")
    var timeStages = false

    @OptionGroup var compilation: CompilationArguments

    func run() throws {
        try RawArguments.requireUTF8()
        let grants = try grantArguments.grants()
        let bytes = try readInputFile(file)
        do {
            let builder = try ExecutableBuilder(options: compilation.options(defaultTargetCPU: "generic"),
                                                cache: compilation.cache())
            let timings = timeStages ? StageTimings() : nil
            try builder.build(bytes, kind: emit, output: URL(fileURLWithPath: output),
                              grants: .bakedIn(grants), timings: timings)
            if let timings { printError(timings.report) }
        } catch {
            reportFailure(error, file: file)
            throw ExitCode.failure
        }
    }
}
