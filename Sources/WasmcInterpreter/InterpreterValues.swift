import WasmBinary
import WasmKit
import WasmcHost

/// Values between wasmc's host (`WasmValue`, parsed and printed as `wasmc run --invoke` does) and WasmKit.
/// Numbers keep their bits; a v128's bytes are little-endian in both (`V128Bits.low` is bytes 0...7).
/// References are identities: a WasmKit function address is no `wasmc_funcref` record, so a non-null
/// funcref can come out of the interpreter but cannot be passed in.
public enum InterpreterValues {
    public static func wasmKitValue(_ value: WasmValue) throws(InterpreterError) -> WasmKit.Value {
        switch value {
        case .i32(let bits): return .i32(bits)
        case .i64(let bits): return .i64(bits)
        case .f32(let bits): return .f32(bits)
        case .f64(let bits): return .f64(bits)
        case .v128(let vector):
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: vector.low >> UInt64($0 * 8)) }
                + (0..<8).map { UInt8(truncatingIfNeeded: vector.high >> UInt64($0 * 8)) }
            return .v128(V128(bytes: bytes))
        case .funcref(nil): return .ref(.function(nil))
        case .funcref(let address?):
            throw InterpreterError("a non-null funcref (0x\(String(address, radix: 16))) cannot be passed to the interpreter")
        case .externref(let host):
            guard let host else { return .ref(.extern(nil)) }
            guard let address = Int(exactly: host) else { throw InterpreterError("externref \(host) is out of the interpreter's range") }
            return .ref(.extern(address))
        }
    }

    public static func wasmcValue(_ value: WasmKit.Value) throws(InterpreterError) -> WasmValue {
        switch value {
        case .i32(let bits): return .i32(bits)
        case .i64(let bits): return .i64(bits)
        case .f32(let bits): return .f32(bits)
        case .f64(let bits): return .f64(bits)
        case .v128(let vector):
            let bytes = vector.bytes
            func half(_ start: Int) -> UInt64 {
                (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << UInt64($1 * 8) }
            }
            return .v128(V128Bits(low: half(0), high: half(8)))
        case .ref(.function(let address)): return .funcref(address.map { UInt(bitPattern: $0) })
        case .ref(.extern(let address)): return .externref(address.map { UInt64(bitPattern: Int64($0)) })
        case .ref(.exception):
            throw InterpreterError("an exception reference cannot be shown as a wasmc value")
        }
    }

    /// wasmc's name for a WasmKit value type, nil for the types `--invoke` cannot read or print
    /// (typed and GC references).
    public static func wasmcType(_ type: WasmKit.ValueType) -> WasmBinary.ValueType? {
        switch type {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .v128: return .v128
        case .ref(let reference):
            guard reference.isNullable else { return nil }
            if reference == .funcRef { return .funcref }
            if reference == .externRef { return .externref }
            return nil
        }
    }
}

/// Something the interpreter cannot do or was not given (a missing export, a bad argument).
public struct InterpreterError: Error, CustomStringConvertible, Equatable {
    public var description: String
    /// The status `wasmc run` exits with: 1 for the module or the request, 2 for a program that cannot
    /// be started (no `_start`, a grant that cannot be opened), as a compiled executable's own `main` does.
    public var exitStatus: Int32

    public init(_ description: String, exitStatus: Int32 = 1) {
        self.description = description
        self.exitStatus = exitStatus
    }
}
