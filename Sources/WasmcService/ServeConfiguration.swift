import Foundation
import WasmcCompiler

/// Everything `wasmc serve` is told on its command line, validated: command-line values are hostile
/// input like any other, so each parser rejects what it does not fully understand, with the reason.
public struct ServeConfiguration: Sendable {
    public var listen: ListenAddress
    public var cacheDirectory: URL
    /// The cache is trimmed to it, least recently used first, after every store.
    public var maxCacheSize: UInt64?
    /// Compiles running at once.
    public var jobs: Int
    /// Compiles waiting for a job slot beyond which requests are refused with 503.
    public var queueLimit: Int
    public var maxModuleSize: Int
    public var token: BearerToken?
    /// Accepted and validated; not used by `serve` yet (the CLI's `--remote-cache` is).
    public var remoteCache: URL?
    /// Wall time and address space a compile child may use before it is killed.
    public var compileTimeout: Duration
    public var compileMemoryLimit: UInt64
    /// The `wasmc` executable compile children are started from.
    public var workerExecutable: URL

    public static let defaultMaxModuleSize = 64 << 20
    public static let defaultCompileMemoryLimit: UInt64 = 4 << 30

    public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8080), cacheDirectory: URL,
                maxCacheSize: UInt64? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                queueLimit: Int? = nil, maxModuleSize: Int = ServeConfiguration.defaultMaxModuleSize,
                token: BearerToken? = nil, remoteCache: URL? = nil, compileTimeout: Duration = .seconds(120),
                compileMemoryLimit: UInt64 = ServeConfiguration.defaultCompileMemoryLimit,
                workerExecutable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()) {
        self.listen = listen
        self.cacheDirectory = cacheDirectory
        self.maxCacheSize = maxCacheSize
        self.jobs = jobs
        // Enough for a burst of distinct modules per slot, small enough that a flood is refused quickly.
        self.queueLimit = queueLimit ?? jobs * 16
        self.maxModuleSize = maxModuleSize
        self.token = token
        self.remoteCache = remoteCache
        self.compileTimeout = compileTimeout
        self.compileMemoryLimit = compileMemoryLimit
        self.workerExecutable = workerExecutable
    }
}

/// A command-line value that cannot be used, and why.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `HOST:PORT` (an IPv6 host in brackets: `[::1]:8080`).
public struct ListenAddress: Equatable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws(ConfigurationError) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw ConfigurationError("--listen '\(text)': an IPv6 address is written [ADDRESS]:PORT")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw ConfigurationError("--listen '\(text)': '\(host)' is not an IPv6 address")
            }
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw ConfigurationError("--listen '\(text)': expected HOST:PORT, such as 127.0.0.1:8080")
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            let isHostName = host.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
            guard !host.isEmpty, host.count <= 253, isHostName else {
                throw ConfigurationError("--listen '\(text)': '\(host)' is not a host name or IPv4 address")
            }
        }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ ("0"..."9").contains($0) }), let port = Int(portText),
              (1...65535).contains(port) else {
            throw ConfigurationError("--listen '\(text)': the port must be a number from 1 to 65535")
        }
        self.host = String(host)
        self.port = port
    }

    /// Loopback hosts: anything else exposes the compiler to the network, which deserves a warning.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Sizes of the server's options, as the cache's `CacheSize` reads them, that must be more than zero and fit an `Int`.
public enum ByteSize {
    public static func parse(_ text: String, option: String) throws(ConfigurationError) -> UInt64 {
        let bytes: UInt64
        do throws(CacheSizeError) {
            bytes = try CacheSize.parse(text)
        } catch {
            throw ConfigurationError("\(option) '\(text)': \(error.reason)")
        }
        guard bytes <= UInt64(Int.max) else { throw ConfigurationError("\(option) '\(text)': too large") }
        guard bytes > 0 else { throw ConfigurationError("\(option) '\(text)': must be more than 0 bytes") }
        return bytes
    }
}

extension ServeConfiguration {
    public static let jobsRange = 1...256

    public static func validateJobs(_ jobs: Int) throws(ConfigurationError) -> Int {
        guard jobsRange.contains(jobs) else { throw ConfigurationError("--jobs \(jobs): expected 1 to 256 concurrent compiles") }
        return jobs
    }

    /// An `http` or `https` URL with a host.
    public static func parseRemoteCache(_ text: String) throws(ConfigurationError) -> URL {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty, let url = components.url
        else { throw ConfigurationError("--remote-cache '\(text)': expected an http:// or https:// URL") }
        return url
    }

    /// Seconds, from 1 to a day.
    public static func parseTimeout(_ seconds: Int) throws(ConfigurationError) -> Duration {
        guard (1...86_400).contains(seconds) else { throw ConfigurationError("--compile-timeout \(seconds): expected 1 to 86400 seconds") }
        return .seconds(seconds)
    }
}
