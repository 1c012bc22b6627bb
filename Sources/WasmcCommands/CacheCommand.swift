import ArgumentParser
import Foundation
import WasmcCompiler

/// `wasmc cache dir|stats|list|verify|gc|clear`: looks after the artifact cache (see `ArtifactCache`).
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show, check and trim the artifact cache.",
        discussion: """
            The cache is $XDG_CACHE_HOME/wasmc (else ~/.cache/wasmc): action entries in ac/, artifacts by \
            SHA-256 in cas/. Every artifact read is checked against its digest; a damaged one is removed and rebuilt.
            """,
        subcommands: [Directory.self, Statistics.self, List.self, Verify.self, Collect.self, Clear.self]
    )

    struct Directory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dir", abstract: "Print the cache directory.")

        func run() {
            print(ArtifactCache.defaultDirectory().path)
        }
    }

    struct Statistics: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Print the cache's size and hit and miss counts.")

        func run() throws {
            let cache = try usableCache()
            let inventory = cache.inventory()
            print("directory: \(cache.directory.path)")
            print("entries: \(inventory.entries.count)")
            print("blobs: \(inventory.blobs.count)")
            print("size: \(inventory.totalBytes) (\(CacheSize.format(inventory.totalBytes)))")
            let statistics = cache.statistics
            for name in CacheStatistics.names { print("\(name): \(statistics[name])") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the entries, most recently used first: key, artifacts, bytes, last use.")

        func run() throws {
            let cache = try usableCache()
            let inventory = cache.inventory()
            let formatter = ISO8601DateFormatter()
            for entry in inventory.entries.sorted(by: { $0.lastUse > $1.lastUse }) {
                let kinds = entry.action.map { $0.artifacts.map(\.name).joined(separator: ",") + ($0.manifest == nil ? "" : ",manifest") } ?? "(unreadable)"
                print("\(entry.key)  \(kinds)  \(inventory.bytes(of: entry))  \(formatter.string(from: entry.lastUse))")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every artifact against its digest; remove and report what is damaged (exit status 1 if anything was).")

        func run() throws {
            let cache = try usableCache()
            let report = cache.verify()
            for line in report.damaged { print("damaged: \(line)") }
            print("verified \(report.checkedEntries) entries and \(report.checkedBlobs) blobs: \(report.damaged.count) damaged")
            if !report.damaged.isEmpty { throw ExitCode.failure }
        }
    }

    struct Collect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gc",
            abstract: "Remove damaged and unused files, then the least recently used entries down to --max-size.")

        @Option(name: .long, help: ArgumentHelp("The most the cache may take, e.g. 512M or 2G (default: $WASMC_MAX_CACHE_SIZE; none: only garbage is removed).", valueName: "SIZE"))
        var maxSize: String?

        func validate() throws {
            _ = try CacheSizeArgument.parse(maxSize, option: "--max-size")
        }

        func run() throws {
            let cache = try usableCache()
            let report = cache.collectGarbage(maximumSize: try CacheSizeArgument.parse(maxSize, option: "--max-size"))
            print("removed \(report.removedEntries) entries and \(report.removedBlobs) blobs (\(CacheSize.format(report.freedBytes))); "
                + "the cache takes \(report.remainingBytes) bytes (\(CacheSize.format(report.remainingBytes)))")
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove every entry and counter.")

        func run() throws {
            let report = try usableCache().clear()
            print("removed \(report.removedEntries) entries and \(report.removedBlobs) blobs (\(CacheSize.format(report.freedBytes)))")
        }
    }
}

/// The default cache, or a one-line error when its directory may not be used.
private func usableCache() throws -> ArtifactCache {
    let cache = ArtifactCache(directory: ArtifactCache.defaultDirectory(), warn: { _ in })
    do {
        try cache.checkDirectory()
    } catch {
        printError("error: \(error)")
        throw ExitCode.failure
    }
    return cache
}

/// A size option, else `WASMC_MAX_CACHE_SIZE`, else none; garbage in either is a usage error.
enum CacheSizeArgument {
    static func parse(_ text: String?, option: String,
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws -> UInt64? {
        if let text {
            do { return try CacheSize.parse(text) } catch { throw ValidationError("\(option): \(error)") }
        }
        guard let value = environment["WASMC_MAX_CACHE_SIZE"], !value.isEmpty else { return nil }
        do { return try CacheSize.parse(value) } catch { throw ValidationError("WASMC_MAX_CACHE_SIZE: \(error)") }
    }
}
