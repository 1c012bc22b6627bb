import ArgumentParser
import WasmcCompiler

/// The `wasmc` command line: a thin layer over `WasmcCompiler`, `WasmcHost`, `WasmcSpecTest`, `WasmcDevTools`
/// and `WasmcService`.
public struct Wasmc: AsyncParsableCommand {
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
            InspectCommand.self,
            ServeCommand.self,
            ServeWorkerCommand.self,
        ]
    )

    public init() {}

    /// Parses the process's arguments and runs the command, awaiting the async ones (`serve`).
    /// ArgumentParser's own `main()` resolves to the synchronous overload when called from another module.
    public static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
