/// A function the translator cannot turn into IR: input that validation should have rejected, an
/// unsupported feature (`unsupported: …`), or a translator bug. Never a crash.
public struct TranslationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Index of the function in the function index space.
    public var function: UInt32
    /// Byte offset of the offending instruction in the module, when known.
    public var offset: Int?
    public var message: String
    /// Whether the input needs a feature the translator lacks, or the translator failed.
    public var kind: Kind

    public enum Kind: Hashable, Sendable {
        /// A feature the translator does not implement; the message starts with `unsupported:`.
        case unsupported
        /// Input validation should have rejected, or a translator bug.
        case translatorBug
    }

    public init(function: UInt32, offset: Int?, message: String, kind: Kind = .translatorBug) {
        self.function = function
        self.offset = offset
        self.message = message
        self.kind = kind
    }

    /// `function 4 at offset 0x1a2: unsupported: …`
    public var description: String {
        var text = "function \(function)"
        if let offset { text += " at offset 0x\(String(offset, radix: 16))" }
        return text + ": " + message
    }
}
