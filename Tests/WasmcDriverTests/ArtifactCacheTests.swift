import Foundation
import Testing
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

@Suite("Artifact cache")
struct ArtifactCacheTests {
    private func makeCache() throws -> (ArtifactCache, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-cache-test-\(UUID().uuidString)")
        return (ArtifactCache(directory: directory, warn: { _ in }), directory)
    }

    @Test func keysDependOnEveryPartAndItsBoundaries() {
        let key = ArtifactCache.key([[1, 2], [3]])
        #expect(key == ArtifactCache.key([[1, 2], [3]]))
        #expect(key != ArtifactCache.key([[1], [2, 3]]))
        #expect(key != ArtifactCache.key([[1, 2], [4]]))
        #expect(key.count == 64)
    }

    @Test func storeThenHit() throws {
        let (cache, directory) = try makeCache()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(cache.lookup("k", suffix: ".so") == nil)
        var builds = 0
        let stored = try cache.store("k", suffix: ".so") { url in
            builds += 1
            try Data("artifact".utf8).write(to: url)
        }
        #expect(builds == 1)
        #expect(try String(contentsOf: stored, encoding: .utf8) == "artifact")
        let hit = try #require(cache.find("k", suffix: ".so"))
        #expect(hit.origin == .local)
        #expect(try String(contentsOf: hit.url, encoding: .utf8) == "artifact")
    }

    @Test func corruptEntryIsDroppedWithAWarning() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-cache-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let warnings = WarningLog()
        let cache = ArtifactCache(directory: directory, warn: { warnings.append($0) })
        _ = try cache.store("k", suffix: ".so") { try Data("artifact".utf8).write(to: $0) }
        let blob = directory.appendingPathComponent("cas/" + ArtifactCache.digest(Data("artifact".utf8)))
        try Data("artif".utf8).write(to: blob)
        #expect(cache.lookup("k", suffix: ".so") == nil)
        #expect(warnings.messages.count == 1)
        #expect(!FileManager.default.fileExists(atPath: blob.path))
        #expect(!FileManager.default.fileExists(atPath: cache.path(for: "k", suffix: ".so").path))
    }

    @Test func unwritableCacheStillBuilds() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-cache-file-\(UUID().uuidString)")
        try Data().write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let warnings = WarningLog()
        // A regular file where the directory should be: the cache cannot be created.
        let cache = ArtifactCache(directory: blocker.appendingPathComponent("sub"), warn: { warnings.append($0) })
        let built = try cache.store("k", suffix: ".so") { try Data("artifact".utf8).write(to: $0) }
        #expect(try String(contentsOf: built, encoding: .utf8) == "artifact")
        #expect(warnings.messages.count == 1)
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(ArtifactCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]).path == "/x/cache/wasmc")
        #expect(ArtifactCache.defaultDirectory(environment: ["HOME": "/h"]).path == "/h/.cache/wasmc")
    }
}

final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ message: String) { lock.withLock { stored.append(message) } }
    var messages: [String] { lock.withLock { stored } }
}

@Suite("Compiler cache keys")
struct CompilerCacheKeyTests {
    private func compiler(_ options: CompilationOptions, runtimeKey: String = "rt") -> Compiler {
        let runtime = RuntimeLibrary(runtimePath: URL(fileURLWithPath: "/nonexistent/libwasmc_rt.so"),
                                     spectestPath: URL(fileURLWithPath: "/nonexistent/spectest.so"), sourceKey: runtimeKey)
        return Compiler(options: options, runtime: runtime, cache: nil)
    }

    @Test func sameInputSameKey() {
        let bytes: [UInt8] = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0]
        #expect(compiler(CompilationOptions()).cacheKey(for: bytes) == compiler(CompilationOptions()).cacheKey(for: bytes))
    }

    @Test func optionsBytesAndRuntimeChangeTheKey() {
        let bytes: [UInt8] = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0]
        let base = compiler(CompilationOptions()).cacheKey(for: bytes)
        #expect(base != compiler(CompilationOptions(optimizationLevel: 0)).cacheKey(for: bytes))
        #expect(base != compiler(CompilationOptions(boundsChecks: .explicit)).cacheKey(for: bytes))
        #expect(base != compiler(CompilationOptions(), runtimeKey: "other").cacheKey(for: bytes))
        #expect(base != compiler(CompilationOptions()).cacheKey(for: bytes + [0]))
    }
}

/// The compile pipeline's use of the cache, on a real compile.
@Suite("Compiler cache")
struct CompilerCacheTests {
    /// `(module (func (export "f") (result i32) i32.const 7))`
    static let module: [UInt8] = [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F, 0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, 0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0B,
    ]

    @Test func hitMissAndRepair() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-compile-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ArtifactCache(directory: directory, warn: { _ in })
        let runtime = try RuntimeLibrary.prepare(cache: cache)
        let compiler = Compiler(options: CompilationOptions(), runtime: runtime, cache: cache)
        let first = try compiler.compile(Self.module)
        let stores = cache.statistics["stores"]
        let second = try compiler.compile(Self.module)
        #expect(try Data(contentsOf: second) == Data(contentsOf: first))
        #expect(cache.statistics["stores"] == stores, "a hit does not rebuild")
        let other = try Compiler(options: CompilationOptions(optimizationLevel: 0), runtime: runtime, cache: cache).compile(Self.module)
        #expect(cache.statistics["stores"] == stores + 1, "other options miss")
        _ = other
        let good = try Data(contentsOf: first)
        // The handed-out file is a hard link of the blob: damaging it damages the cached copy.
        try Data(good.prefix(100)).write(to: first)
        let repaired = try compiler.compile(Self.module)
        #expect(try Data(contentsOf: repaired).count == good.count, "a damaged entry is rebuilt")
    }
}
