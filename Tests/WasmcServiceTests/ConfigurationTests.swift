import Foundation
import XCTest
@testable import WasmcService

final class ConfigurationTests: XCTestCase {
    func testListenAddresses() throws {
        XCTAssertEqual(try ListenAddress(parsing: "127.0.0.1:8080"), ListenAddress(host: "127.0.0.1", port: 8080))
        XCTAssertEqual(try ListenAddress(parsing: "localhost:1"), ListenAddress(host: "localhost", port: 1))
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:65535"), ListenAddress(host: "::1", port: 65535))
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:80").description, "[::1]:80")
        XCTAssertTrue(try ListenAddress(parsing: "127.0.0.2:80").isLoopback)
        XCTAssertFalse(try ListenAddress(parsing: "0.0.0.0:80").isLoopback)
        for bad in ["", "8080", ":8080", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:+80",
                    "127.0.0.1:99999999999999999999", "host name:80", "a/b:80", "::1:80", "[::1]80", "[]:80", "[zz]:80",
                    "127.0.0.1:８０"] {
            XCTAssertThrowsError(try ListenAddress(parsing: bad), "accepted '\(bad)'")
        }
    }

    func testSizes() throws {
        XCTAssertEqual(try ByteSize.parse("65536", option: "--x"), 65536)
        XCTAssertEqual(try ByteSize.parse("512K", option: "--x"), 512 << 10)
        XCTAssertEqual(try ByteSize.parse("64M", option: "--x"), 64 << 20)
        XCTAssertEqual(try ByteSize.parse("64MiB", option: "--x"), 64 << 20)
        XCTAssertEqual(try ByteSize.parse("1g", option: "--x"), 1 << 30)
        XCTAssertEqual(try ByteSize.parse("2TB", option: "--x"), 2 << 40)
        for bad in ["", "M", "0", "0M", "-1", "1.5G", "64 M", "64X", "1P", "8388608T", "99999999999999999999", "18446744073709551615"] {
            XCTAssertThrowsError(try ByteSize.parse(bad, option: "--x"), "accepted '\(bad)'")
        }
        XCTAssertEqual(try? ByteSize.parse("9223372036854775807", option: "--x"), UInt64(Int.max))
        XCTAssertThrowsError(try ByteSize.parse("9223372036854775808", option: "--x")) { error in
            XCTAssertTrue("\(error)".contains("too large"), "\(error)")
        }
    }

    func testJobsAndRemoteCache() throws {
        XCTAssertEqual(try ServeConfiguration.validateJobs(1), 1)
        XCTAssertEqual(try ServeConfiguration.validateJobs(256), 256)
        XCTAssertThrowsError(try ServeConfiguration.validateJobs(0))
        XCTAssertThrowsError(try ServeConfiguration.validateJobs(257))
        XCTAssertEqual(try ServeConfiguration.parseRemoteCache("http://127.0.0.1:9000/cache").host, "127.0.0.1")
        for bad in ["ftp://x/", "http://", "/path", "cache", ""] {
            XCTAssertThrowsError(try ServeConfiguration.parseRemoteCache(bad), "accepted '\(bad)'")
        }
        XCTAssertThrowsError(try ServeConfiguration.parseTimeout(0))
    }

    func testKeys() {
        XCTAssertTrue(ArtifactKey.isValid(String(repeating: "0123456789abcdef", count: 4)))
        XCTAssertFalse(ArtifactKey.isValid(String(repeating: "0123456789ABCDEF", count: 4)))
        XCTAssertFalse(ArtifactKey.isValid(String(repeating: "a", count: 63)))
        XCTAssertFalse(ArtifactKey.isValid(String(repeating: "a", count: 65)))
        XCTAssertFalse(ArtifactKey.isValid("../" + String(repeating: "a", count: 61)))
        XCTAssertFalse(ArtifactKey.isValid(String(repeating: "é", count: 32)))
    }

    func testCompileRequestQuery() throws {
        let known: (String) -> Bool = { ["generic", "x86-64-v2", "native"].contains($0) }
        let request = try CompileRequest(query: [("emit", "obj"), ("opt", "3"), ("bounds", "explicit"), ("cpu", "x86-64-v2")], isKnownCPU: known)
        XCTAssertEqual(request.kind, .object)
        XCTAssertEqual(request.options.optimizationLevel, 3)
        XCTAssertEqual(request.options.boundsChecks, .explicit)
        XCTAssertEqual(request.options.targetCPU, "x86-64-v2")
        XCTAssertEqual(try CompileRequest(query: [], isKnownCPU: known), CompileRequest())
        let bad: [[(String, String)]] = [
            [("emit", "exe"), ("emit", "exe")], [("emit", "llvm")], [("opt", "4")], [("opt", "02")], [("opt", "")],
            [("bounds", "none")], [("cpu", "pentium9")], [("cpu", "native")], [("optimize", "2")], [("Emit", "exe")],
        ]
        for query in bad {
            XCTAssertThrowsError(try CompileRequest(query: query.map { (name: $0.0, value: $0.1) }, isKnownCPU: known), "\(query)") { error in
                XCTAssertEqual((error as? ServiceError)?.status, .badRequest)
            }
        }
    }

    func testErrorJSON() {
        let body = ErrorBody(kind: "malformed", offset: 8, message: "unexpected end")
        XCTAssertEqual(String(decoding: body.jsonData(), as: UTF8.self),
                       #"{"error":{"kind":"malformed","message":"unexpected end","offset":8}}"# + "\n")
        XCTAssertEqual(ErrorBody.decode(Data(body.jsonData())), body)
        XCTAssertEqual(String(decoding: ErrorBody(kind: "limit", message: "a/b \"c\"").jsonData(), as: UTF8.self),
                       #"{"error":{"kind":"limit","message":"a/b \"c\""}}"# + "\n")
        XCTAssertEqual(ServiceError(compileFailure: body).status, .unprocessableContent)
        XCTAssertEqual(ServiceError(compileFailure: ErrorBody(kind: "internal", message: "x")).status, .internalServerError)
    }
}

final class BearerTokenTests: XCTestCase {
    func testMatching() throws {
        let token = try BearerToken("  s3cret\n")
        XCTAssertTrue(token.matches("s3cret"))
        XCTAssertFalse(token.matches("s3cre"))
        XCTAssertFalse(token.matches("s3cret "))
        XCTAssertFalse(token.matches(""))
        XCTAssertTrue(token.accepts(authorization: "Bearer s3cret"))
        XCTAssertTrue(token.accepts(authorization: "bearer s3cret"))
        XCTAssertFalse(token.accepts(authorization: "Basic s3cret"))
        XCTAssertFalse(token.accepts(authorization: "Bearer"))
        XCTAssertFalse(token.accepts(authorization: nil))
        XCTAssertThrowsError(try BearerToken(" \n\t"))
    }

    func testTokenFilePermissions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-token-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("token")
        try Data("abc\n".utf8).write(to: file)
        chmod(file.path, 0o600)
        XCTAssertTrue(try BearerToken(contentsOf: file.path).matches("abc"))
        chmod(file.path, 0o640)
        XCTAssertThrowsError(try BearerToken(contentsOf: file.path)) { XCTAssertTrue("\($0)".contains("readable by group or others")) }
        chmod(file.path, 0o604)
        XCTAssertThrowsError(try BearerToken(contentsOf: file.path))
        try Data("\n".utf8).write(to: file)
        chmod(file.path, 0o600)
        XCTAssertThrowsError(try BearerToken(contentsOf: file.path)) { XCTAssertTrue("\($0)".contains("empty")) }
        XCTAssertThrowsError(try BearerToken(contentsOf: directory.path))
        XCTAssertThrowsError(try BearerToken(contentsOf: directory.appendingPathComponent("missing").path))
    }
}
