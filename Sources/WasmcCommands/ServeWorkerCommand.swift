import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcService

/// The child `wasmc serve` compiles in (`CompileWorker`); not for people.
struct ServeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve-worker", shouldDisplay: false)

    @Option var workDirectory: String
    @Option var emit: String
    @Option var opt: Int
    @Option var bounds: String
    @Option var cpu: String
    @Option var cache: String
    @Option var memoryLimit: UInt64

    func run() throws {
        var request = CompileRequest()
        guard let kind = ArtifactKind(rawValue: emit), (0...3).contains(opt), let strategy = BoundsCheckStrategy(rawValue: bounds) else {
            throw ValidationError("bad worker arguments")
        }
        request.kind = kind
        request.optimizationLevel = opt
        request.boundsChecks = strategy
        request.targetCPU = cpu
        let arguments = CompileWorker.Arguments(workDirectory: URL(fileURLWithPath: workDirectory), request: request,
                                                cacheDirectory: URL(fileURLWithPath: cache), memoryLimit: memoryLimit)
        let status = CompileWorker.run(arguments)
        if status != 0 { throw ExitCode(status) }
    }
}
