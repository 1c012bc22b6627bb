import WasmBinary

/// SSA entities are small typed indices into arenas owned by an `IRFunction`, printed as `v3` and
/// `block2`. Indices instead of object references keep the IR a value, cheap to copy and to hash.

/// An SSA value: an instruction result or a block parameter. Defined exactly once.
public struct Value: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: UInt32
    public init(_ index: UInt32) { self.index = index }
    public static func < (a: Value, b: Value) -> Bool { a.index < b.index }
    public var description: String { "v\(index)" }
}

/// A basic block: parameters, straight-line instructions, one terminator.
public struct BlockID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: UInt32
    public init(_ index: UInt32) { self.index = index }
    public static func < (a: BlockID, b: BlockID) -> Bool { a.index < b.index }
    public var description: String { "block\(index)" }
}

/// The types of IR values are wasm's value types.
public typealias IRType = ValueType

/// Why compiled code stops. The runtime's code for each is `TrapCode.runtimeCode` (LLVMBackend), read from `wasmc_rt.h`.
public enum TrapCode: UInt32, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case unreachable = 1
    case memoryOutOfBounds = 2
    case tableOutOfBounds = 3
    case indirectCallTypeMismatch = 4
    case nullReference = 5
    case integerDivideByZero = 6
    case integerOverflow = 7
    case invalidConversionToInteger = 8
    case callStackExhausted = 9
    case uninitializedElement = 10
    case nullFunctionReference = 11

    /// The spec test suite's wording for this trap.
    public var message: String {
        switch self {
        case .unreachable: "unreachable"
        case .memoryOutOfBounds: "out of bounds memory access"
        case .tableOutOfBounds: "out of bounds table access"
        case .indirectCallTypeMismatch: "indirect call type mismatch"
        case .nullReference: "null reference"
        case .integerDivideByZero: "integer divide by zero"
        case .integerOverflow: "integer overflow"
        case .invalidConversionToInteger: "invalid conversion to integer"
        case .callStackExhausted: "call stack exhausted"
        case .uninitializedElement: "uninitialized element"
        case .nullFunctionReference: "null function reference"
        }
    }

    public var description: String { message }
}
