import Crypto
import Foundation
import Hummingbird

/// The secret clients present as `Authorization: Bearer TOKEN`.
/// `@unchecked`: a SHA-256 digest is an immutable value of 32 bytes that swift-crypto does not mark Sendable.
public struct BearerToken: @unchecked Sendable {
    /// Only its digest is kept: comparing digests with swift-crypto's constant-time `==` takes the same
    /// time wherever a guess first differs, and whatever the guess's length.
    private let digest: SHA256.Digest

    public init(_ token: String) throws(ConfigurationError) {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ConfigurationError("the token is empty") }
        digest = SHA256.hash(data: Data(trimmed.utf8))
    }

    /// Reads the token from a file that must be a regular file that neither group nor others can read:
    /// a token anyone on the machine can read protects nothing.
    public init(contentsOf path: String) throws(ConfigurationError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ConfigurationError("--token-file \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw ConfigurationError("--token-file \(path): not a regular file") }
        guard status.st_mode & 0o077 == 0 else {
            throw ConfigurationError("--token-file \(path): readable by group or others (mode \(String(status.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("--token-file \(path): cannot read it as UTF-8 text")
        }
        do {
            try self.init(text)
        } catch {
            throw ConfigurationError("--token-file \(path): \(error)")
        }
    }

    /// Whether `candidate` is the token, in time independent of where they differ.
    public func matches(_ candidate: String) -> Bool {
        SHA256.hash(data: Data(candidate.utf8)) == digest
    }

    /// Whether an `Authorization` header value carries the token.
    public func accepts(authorization: String?) -> Bool {
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else { return false }
        return matches(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
    }
}

/// Refuses requests without the bearer token with 401, except the health check, which load balancers
/// probe without credentials.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: BearerToken
    static var openPaths: Set<String> { ["/healthz"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.openPaths.contains(request.uri.path) || token.accepts(authorization: request.headers[.authorization]) {
            return try await next(request, context)
        }
        var error = ServiceError(.unauthorized, kind: "unauthorized", message: "a bearer token is required: Authorization: Bearer TOKEN")
        error.headers[.wwwAuthenticate] = "Bearer"
        throw error
    }
}
