import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import WasmcCompiler

/// `wasmc serve`: the routes on Hummingbird, stopped gracefully on SIGTERM or SIGINT: the listener
/// closes, requests in flight (and the compiles they wait for) finish, then the process exits.
/// Nothing is half-written at any point: children compile into private directories and the cache
/// installs entries by rename.
public enum Server {
    public static func run(_ configuration: ServeConfiguration, logger: Logger) async throws {
        let metrics = ServiceMetrics()
        metrics.bootstrapGlobalMetrics()
        let application = try makeApplication(configuration, metrics: metrics, logger: logger)
        if !configuration.listen.isLoopback {
            logger.warning("listening on \(configuration.listen), beyond this machine: anyone who can reach it can compile; consider --token-file")
        }
        if configuration.remoteCache != nil {
            logger.warning("--remote-cache is accepted but not used by serve yet: artifacts stay in the local cache")
        }
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    public static func makeApplication(_ configuration: ServeConfiguration, metrics: ServiceMetrics,
                                       logger: Logger) throws -> some ApplicationProtocol {
        let source = try ArtifactSource(directory: configuration.cacheDirectory, maximumSize: configuration.maxCacheSize) {
            logger.warning("\($0)")
        }
        let compiler = ChildCompiler(executable: configuration.workerExecutable, cacheDirectory: configuration.cacheDirectory,
                                     timeout: configuration.compileTimeout, memoryLimit: configuration.compileMemoryLimit)
        let service = CompileService(source: source, compiler: compiler, jobs: configuration.jobs,
                                     queueLimit: configuration.queueLimit, metrics: metrics, logger: logger)
        let routes = Routes(service: service, metrics: metrics, maxModuleSize: configuration.maxModuleSize, token: configuration.token)
        return Application(
            router: routes.router(),
            configuration: .init(address: .hostname(configuration.listen.host, port: configuration.listen.port), serverName: "wasmc"),
            onServerRunning: { channel in
                logger.info("listening", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "\(configuration.listen)")",
                                                     "cache": "\(configuration.cacheDirectory.path)", "jobs": "\(configuration.jobs)"])
            },
            logger: logger
        )
    }
}
