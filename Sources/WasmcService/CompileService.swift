import Foundation
import Logging
import Metrics
import WasmcCompiler

/// Turns a module and a request into an artifact: from the cache when it is there, else compiled once
/// (single flight per key and kind) in a child process under the `--jobs` bound, then stored.
public struct CompileService: Sendable {
    public let source: ArtifactSource
    let compiler: ChildCompiler
    let queue: CompileQueue
    let metrics: ServiceMetrics
    let logger: Logger
    private let flights = SingleFlight<StoredArtifact>()

    public init(source: ArtifactSource, compiler: ChildCompiler, jobs: Int, queueLimit: Int, metrics: ServiceMetrics, logger: Logger) {
        self.source = source
        self.compiler = compiler
        self.metrics = metrics
        self.logger = logger
        let depth = metrics.queueDepth
        queue = CompileQueue(jobs: jobs, queueLimit: queueLimit) { depth.record($0) }
    }

    public struct Result: Sendable {
        public var artifact: StoredArtifact
        public var key: String
        public var cacheHit: Bool
    }

    public func compile(_ module: [UInt8], request: CompileRequest) async throws(ServiceError) -> Result {
        let key = source.key(for: module, options: request.options)
        if let artifact = served(key, kind: request.kind) {
            metrics.cacheHits.increment()
            return Result(artifact: artifact, key: key, cacheHit: true)
        }
        metrics.cacheMisses.increment()
        do {
            let (artifact, _) = try await flights.run("\(key).\(request.kind.rawValue)") { [self] in
                try await compileAndStore(module, request: request, key: key)
            }
            return Result(artifact: artifact, key: key, cacheHit: false)
        } catch let error as ServiceError {
            throw error
        } catch is CompileQueue.Full {
            metrics.queueRejections.increment()
            var error = ServiceError(.serviceUnavailable, kind: "unavailable", message: "too many compiles waiting; retry later")
            error.headers[.retryAfter] = "5"
            throw error
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// The artifact as served; a manifest with the digests of the artifacts stored beside it.
    public func served(_ key: String, kind: ArtifactKind) -> StoredArtifact? {
        guard kind == .manifest else { return source.artifact(key, kind: kind) }
        guard let stored = source.artifact(key, kind: .manifest),
              var manifest = try? JSONDecoder().decode(ModuleManifest.self, from: Data(stored.bytes))
        else { return nil }
        for kind in ArtifactKind.allCases where kind != .manifest {
            if let artifact = source.artifact(key, kind: kind) { manifest.artifacts[kind.rawValue] = artifact.sha256 }
        }
        return StoredArtifact(kind: .manifest, bytes: Array(manifest.jsonData()))
    }

    private func compileAndStore(_ module: [UInt8], request: CompileRequest, key: String) async throws -> StoredArtifact {
        try await queue.run {
            // Another flight may have stored it while this one waited for a slot.
            if let artifact = served(key, kind: request.kind) { return artifact }
            let start = ContinuousClock.now
            let output: ChildCompiler.Output
            do {
                output = try await compiler.compile(module, request: request)
            } catch let error as ServiceError {
                metrics.compilesFailed.increment()
                logger.info("compile failed", metadata: ["key": "\(key)", "kind": "\(error.body.kind)", "message": "\(error.body.message)"])
                throw error
            }
            defer { output.work.remove() }
            metrics.compilesSucceeded.increment()
            metrics.compileDuration.recordInterval(since: start)
            let manifest = try source.store(key, kind: .manifest, from: output.manifest)
            guard let decoded = try? JSONDecoder().decode(ModuleManifest.self, from: Data(manifest.bytes)), decoded.cacheKey == key else {
                throw ServiceError.internalError("the compiler process computed another cache key than the server")
            }
            var artifact = manifest
            if request.kind != .manifest {
                artifact = try source.store(key, kind: request.kind, from: output.artifact)
            }
            metrics.storedBytes.increment(by: Int64(manifest.bytes.count + (request.kind == .manifest ? 0 : artifact.bytes.count)))
            let elapsed = (ContinuousClock.now - start).components
            let seconds = String(format: "%.2f", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
            logger.info("compiled", metadata: ["key": "\(key)", "kind": "\(request.kind.rawValue)", "seconds": "\(seconds)"])
            // Served from the store (a manifest gains the artifact digests); as built when the cache refused it.
            if let served = served(key, kind: request.kind) { return served }
            return artifact
        }
    }
}

extension Metrics.Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
