import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A shared cache over plain HTTP: `GET`, `HEAD` and `PUT` of `URL/ac/<key>` and `URL/cas/<digest>`,
/// the layout of ccache's HTTP storage and bazel-remote, so nginx with WebDAV, bazel-remote or
/// another `wasmc serve` can hold it. Nothing read from it is trusted: action entries are parsed
/// strictly and blobs checked against their digest by the caller. Requests are bounded (2 s to
/// connect, 10 s in all, responses capped) so a remote that is down or slow costs little.
public final class RemoteCache: Sendable {
    /// The base URL, without a trailing slash.
    public let url: String
    public let readOnly: Bool
    /// The base URL as it may be printed: without credentials.
    public let displayURL: String
    private let authorization: String?

    /// Checks `text`: an absolute http or https URL with a host, no query or fragment, and nothing
    /// that would break a log line. Credentials (`http://user:password@host`) are sent as basic
    /// authentication and never printed.
    public init(_ text: String, readOnly: Bool = false) throws(RemoteCacheError) {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) else {
            throw .invalidURL("the remote cache URL contains spaces or control characters")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme)
        else { throw .invalidURL("the remote cache URL must start with http:// or https://") }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL("the remote cache URL has no host") }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidURL("the remote cache URL may not have a query or fragment")
        }
        var base = components
        base.user = nil
        base.password = nil
        while base.path.hasSuffix("/") { base.path.removeLast() }
        guard let plain = base.string else { throw .invalidURL("the remote cache URL is malformed") }
        url = plain
        displayURL = plain
        if let user = components.user {
            authorization = "Basic " + Data("\(user):\(components.password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
        self.readOnly = readOnly
    }

    /// The body of `path` (`ac/<key>` or `cas/<digest>`), nil when the remote does not have it.
    /// The synchronous calls block on the client's event loops (never on Swift concurrency's threads,
    /// so they cannot starve them); the async ones are for servers.
    public func get(_ path: String, limit: Int) throws(RemoteCacheError) -> [UInt8]? {
        try Self.body(of: Self.wait(request(.GET, path, limit: limit)), "GET \(path)")
    }

    public func get(_ path: String, limit: Int) async throws(RemoteCacheError) -> [UInt8]? {
        try Self.body(of: await Self.result(request(.GET, path, limit: limit)), "GET \(path)")
    }

    /// Whether the remote has `path` (used to skip uploading a blob it already holds).
    public func contains(_ path: String) throws(RemoteCacheError) -> Bool {
        try Self.body(of: Self.wait(request(.HEAD, path, limit: 0)), "HEAD \(path)") != nil
    }

    public func put(_ path: String, _ bytes: [UInt8]) throws(RemoteCacheError) {
        let response = try Self.wait(request(.PUT, path, body: bytes, limit: 64 << 10))
        guard (200..<300).contains(response.status.code) else { throw .status(response.status.code, "PUT \(path)") }
    }

    public func put(_ path: String, _ bytes: [UInt8]) async throws(RemoteCacheError) {
        let response = try await Self.result(request(.PUT, path, body: bytes, limit: 64 << 10))
        guard (200..<300).contains(response.status.code) else { throw .status(response.status.code, "PUT \(path)") }
    }

    private static func body(of response: HTTPClient.Response, _ request: String) throws(RemoteCacheError) -> [UInt8]? {
        switch response.status.code {
        case 200: return response.body.map { Array($0.readableBytesView) } ?? []
        case 404: return nil
        default: throw .status(response.status.code, request)
        }
    }

    private func request(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil,
                         limit: Int) -> Result<EventLoopFuture<HTTPClient.Response>, RemoteCacheError> {
        do {
            let request = try HTTPClient.Request(url: url + "/" + path, method: method, headers: headers,
                                                 body: body.map { .bytes($0) })
            let accumulator = ResponseAccumulator(request: request, maxBodySize: limit)
            return .success(Self.client.execute(request: request, delegate: accumulator,
                                                deadline: .now() + Self.totalTimeout).futureResult)
        } catch {
            return .failure(.invalidURL(Self.describe(error)))
        }
    }

    private static func wait(_ request: Result<EventLoopFuture<HTTPClient.Response>, RemoteCacheError>) throws(RemoteCacheError) -> HTTPClient.Response {
        do {
            return try request.get().wait()
        } catch let error as RemoteCacheError {
            throw error
        } catch {
            throw classify(error)
        }
    }

    private static func result(_ request: Result<EventLoopFuture<HTTPClient.Response>, RemoteCacheError>) async throws(RemoteCacheError) -> HTTPClient.Response {
        do {
            return try await request.get().get()
        } catch let error as RemoteCacheError {
            throw error
        } catch {
            throw classify(error)
        }
    }

    private static func classify(_ error: any Error) -> RemoteCacheError {
        error is ResponseAccumulator.ResponseTooBigError ? .tooLarge("response") : .unreachable(describe(error))
    }

    private var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if let authorization { headers.add(name: "Authorization", value: authorization) }
        return headers
    }

    private static let totalTimeout = TimeAmount.seconds(10)

    /// One client for the process, never shut down (it lives as long as the process; `exec` ends it).
    /// No redirects (a cache answers or does not) and no proxies from the environment.
    private static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                timeout: .init(connect: .seconds(2), read: totalTimeout))
    )

    /// A one-line reason, never the URL (which may hold credentials).
    private static func describe(_ error: any Error) -> String {
        let text = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
        return FileError.printable(String(text.prefix(200)))
    }
}

public enum RemoteCacheError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String)
    /// Down, refusing connections, too slow, or the connection broke.
    case unreachable(String)
    case status(UInt, String)
    case tooLarge(String)
    /// What it sent is not what was asked for (a digest that does not match, an entry that is not one).
    case damaged(String)

    public var description: String {
        switch self {
        case .invalidURL(let reason): reason
        case .unreachable(let reason): "unreachable (\(reason))"
        case .status(let code, let request): "\(request) answered \(code)"
        case .tooLarge(let request): "\(request): response too large"
        case .damaged(let what): "sent a damaged \(what)"
        }
    }

    /// Whether the remote should not be asked again by this process.
    var isUnavailable: Bool {
        if case .unreachable = self { return true }
        return false
    }
}
