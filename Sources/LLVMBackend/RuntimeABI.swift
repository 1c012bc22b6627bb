import CWasmcRuntime
import WasmIR

/// Offsets, sizes and constants of the runtime's structures, read from `runtime-c/include/wasmc_rt.h`
/// through Swift's C importer, so generated code and the runtime cannot disagree. The header checks
/// each offset at compile time (`WASMC_ABI_CHECK`).
enum RuntimeABI {
    /// `WASMC_ABI_VERSION`, written into every module descriptor.
    static let version = UInt32(WASMC_ABI_VERSION)

    /// Bytes of a pointer-sized instance slot (memory, table, global, function record pointers; type ids).
    static let pointerSlot = MemoryLayout<UnsafeRawPointer>.size
    /// Bytes per structure the instance holds by value, and per result slot of a multi-result call.
    static let memorySlot = Int(WASMC_MEMORY_SLOT)
    static let tableSlot = Int(WASMC_TABLE_SLOT)
    static let globalSlot = Int(WASMC_GLOBAL_SLOT)
    static let functionSlot = Int(WASMC_FUNC_SLOT)
    static let segmentSlot = Int(WASMC_SEGMENT_SLOT)
    static let resultSlot = Int(WASMC_RESULT_SLOT)

    static let memoryBase = MemoryLayout<wasmc_memory>.offset(of: \.base)!
    static let memorySizeBytes = MemoryLayout<wasmc_memory>.offset(of: \.size_bytes)!
    static let memoryPages = MemoryLayout<wasmc_memory>.offset(of: \.pages)!
    static let tableSize = MemoryLayout<wasmc_table>.offset(of: \.size)!
    static let functionCode = MemoryLayout<wasmc_func>.offset(of: \.code)!
    static let functionTypeID = MemoryLayout<wasmc_func>.offset(of: \.type_id)!
    static let functionInstance = MemoryLayout<wasmc_func>.offset(of: \.instance)!
    static let functionTailCode = MemoryLayout<wasmc_func>.offset(of: \.tail_code)!
    static let segmentLength = MemoryLayout<wasmc_segment>.offset(of: \.length)!
}

extension TrapCode {
    /// The runtime's code for this trap (`WASMC_TRAP_*` in `wasmc_rt.h`): what generated code passes to
    /// `wasmc_trap_in` and what the host reads back from `wasmc_try`.
    public var runtimeCode: UInt32 {
        switch self {
        case .unreachable: UInt32(WASMC_TRAP_UNREACHABLE)
        case .memoryOutOfBounds: UInt32(WASMC_TRAP_MEMORY_OUT_OF_BOUNDS)
        case .tableOutOfBounds: UInt32(WASMC_TRAP_TABLE_OUT_OF_BOUNDS)
        case .indirectCallTypeMismatch: UInt32(WASMC_TRAP_INDIRECT_CALL_TYPE_MISMATCH)
        case .nullReference: UInt32(WASMC_TRAP_NULL_REFERENCE)
        case .integerDivideByZero: UInt32(WASMC_TRAP_INTEGER_DIVIDE_BY_ZERO)
        case .integerOverflow: UInt32(WASMC_TRAP_INTEGER_OVERFLOW)
        case .invalidConversionToInteger: UInt32(WASMC_TRAP_INVALID_CONVERSION)
        case .callStackExhausted: UInt32(WASMC_TRAP_CALL_STACK_EXHAUSTED)
        case .uninitializedElement: UInt32(WASMC_TRAP_UNINITIALIZED_ELEMENT)
        case .nullFunctionReference: UInt32(WASMC_TRAP_NULL_FUNCTION_REFERENCE)
        }
    }

    /// The trap a runtime code stands for; nil for codes that are not traps (exit, failed instantiation).
    public init?(runtimeCode: UInt32) {
        guard let trap = Self.allCases.first(where: { $0.runtimeCode == runtimeCode }) else { return nil }
        self = trap
    }
}
