import Foundation
import Testing
@testable import WasmcCompiler

/// The content-addressed layout, eviction, counters and sizes of the artifact cache (issue 11).
@Suite("Cache store")
struct CacheStoreTests {
    private func makeCache(maximumSize: UInt64? = nil, remote: RemoteCache? = nil,
                           _ warnings: WarningLog = WarningLog()) throws -> (ArtifactCache, PrivateDirectory) {
        let parent = try PrivateDirectory()
        let cache = ArtifactCache(directory: parent.url.appendingPathComponent("wasmc"), remote: remote, maximumSize: maximumSize,
                                  warn: { warnings.append($0) })
        return (cache, parent)
    }

    private func store(_ cache: ArtifactCache, _ key: String, _ text: String, suffix: String = ".so") throws {
        _ = try cache.store(key, suffix: suffix) { try Data(text.utf8).write(to: $0) }
    }

    private func setLastUse(_ cache: ArtifactCache, _ key: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)],
                                              ofItemAtPath: cache.path(for: key, suffix: ".so").path)
    }

    @Test func identicalArtifactsAreStoredOnce() throws {
        let (cache, _) = try makeCache()
        try store(cache, "a", "same bytes")
        try store(cache, "b", "same bytes")
        try store(cache, "c", "other bytes")
        let inventory = cache.inventory()
        #expect(inventory.entries.count == 3)
        #expect(inventory.blobs.count == 2)
        #expect(try String(contentsOf: #require(cache.lookup("b", suffix: ".so")), encoding: .utf8) == "same bytes")
    }

    @Test func verifyRemovesAndReportsDamage() throws {
        let (cache, _) = try makeCache()
        try store(cache, "a", "first")
        try store(cache, "b", "second")
        let blob = cache.directory.appendingPathComponent("cas/" + ArtifactCache.digest(Data("first".utf8)))
        try Data("fir5t".utf8).write(to: blob)
        try Data("{".utf8).write(to: cache.path(for: "b", suffix: ".so"))
        let report = cache.verify()
        #expect(report.checkedBlobs == 2)
        #expect(report.damaged.count == 3, "the bad blob, the entry naming it and the unparsable entry: \(report.damaged)")
        #expect(cache.inventory().entries.isEmpty)
        #expect(cache.verify().damaged.isEmpty)
    }

    /// What a writer killed between its blob and its entry leaves, or an entry whose blob went away,
    /// is a miss and is rebuilt, never served.
    @Test func halfWrittenEntriesAreMisses() throws {
        let warnings = WarningLog()
        let (cache, _) = try makeCache(warnings)
        let content = ContentStore(directory: cache.directory.appendingPathComponent("cas"))
        #expect(cache.lookup("k", suffix: ".so") == nil)
        try content.put(Array("orphan".utf8), executable: false)
        #expect(cache.lookup("k", suffix: ".so") == nil, "a blob without its entry is not an entry")
        try store(cache, "k", "artifact")
        content.remove(ArtifactCache.digest(Data("artifact".utf8)))
        #expect(cache.lookup("k", suffix: ".so") == nil)
        #expect(warnings.messages.count == 1, "\(warnings.messages)")
        var builds = 0
        let rebuilt = try cache.store("k", suffix: ".so") { url in
            builds += 1
            try Data("artifact".utf8).write(to: url)
        }
        #expect(builds == 1)
        #expect(try String(contentsOf: rebuilt, encoding: .utf8) == "artifact")
        #expect(cache.lookup("k", suffix: ".so") != nil)
    }

    @Test func evictionRemovesTheLeastRecentlyUsedFirst() throws {
        let (cache, _) = try makeCache()
        for (key, age) in [("a", 300.0), ("b", 200.0), ("c", 100.0)] {
            try store(cache, key, String(repeating: key, count: 1000))
            try setLastUse(cache, key, secondsAgo: age)
        }
        // A hit makes "a" the most recently used.
        _ = try #require(cache.lookup("a", suffix: ".so"))
        let sizes = cache.inventory()
        let perEntry = sizes.totalBytes / 3
        let report = cache.collectGarbage(maximumSize: 2 * perEntry + 10)
        #expect(report.removedEntries == 1)
        #expect(report.removedBlobs == 1)
        #expect(cache.lookup("b", suffix: ".so") == nil)
        #expect(cache.lookup("a", suffix: ".so") != nil)
        #expect(cache.lookup("c", suffix: ".so") != nil)
        #expect(cache.inventory().totalBytes <= 2 * perEntry + 10)
        #expect(cache.collectGarbage(maximumSize: 0).remainingBytes == 0)
        #expect(cache.inventory().entries.isEmpty && cache.inventory().blobs.isEmpty)
    }

    @Test func aBlobSharedWithAKeptEntryIsKept() throws {
        let (cache, _) = try makeCache()
        try store(cache, "old", "shared")
        try store(cache, "new", "shared")
        try setLastUse(cache, "old", secondsAgo: 100)
        let entrySize = UInt64(try FileManager.default.attributesOfItem(atPath: cache.path(for: "new", suffix: ".so").path)[.size] as! Int)
        cache.collectGarbage(maximumSize: entrySize + 6)
        #expect(cache.lookup("old", suffix: ".so") == nil)
        #expect(cache.lookup("new", suffix: ".so") != nil)
    }

    @Test func storesEvictDownToTheCap() throws {
        let (cache, _) = try makeCache(maximumSize: 5000)
        for index in 0..<6 {
            try store(cache, "k\(index)", String(repeating: "\(index)", count: 1500))
            try setLastUse(cache, "k\(index)", secondsAgo: Double(100 - index))
        }
        let inventory = cache.inventory()
        #expect(inventory.totalBytes <= 5000)
        #expect(inventory.entries.count == 3, "1500-byte blobs and their entries of about 140 bytes: three fit")
        #expect(cache.lookup("k5", suffix: ".so") != nil, "the newest survives")
        #expect(cache.statistics["evictions"] == 3)
    }

    @Test func unreferencedBlobsAreCollectedAfterAGracePeriod() throws {
        let (cache, _) = try makeCache()
        let content = cache.directory.appendingPathComponent("cas")
        try store(cache, "a", "kept")
        let young = try ContentStore(directory: content).put(Array("young".utf8), executable: false)
        let old = try ContentStore(directory: content).put(Array("old".utf8), executable: false)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: content.appendingPathComponent(old).path)
        let report = cache.collectGarbage(maximumSize: nil)
        #expect(report.removedBlobs == 1)
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent(young).path), "a store may be about to name it")
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent(old).path))
        #expect(cache.lookup("a", suffix: ".so") != nil)
    }

    /// An artifact handed out keeps working when the cache is cleared under it: here an executable, run
    /// after its entry and blob are gone.
    @Test func anArtifactInUseSurvivesEviction() throws {
        let (cache, _) = try makeCache()
        _ = try cache.store("k", suffix: "-runner") { url in
            try Data("#!/bin/sh\necho still here\n".utf8).write(to: url)
            chmod(url.path, 0o755)
        }
        let executable = try #require(cache.lookup("k", suffix: "-runner"))
        #expect(cache.clear().removedBlobs == 1)
        #expect(cache.lookup("k", suffix: "-runner") == nil)
        let process = Process()
        process.executableURL = executable
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "still here\n")
    }

    @Test func aManifestIsStoredWithItsArtifact() throws {
        let (cache, _) = try makeCache()
        _ = try cache.store("k", suffix: ".so", manifest: Array("{\"exports\":[]}".utf8)) { try Data("module".utf8).write(to: $0) }
        let hit = try #require(cache.find("k", suffix: ".so"))
        #expect(hit.manifest == Array("{\"exports\":[]}".utf8))
        #expect(cache.inventory().blobs.count == 2)
    }

    @Test func countersPersistAcrossCacheValues() throws {
        let (cache, _) = try makeCache()
        #expect(cache.lookup("k", suffix: ".so") == nil)
        try store(cache, "k", "x")
        _ = cache.lookup("k", suffix: ".so")
        let again = ArtifactCache(directory: cache.directory, warn: { _ in })
        _ = again.lookup("k", suffix: ".so")
        let statistics = again.statistics
        #expect(statistics["misses"] == 1)
        #expect(statistics["stores"] == 1)
        #expect(statistics["hits"] == 2)
        again.clear()
        #expect(again.statistics["hits"] == 0)
    }

    /// A remote that refuses connections costs one warning and a miss; it is not asked again.
    @Test func aRemoteThatIsDownIsAWarningAndAMiss() throws {
        let warnings = WarningLog()
        let (cache, _) = try makeCache(remote: try RemoteCache("http://127.0.0.1:9"), warnings)
        #expect(cache.lookup("k", suffix: ".so") == nil)
        #expect(cache.lookup("k2", suffix: ".so") == nil)
        try store(cache, "k", "x")
        #expect(warnings.messages.count == 1, "\(warnings.messages)")
        #expect(warnings.messages.first?.hasPrefix("remote cache http://127.0.0.1:9: unreachable") == true, "\(warnings.messages)")
        #expect(cache.lookup("k", suffix: ".so") != nil)
    }

    @Test func remoteURLsAreChecked() throws {
        let remote = try RemoteCache("https://user:secret@cache.example:8080/wasmc/", readOnly: true)
        #expect(remote.url == "https://cache.example:8080/wasmc")
        #expect(!remote.displayURL.contains("secret"))
        #expect(remote.readOnly)
        for bad in ["ftp://host/", "file:///tmp", "http://", "host:80", "http://host/a\nb", "http://host/?q=1", "http://host/#f", ""] {
            #expect(throws: RemoteCacheError.self, "\(bad)") { try RemoteCache(bad) }
        }
    }
}

@Suite("Cache sizes")
struct CacheSizeTests {
    @Test func unitsAndBytes() throws {
        #expect(try CacheSize.parse("0") == 0)
        #expect(try CacheSize.parse("4096") == 4096)
        #expect(try CacheSize.parse("512K") == 512 << 10)
        #expect(try CacheSize.parse("512kb") == 512 << 10)
        #expect(try CacheSize.parse("64M") == 64 << 20)
        #expect(try CacheSize.parse("64MiB") == 64 << 20)
        #expect(try CacheSize.parse("1G") == 1 << 30)
        #expect(try CacheSize.parse("2t") == 2 << 40)
        #expect(try CacheSize.parse("100B") == 100)
        #expect(try CacheSize.parse("16777215T") == 16_777_215 << 40)
    }

    @Test func garbageAndOverflowAreRejected() {
        for bad in ["", "M", "-1", "1.5G", "12Q", "1 G G", "0x10", "16777216T", "99999999999999999999", "18446744073709551616"] {
            #expect(throws: CacheSizeError.self, "\(bad)") { try CacheSize.parse(bad) }
        }
        #expect((try? CacheSize.parse("1.5G")) == nil)
        let error = #expect(throws: CacheSizeError.self) { try CacheSize.parse("16777216T") }
        #expect(error?.description == "invalid size '16777216T': too large")
    }

    @Test func formatting() {
        #expect(CacheSize.format(100) == "100")
        #expect(CacheSize.format(1536) == "1.5K")
        #expect(CacheSize.format(64 << 20) == "64M")
    }
}
