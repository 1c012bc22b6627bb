import Foundation

/// Hit and miss counters kept in the cache directory (`stats`), for `wasmc cache stats`.
///
/// Each event adds to the file under an exclusive `flock` of `stats.lock`, so concurrent processes
/// never lose each other's counts, and the new text replaces the old by rename, so a reader (or a
/// process killed mid-update) never sees half a file. A handful of events per command costs well under
/// a millisecond; the counters are advisory, so any failure is ignored.
public struct CacheStatistics: Equatable, Sendable {
    /// Local hits, remote hits, misses (built here), entries stored, entries uploaded, remote
    /// failures (down, refused, damaged), entries evicted.
    public var counters: [String: UInt64]

    public static let names = ["hits", "remote-hits", "misses", "stores", "uploads", "remote-errors", "evictions"]

    public subscript(name: String) -> UInt64 { counters[name] ?? 0 }

    static func file(in directory: URL) -> URL { directory.appendingPathComponent("stats") }

    /// The counters; zero when there are none (or the file is not to be trusted).
    public static func read(in directory: URL) -> CacheStatistics {
        guard let (bytes, _) = CacheFiles.trustedContents(file(in: directory).path, limit: 4096) else { return CacheStatistics(counters: [:]) }
        var counters: [String: UInt64] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, names.contains(String(fields[0])), let value = UInt64(fields[1]) { counters[String(fields[0])] = value }
        }
        return CacheStatistics(counters: counters)
    }

    /// Adds `amount` to the counter `name`.
    static func record(_ name: String, _ amount: UInt64 = 1, in directory: URL) {
        let lockPath = directory.appendingPathComponent("stats.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, CacheFiles.isTrusted(status), flock(descriptor, LOCK_EX) == 0 else { return }
        defer { flock(descriptor, LOCK_UN) }
        var statistics = read(in: directory)
        statistics.counters[name, default: 0] &+= amount
        let text = names.map { "\($0) \(statistics[$0])\n" }.joined()
        try? OutputFile.write(Array(text.utf8), to: file(in: directory), mode: 0o600, action: "cannot update the cache statistics",
                              durable: false)
    }

    static func reset(in directory: URL) {
        unlink(file(in: directory).path)
    }
}
