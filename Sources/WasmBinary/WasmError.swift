/// Why a module was rejected: the spec distinguishes a *malformed* binary (it does not decode) from an
/// *invalid* module (it decodes but does not validate).
public struct WasmError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case malformed
        case invalid
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

    /// `malformed at offset 12: unexpected end`
    public var description: String { "\(kind.rawValue) at offset \(offset): \(message)" }
}
