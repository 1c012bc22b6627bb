import ArgumentParser
import Foundation
import Logging
import WasmcCompiler
import WasmcService

/// `wasmc serve`: the compiler as an HTTP service (see `WasmcService` and the README).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve compilation over HTTP: POST /v1/compile, GET /v1/artifacts/KEY, /healthz, /metrics.",
        discussion: """
            Listens on loopback unless told otherwise. Each compile runs in a child process with a wall-time \
            and a memory limit; artifacts are cached by key. SIGTERM or SIGINT stops it gracefully.
            """
    )

    @Option(help: "Address to listen on, HOST:PORT ([ADDRESS]:PORT for IPv6).")
    var listen = "127.0.0.1:8080"

    @Option(help: "Artifact cache directory (default: $XDG_CACHE_HOME/wasmc or ~/.cache/wasmc).")
    var cache: String?

    @Option(help: "Cache size limit such as 10G (accepted; not enforced yet).")
    var maxCacheSize: String?

    @Option(help: "Compiles running at once, 1 to 256 (default: one per processor).")
    var jobs = min(ProcessInfo.processInfo.activeProcessorCount, ServeConfiguration.jobsRange.upperBound)

    @Option(help: "Compiles waiting for a slot before requests are refused with 503 (default: 16 per job).")
    var queueLimit: Int?

    @Option(help: "Largest module accepted, such as 64M; larger bodies get 413.")
    var maxModuleSize = "64M"

    @Option(help: "File holding the bearer token clients must send (mode 600); /healthz stays open.")
    var tokenFile: String?

    @Option(help: "Remote cache URL (accepted; used once the remote cache tier lands).")
    var remoteCache: String?

    @Option(help: "Seconds one compile may take before its process is killed.")
    var compileTimeout = 120

    @Option(help: "Address space one compile process may use, such as 4G.")
    var compileMemoryLimit = "4G"

    func validate() throws {
        _ = try configuration()
    }

    func run() async throws {
        let configuration: ServeConfiguration
        do {
            configuration = try self.configuration()
        } catch {
            throw ValidationError("\(error)")
        }
        var logger = Logger(label: "wasmc.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        do {
            try await Server.run(configuration, logger: logger)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    private func configuration() throws -> ServeConfiguration {
        let maxModuleSize = try ByteSize.parse(self.maxModuleSize, option: "--max-module-size")
        return ServeConfiguration(
            listen: try ListenAddress(parsing: listen),
            cacheDirectory: cache.map { URL(fileURLWithPath: $0) } ?? ArtifactCache.defaultDirectory(),
            maxCacheSize: try maxCacheSize.map { try ByteSize.parse($0, option: "--max-cache-size") },
            jobs: try ServeConfiguration.validateJobs(jobs),
            queueLimit: try queueLimit.map { limit in
                guard (0...100_000).contains(limit) else { throw ValidationError("--queue-limit takes 0 to 100000") }
                return limit
            },
            maxModuleSize: Int(maxModuleSize),
            token: try tokenFile.map { try BearerToken(contentsOf: $0) },
            remoteCache: try remoteCache.map { try ServeConfiguration.parseRemoteCache($0) },
            compileTimeout: try ServeConfiguration.parseTimeout(compileTimeout),
            compileMemoryLimit: try ByteSize.parse(compileMemoryLimit, option: "--compile-memory-limit")
        )
    }
}
