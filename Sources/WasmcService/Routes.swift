import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WasmcCompiler

/// The HTTP API: `/v1/compile`, `/v1/artifacts/…`, `/healthz` and `/metrics`.
public struct Routes: Sendable {
    let service: CompileService
    let metrics: ServiceMetrics
    let maxModuleSize: Int
    let token: BearerToken?

    public init(service: CompileService, metrics: ServiceMetrics, maxModuleSize: Int, token: BearerToken?) {
        self.service = service
        self.metrics = metrics
        self.maxModuleSize = maxModuleSize
        self.token = token
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: MetricsMiddleware())
        if let token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        router.get("/healthz") { _, _ in Self.text("ok\n", type: "text/plain; charset=utf-8") }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        }
        router.post("/v1/compile") { request, context in try await compile(request) }
        router.get("/v1/artifacts/:name") { request, context in
            try artifactResponse(named: context.parameters.require("name"), request: request)
        }
        // One parameter name for both: Hummingbird requires it of routes that share a path prefix.
        router.get("/v1/artifacts/:name/manifest") { request, context in
            try artifactResponse(key: context.parameters.require("name"), kind: .manifest, request: request)
        }
        return router
    }

    private func compile(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
        let compileRequest = try CompileRequest(query: query)
        let module = try await readModule(request)
        let result = try await service.compile(module, request: compileRequest)
        var response = artifactResponse(result.artifact, key: result.key)
        response.headers[Self.cacheStatus] = result.cacheHit ? "hit" : "miss"
        return response
    }

    /// The body, refused with 413 as soon as it is known to be too large: from Content-Length before
    /// reading anything, else while streaming (a chunked body is counted as it arrives).
    private func readModule(_ request: Request) async throws(ServiceError) -> [UInt8] {
        let tooLarge = ServiceError(.contentTooLarge, kind: "limit", message: "the module is larger than the limit of \(maxModuleSize) bytes")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxModuleSize { throw tooLarge }
        do {
            var buffer = try await request.body.collect(upTo: maxModuleSize)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw .badRequest("cannot read the request body: \(error)")
        }
    }

    /// `KEY` (the executable) or `KEY.KIND`.
    private func artifactResponse(named name: String, request: Request) throws -> Response {
        let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let kind: ArtifactKind
        if parts.count == 2 {
            guard let parsed = ArtifactKind(rawValue: String(parts[1])) else {
                throw ServiceError.badRequest("unknown artifact kind '\(parts[1])': use \(ArtifactKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = parsed
        } else {
            kind = .executable
        }
        return try artifactResponse(key: String(parts[0]), kind: kind, request: request)
    }

    private func artifactResponse(key: String, kind: ArtifactKind, request: Request) throws -> Response {
        guard ArtifactKey.isValid(key) else { throw ServiceError.badRequest("a cache key is 64 lowercase hexadecimal digits") }
        guard let artifact = service.served(key, kind: kind) else {
            throw ServiceError.notFound("no \(kind.rawValue) artifact for key \(key)")
        }
        if let match = request.headers[.ifNoneMatch], Self.matches(match, etag: Self.etag(artifact)) {
            return Response(status: .notModified, headers: [.eTag: Self.etag(artifact), Self.cacheKey: key])
        }
        return artifactResponse(artifact, key: key)
    }

    private func artifactResponse(_ artifact: StoredArtifact, key: String) -> Response {
        var headers: HTTPFields = [.contentType: artifact.kind.contentType, .eTag: Self.etag(artifact), Self.cacheKey: key]
        if artifact.kind == .executable || artifact.kind == .object || artifact.kind == .shared {
            headers[.contentDisposition] = "attachment; filename=\"\(key.prefix(16)).\(artifact.kind.rawValue)\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: artifact.bytes)))
    }

    static let cacheKey = HTTPField.Name("Wasmc-Cache-Key")!
    static let cacheStatus = HTTPField.Name("Wasmc-Cache")!

    static func etag(_ artifact: StoredArtifact) -> String { "\"\(artifact.sha256)\"" }

    /// `If-None-Match`: `*` or a list of entity tags, weak ones compared weakly (RFC 9110 §13.1.2).
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    private static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
