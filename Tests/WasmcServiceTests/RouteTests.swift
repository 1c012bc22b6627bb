import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import XCTest
@testable import WasmcService

/// The routes through Hummingbird's router test framework, on a real cache directory. Compiles that
/// need a child process are covered by `scripts/test.d/serve.sh` against the built `wasmc`.
final class RouteTests: XCTestCase {
    private var directory: URL!

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-route-tests-\(UUID())")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func application(token: BearerToken? = nil, maxModuleSize: Int = 1024) throws -> (some ApplicationProtocol, ArtifactSource) {
        let source = try ArtifactSource(directory: directory, warn: { _ in })
        let metrics = ServiceMetrics()
        let compiler = ChildCompiler(executable: URL(fileURLWithPath: "/bin/false"), cacheDirectory: directory,
                                     timeout: .seconds(5), memoryLimit: 1 << 30)
        let service = CompileService(source: source, compiler: compiler, jobs: 1, queueLimit: 1, metrics: metrics,
                                     logger: Logger(label: "test"))
        let routes = Routes(service: service, metrics: metrics, maxModuleSize: maxModuleSize, token: token)
        return (Application(router: routes.router()), source)
    }


    func testHealthAndTokens() async throws {
        let (app, _) = try application(token: try BearerToken("secret"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertEqual(response.headers[.wwwAuthenticate], "Bearer")
                XCTAssertEqual(errorKind(response), "unauthorized")
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong"]) {
                XCTAssertEqual($0.status, .unauthorized)
            }
            try await client.execute(uri: "/v1/compile", method: .post, body: ByteBuffer(string: "x")) {
                XCTAssertEqual($0.status, .unauthorized)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer secret"]) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(String(buffer: response.body).contains("wasmc_compile_queue_depth"))
            }
        }
    }

    func testBadRequestsAndLimits() async throws {
        let (app, _) = try application(maxModuleSize: 16)
        try await app.test(.router) { client in
            for query in ["emit=llvm", "opt=9", "emit=exe&emit=obj", "bounds=none", "cpu=native", "frobnicate=1"] {
                try await client.execute(uri: "/v1/compile?" + query, method: .post, body: ByteBuffer(string: "\0asm")) { response in
                    XCTAssertEqual(response.status, .badRequest, query)
                    XCTAssertEqual(errorKind(response), "bad-request", query)
                }
            }
            try await client.execute(uri: "/v1/compile", method: .post, body: ByteBuffer(repeating: 0, count: 17)) { response in
                XCTAssertEqual(response.status, .contentTooLarge)
                XCTAssertEqual(errorKind(response), "limit")
            }
            try await client.execute(uri: "/v1/artifacts/../../etc/passwd", method: .get) { XCTAssertNotEqual($0.status, .ok) }
            try await client.execute(uri: "/v1/artifacts/ABC", method: .get) { XCTAssertEqual($0.status, .badRequest) }
            try await client.execute(uri: "/v1/artifacts/\(String(repeating: "a", count: 64)).tar", method: .get) {
                XCTAssertEqual($0.status, .badRequest)
            }
            try await client.execute(uri: "/v1/artifacts/\(String(repeating: "a", count: 64))", method: .get) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(errorKind(response), "not-found")
            }
            try await client.execute(uri: "/v1/artifacts/\(String(repeating: "a", count: 64))/manifest", method: .get) {
                XCTAssertEqual($0.status, .notFound)
            }
        }
    }

    func testStoredArtifactsETagsAndHead() async throws {
        let (app, source) = try application()
        let key = String(repeating: "0123456789abcdef", count: 4)
        let file = directory.appendingPathComponent("header.h")
        try Data("int x;\n".utf8).write(to: file)
        let stored = try source.store(key, kind: .header, from: file)
        let etag = "\"\(stored.sha256)\""
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/artifacts/\(key).header", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body), "int x;\n")
                XCTAssertEqual(response.headers[.eTag], etag)
                XCTAssertEqual(response.headers[Routes.cacheKey], key)
            }
            try await client.execute(uri: "/v1/artifacts/\(key).header", method: .head) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.body.readableBytes, 0)
                XCTAssertEqual(response.headers[.eTag], etag)
            }
            try await client.execute(uri: "/v1/artifacts/\(key).header", method: .get, headers: [.ifNoneMatch: "\"other\", \(etag)"]) {
                XCTAssertEqual($0.status, .notModified)
                XCTAssertEqual($0.body.readableBytes, 0)
            }
            try await client.execute(uri: "/v1/artifacts/\(key).header", method: .get, headers: [.ifNoneMatch: "\"other\""]) {
                XCTAssertEqual($0.status, .ok)
            }
            try await client.execute(uri: "/v1/artifacts/\(key)", method: .get) { XCTAssertEqual($0.status, .notFound) }
        }
    }

    func testETagMatching() {
        XCTAssertTrue(Routes.matches("*", etag: "\"a\""))
        XCTAssertTrue(Routes.matches("W/\"a\"", etag: "\"a\""))
        XCTAssertTrue(Routes.matches("\"b\" , \"a\"", etag: "\"a\""))
        XCTAssertFalse(Routes.matches("\"ab\"", etag: "\"a\""))
        XCTAssertFalse(Routes.matches("a", etag: "\"a\""))
    }
}

/// The `kind` of a JSON error body.
private func errorKind(_ response: TestResponse) -> String? {
    response.body.getData(at: 0, length: response.body.readableBytes).flatMap(ErrorBody.decode)?.kind
}
