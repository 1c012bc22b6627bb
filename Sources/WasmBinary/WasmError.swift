/// Why a module was rejected: the spec distinguishes a *malformed* binary (it does not decode) from an
/// *invalid* module (it decodes but does not validate).
public struct WasmError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case malformed
        case invalid
        /// Well-formed as far as wasmc reads it, but using a 3.0 feature wasmc does not implement yet
        /// (message `unsupported: <feature>`); never a claim about the module's validity.
        case unsupported
    }

    public var kind: Kind
    /// Byte offset in the module where the problem was found.
    public var offset: Int
    /// The reason, in the spec test suite's wording ("unexpected end", "type mismatch", …).
    public var message: String

    public init(_ kind: Kind, at offset: Int, _ message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    public static func malformed(at offset: Int, _ message: String) -> WasmError {
        WasmError(.malformed, at: offset, message)
    }

    public static func invalid(at offset: Int, _ message: String) -> WasmError {
        WasmError(.invalid, at: offset, message)
    }

    /// A feature wasmc does not implement: `unsupported: gc`, `unsupported: exception handling`, …
    public static func unsupported(at offset: Int, _ feature: UnsupportedFeature) -> WasmError {
        WasmError(.unsupported, at: offset, "unsupported: \(feature.rawValue)")
    }

    /// For `.unsupported`: `unsupported: gc` (no offset, the exact message); otherwise kind, offset and reason.
    public var description: String {
        kind == .unsupported ? message : "\(kind.rawValue) at offset \(offset): \(message)"
    }
}

/// 3.0 features the decoder recognises but wasmc does not implement yet.
public enum UnsupportedFeature: String, Sendable {
    case gc = "gc"
    case typedFunctionReferences = "typed function references"
    case exceptionHandling = "exception handling"
}
