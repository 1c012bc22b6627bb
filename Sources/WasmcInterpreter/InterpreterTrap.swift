import LLVMBackend  // TrapCode.runtimeCode, the ABI mapping read from wasmc_rt.h
import WasmIR
import WasmKit
import WasmcHost

/// A trap raised in the interpreter, worded as compiled code words it where the two correspond.
public struct InterpreterTrap: Error, Equatable, CustomStringConvertible {
    /// The compiled code's trap this one is, when WasmKit's reason has a counterpart.
    public var trapCode: TrapCode?
    /// WasmKit's own reason (`out of bounds table access at 7 (undefined element)`).
    public var reason: String

    public init(reason: String) {
        self.reason = reason
        trapCode = Self.trapCode(forReason: reason)
    }

    /// What `Error: wasm trap: …` shows: the runtime's wording (`wasmc_trap_wording`) for a trap that
    /// maps, WasmKit's reason otherwise.
    public var message: String {
        guard let trapCode else { return reason }
        return WasmcHost.Trap(code: trapCode.runtimeCode).message
    }

    public var description: String { message }

    /// WasmKit's `Trap` keeps its reason package-private; its description is `Trap: REASON`, then the
    /// backtrace on further lines.
    public init(_ trap: WasmKit.Trap) {
        var text = String(trap.description.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if text.hasPrefix("Trap: ") { text.removeFirst("Trap: ".count) }
        self.init(reason: text)
    }

    /// WasmKit's reasons (`TrapReason.description` in WasmKit 0.4.2) that are one of compiled code's traps.
    /// Not mapped: `unaligned atomic` (no threads in wasmc), `out of fuel` (no fuel in wasmc) and
    /// free-text reasons (resource limits at instantiation, unimplemented features), which keep WasmKit's words.
    static func trapCode(forReason reason: String) -> TrapCode? {
        let exact: [String: TrapCode] = [
            "unreachable": .unreachable,
            "call stack exhausted": .callStackExhausted,
            "out of bounds memory access": .memoryOutOfBounds,
            "integer divide by zero": .integerDivideByZero,
            "integer overflow": .integerOverflow,
            "invalid conversion to integer": .invalidConversionToInteger,
            "null function reference": .nullFunctionReference,
            "null reference": .nullReference,
        ]
        if let code = exact[reason] { return code }
        if reason.hasPrefix("indirect call to null element") { return .uninitializedElement }
        if reason.hasPrefix("indirect call type mismatch") { return .indirectCallTypeMismatch }
        if reason.hasPrefix("out of bounds table access") { return .tableOutOfBounds }
        return nil
    }
}
