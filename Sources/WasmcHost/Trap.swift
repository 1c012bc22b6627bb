import WasmIR
import WasmcCompiler

/// A trap raised by compiled code, as the runtime reported it.
public struct Trap: Error, Hashable, Sendable, CustomStringConvertible {
    /// The runtime's trap code (`WASMC_TRAP_*`).
    public var code: UInt32
    /// The wasm function that trapped, when the runtime knows it.
    public var function: String?
    /// What instantiation was doing when it trapped ("data segment 2", "start function"), else nil.
    public var instantiationStep: String?

    public init(code: UInt32, function: String? = nil, instantiationStep: String? = nil) {
        self.code = code
        self.function = function
        self.instantiationStep = instantiationStep
    }

    public var trapCode: TrapCode? { TrapCode(rawValue: code) }

    /// The spec's wording of the trap.
    public var message: String { trapCode?.message ?? "unknown trap \(code)" }

    public var description: String {
        let context = [function.map { "in \($0)" }, instantiationStep.map { "while instantiating: \($0)" }].compactMap { $0 }
        return context.isEmpty ? message : "\(message) (\(context.joined(separator: ", ")))"
    }

    /// Whether this trap is the one a spec assertion names. The reference interpreter words a few traps
    /// differently from the code that raises them: `undefined element` is an out-of-range table index,
    /// `uninitialized element N` a null entry.
    public func matches(_ expected: String) -> Bool {
        if message.hasPrefix(expected) || expected.hasPrefix(message) { return true }
        switch trapCode {
        case .tableOutOfBounds: return expected.hasPrefix("undefined element")
        case .uninitializedElement, .nullFunctionReference: return expected.hasPrefix("uninitialized element")
        default: return false
        }
    }
}
