/// A function the translator cannot turn into IR: input that validation should have rejected, an
/// unsupported feature (`unsupported: …`), or a translator bug. Never a crash.
public struct TranslationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Index of the function in the function index space.
    public var function: UInt32
    /// Byte offset of the offending instruction in the module, when known.
    public var offset: Int?
    public var message: String

    public init(function: UInt32, offset: Int?, message: String) {
        self.function = function
        self.offset = offset
        self.message = message
    }

    /// `function 4 at offset 0x1a2: unsupported: …`
    public var description: String {
        var text = "function \(function)"
        if let offset { text += " at offset 0x\(String(offset, radix: 16))" }
        return text + ": " + message
    }
}
