import CFFI
import CWasmcRuntime
import WasmBinary
import WasmcCompiler

/// Why a call into compiled code did not return values.
public enum CallError: Error, CustomStringConvertible {
    /// The wasm code trapped.
    case trap(Trap)
    case noSuchExport(String)
    case noSuchGlobal(String)
    /// The arguments do not fit the function's type, or the type cannot be called.
    case signatureMismatch(String)

    public var description: String {
        switch self {
        case .trap(let trap): "trap: \(trap)"
        case .noSuchExport(let name): "no exported function named '\(name)'"
        case .noSuchGlobal(let name): "no exported global named '\(name)'"
        case .signatureMismatch(let message): message
        }
    }
}

/// Where calls into wasm code run: inside the runtime's `wasmc_try`, which turns traps into codes.
protocol TrapScope {
    /// Runs `body(context)`; returns 0, or the code of the trap that ended it.
    func runProtected<Context>(_ body: LoadedRuntime.Body, _ context: UnsafeMutablePointer<Context>) -> UInt32
    func lastTrap(code: UInt32) -> Trap
}

extension LoadedRuntime: TrapScope {}

extension FFISignature {
    /// Calls `code` (a wasm function under the runtime's convention) with `instance` as its first
    /// argument, inside the runtime's trap scope, and returns its results.
    func call(_ code: UnsafeRawPointer, instance: UnsafeMutableRawPointer?, arguments: [WasmValue],
              runtime: some TrapScope) throws(CallError) -> [WasmValue] {
        guard arguments.count == type.parameters.count else {
            throw .signatureMismatch("expected \(type.parameters.count) arguments of types \(type), got \(arguments.count)")
        }
        for (index, (argument, parameter)) in zip(arguments, type.parameters).enumerated() where argument.type != parameter {
            throw .signatureMismatch("argument \(index) is \(argument.type), the function takes \(parameter)")
        }
        // Slot 0 holds the instance, then one slot per parameter, then the results pointer.
        let slotCount = argumentCount
        let slots = UnsafeMutableRawPointer.allocate(byteCount: ValueSlot.size * slotCount, alignment: 16)
        let argumentPointers = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: slotCount)
        let resultArea = UnsafeMutableRawPointer.allocate(byteCount: ValueSlot.size * max(type.results.count, 1), alignment: 16)
        defer {
            slots.deallocate()
            argumentPointers.deallocate()
            resultArea.deallocate()
        }
        resultArea.initializeMemory(as: UInt8.self, repeating: 0, count: ValueSlot.size * max(type.results.count, 1))
        slots.storeBytes(of: UInt64(UInt(bitPattern: instance)), as: UInt64.self)
        argumentPointers[0] = slots
        for (index, argument) in arguments.enumerated() {
            let slot = slots + ValueSlot.size * (index + 1)
            ValueSlot.store(argument, at: slot)
            argumentPointers[index + 1] = slot
        }
        if returnsThroughPointer {
            let slot = slots + ValueSlot.size * (slotCount - 1)
            slot.storeBytes(of: UInt64(UInt(bitPattern: resultArea)), as: UInt64.self)
            argumentPointers[slotCount - 1] = slot
        }
        // A single result comes back in the return buffer, which libffi fills in the slot layout.
        var call = wasmc_host_ffi_call(cif: cif, function: unsafeBitCast(code, to: (@convention(c) () -> Void).self),
                                       result: resultArea, arguments: argumentPointers)
        let code = withUnsafeMutablePointer(to: &call) { runtime.runProtected(wasmc_host_ffi_body, $0) }
        if code != 0 { throw .trap(runtime.lastTrap(code: code)) }
        return type.results.enumerated().map { index, result in
            ValueSlot.load(result, from: resultArea + ValueSlot.size * (returnsThroughPointer ? index : 0))
        }
    }
}
