import CFFI
import WasmBinary
import WasmcCompiler

/// A libffi call interface for one wasm function type under the runtime's calling convention:
/// `R f(void *instance, P1, …, Pn)`, with v128 as `struct { uint64_t lo, hi; }` and, for more than
/// one result, `void f(void *instance, P1, …, Pn, void *results)` writing 16-byte result slots.
final class FFISignature: @unchecked Sendable {
    let type: FunctionType
    /// The prepared interface; libffi keeps pointers into `argumentTypes` and `vectorType`.
    let cif: UnsafeMutablePointer<ffi_cif>
    private let argumentTypes: UnsafeMutablePointer<UnsafeMutablePointer<ffi_type>?>
    private let vectorType: UnsafeMutablePointer<ffi_type>
    private let vectorElements: UnsafeMutablePointer<UnsafeMutablePointer<ffi_type>?>
    /// The C arguments: instance, the wasm parameters, and the results pointer for multi-value.
    var argumentCount: Int { type.parameters.count + 1 + (returnsThroughPointer ? 1 : 0) }
    var returnsThroughPointer: Bool { type.results.count > 1 }

    init(_ type: FunctionType) throws(CallError) {
        self.type = type
        vectorElements = .allocate(capacity: 3)
        vectorElements[0] = wasmc_ffi_type_uint64()
        vectorElements[1] = wasmc_ffi_type_uint64()
        vectorElements[2] = nil
        vectorType = .allocate(capacity: 1)
        vectorType.initialize(to: ffi_type(size: 0, alignment: 0, type: UInt16(FFI_TYPE_STRUCT), elements: vectorElements))
        let count = type.parameters.count + 1 + (type.results.count > 1 ? 1 : 0)
        argumentTypes = .allocate(capacity: max(count, 1))
        cif = .allocate(capacity: 1)
        argumentTypes[0] = wasmc_ffi_type_pointer()
        for (index, parameter) in type.parameters.enumerated() {
            argumentTypes[index + 1] = ffiType(of: parameter)
        }
        if type.results.count > 1 { argumentTypes[count - 1] = wasmc_ffi_type_pointer() }
        let returnType = type.results.count == 1 ? ffiType(of: type.results[0]) : wasmc_ffi_type_void()
        let status = ffi_prep_cif(cif, FFI_DEFAULT_ABI, UInt32(count), returnType, argumentTypes)
        guard status == FFI_OK else {
            deallocate()
            throw .signatureMismatch("libffi cannot prepare a call of type \(type) (status \(status.rawValue))")
        }
    }

    deinit { deallocate() }

    private func deallocate() {
        cif.deallocate()
        argumentTypes.deallocate()
        vectorType.deallocate()
        vectorElements.deallocate()
    }

    private func ffiType(of type: ValueType) -> UnsafeMutablePointer<ffi_type> {
        switch type {
        case .i32: wasmc_ffi_type_sint32()
        case .i64: wasmc_ffi_type_sint64()
        case .f32: wasmc_ffi_type_float()
        case .f64: wasmc_ffi_type_double()
        case .v128: vectorType
        case .funcref, .externref: wasmc_ffi_type_pointer()
        }
    }
}

/// A 16-byte, 16-aligned slot holding one value in its natural C representation (the layout of the
/// runtime's result slots and global cells).
enum ValueSlot {
    static let size = 16

    static func store(_ value: WasmValue, at slot: UnsafeMutableRawPointer) {
        slot.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        switch value {
        case .i32(let bits), .f32(let bits): slot.storeBytes(of: bits, as: UInt32.self)
        case .i64(let bits), .f64(let bits): slot.storeBytes(of: bits, as: UInt64.self)
        case .v128(let vector):
            slot.storeBytes(of: vector.low, as: UInt64.self)
            slot.storeBytes(of: vector.high, toByteOffset: 8, as: UInt64.self)
        case .funcref(let address): slot.storeBytes(of: UInt64(address ?? 0), as: UInt64.self)
        case .externref(let host): slot.storeBytes(of: ExternReference.pointerBits(host), as: UInt64.self)
        }
    }

    static func load(_ type: ValueType, from slot: UnsafeRawPointer) -> WasmValue {
        switch type {
        case .i32: .i32(slot.loadUnaligned(as: UInt32.self))
        case .f32: .f32(slot.loadUnaligned(as: UInt32.self))
        case .i64: .i64(slot.loadUnaligned(as: UInt64.self))
        case .f64: .f64(slot.loadUnaligned(as: UInt64.self))
        case .v128: .v128(V128Bits(low: slot.loadUnaligned(as: UInt64.self), high: slot.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        case .funcref:
            { let bits = slot.loadUnaligned(as: UInt64.self); return .funcref(bits == 0 ? nil : UInt(bits)) }()
        case .externref: .externref(ExternReference.host(slot.loadUnaligned(as: UInt64.self)))
        }
    }
}

/// How the host represents `ref.extern N` as the opaque `void *` compiled code carries: the pointer
/// value N + 1, so that `ref.extern 0` stays distinct from `ref.null` (the null pointer).
enum ExternReference {
    static func pointerBits(_ host: UInt64?) -> UInt64 {
        host.map { $0 &+ 1 } ?? 0
    }

    static func host(_ bits: UInt64) -> UInt64? {
        bits == 0 ? nil : bits &- 1
    }
}
