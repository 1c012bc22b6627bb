import Foundation
import Hummingbird
import WasmBinary
import WasmcCompiler

/// A request's failure as the API reports it:
/// `{"error": {"kind": "malformed", "offset": 12, "message": "unexpected end"}}`.
public struct ServiceError: Error, HTTPResponseError, Equatable {
    public var status: HTTPResponse.Status
    public var body: ErrorBody
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, kind: String, offset: Int? = nil, message: String) {
        self.status = status
        self.body = ErrorBody(kind: kind, offset: offset, message: message)
    }

    public init(_ status: HTTPResponse.Status, _ body: ErrorBody) {
        self.status = status
        self.body = body
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body.jsonData())))
    }

    static func badRequest(_ message: String) -> ServiceError { ServiceError(.badRequest, kind: "bad-request", message: message) }
    static func notFound(_ message: String) -> ServiceError { ServiceError(.notFound, kind: "not-found", message: message) }
    static func internalError(_ message: String) -> ServiceError { ServiceError(.internalServerError, kind: "internal", message: message) }

    /// A module the compiler refused (422: the request was well formed, its module is not compilable),
    /// or a failure of the service's own (500).
    init(_ error: CompileError) {
        switch error {
        case .rejected(let wasmError):
            self.init(.unprocessableContent, kind: wasmError.kind.rawValue, offset: wasmError.offset, message: wasmError.message)
        case .unsupported:
            self.init(.unprocessableContent, kind: "unsupported", message: error.description)
        case .invalidOptions(let message):
            self.init(.badRequest, kind: "bad-request", message: message)
        case .internalError, .link:
            self.init(.internalServerError, kind: "internal", message: error.description)
        }
    }
}

/// The JSON error object; also what a compile child hands its parent.
public struct ErrorBody: Codable, Equatable, Sendable {
    public var kind: String
    public var offset: Int?
    public var message: String

    public init(kind: String, offset: Int? = nil, message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    private struct Envelope: Codable {
        var error: ErrorBody
    }

    public func jsonData() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(Envelope(error: self))) ?? Data()) + [UInt8(ascii: "\n")]
    }

    public static func decode(_ data: Data) -> ErrorBody? {
        try? JSONDecoder().decode(Envelope.self, from: data).error
    }
}
