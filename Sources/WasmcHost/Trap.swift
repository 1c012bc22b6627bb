import CWasmcRuntime
import LLVMBackend  // TrapCode(runtimeCode:), the ABI mapping read from wasmc_rt.h
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

    public var trapCode: TrapCode? { TrapCode(runtimeCode: code) }

    /// The spec's wording of the trap, from the runtime's header (`wasmc_trap_wording`), as executables print it.
    public var message: String { trapCode == nil ? "unknown trap \(code)" : String(cString: wasmc_trap_wording(code)) }

    public var description: String {
        let context = [function.map { "in \($0)" }, instantiationStep.map { "while instantiating: \($0)" }].compactMap { $0 }
        return context.isEmpty ? message : "\(message) (\(context.joined(separator: ", ")))"
    }

    /// Whether this trap is the one a spec assertion names. The reference interpreter words a few traps
    /// differently from the code that raises them: an out-of-range table index is `undefined element`
    /// (call_indirect) or `out of bounds table access` (table.get and friends), a null entry
    /// `uninitialized element N`.
    public func matches(_ expected: String) -> Bool {
        if message.hasPrefix(expected) || expected.hasPrefix(message) { return true }
        switch trapCode {
        case .tableOutOfBounds: return expected.hasPrefix("out of bounds table access")
        case .uninitializedElement, .nullFunctionReference: return expected.hasPrefix("uninitialized element")
        default: return false
        }
    }
}
