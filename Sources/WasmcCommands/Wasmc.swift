import ArgumentParser
import WasmcCompiler

/// The `wasmc` command line: a thin layer over `WasmcCompiler`, `WasmcHost`, `WasmcSpecTest` and `WasmcDevTools`.
public struct Wasmc: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wasmc",
        abstract: "Ahead-of-time compiler from WebAssembly to native code.",
        version: compilerVersion,
        subcommands: [
            CompileCommand.self,
            ValidateCommand.self,
            IRCommand.self,
            FuzzCommand.self,
            BenchCommand.self,
            BenchFrontendCommand.self,
            InvokeCommand.self,
            WastCommand.self,
            CacheCommand.self,
        ]
    )

    public init() {}
}
