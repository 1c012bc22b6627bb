/// Value, reference and composite types of the WebAssembly 2.0 core spec.
/// > Note: https://webassembly.github.io/spec/core/syntax/types.html

/// A value type: number, vector or reference.
public enum ValueType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case i32 = 0x7F
    case i64 = 0x7E
    case f32 = 0x7D
    case f64 = 0x7C
    case v128 = 0x7B
    case funcref = 0x70
    case externref = 0x6F

    public var isReference: Bool { self == .funcref || self == .externref }

    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .funcref: "funcref"
        case .externref: "externref"
        }
    }
}

/// A reference type; in 2.0 only `funcref` and `externref` exist.
public enum ReferenceType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case funcref = 0x70
    case externref = 0x6F

    public var valueType: ValueType { self == .funcref ? .funcref : .externref }
    public var description: String { valueType.description }
}

/// The signature of a function: parameter and result types.
public struct FunctionType: Hashable, Sendable, CustomStringConvertible {
    public var parameters: [ValueType]
    public var results: [ValueType]

    public init(parameters: [ValueType], results: [ValueType]) {
        self.parameters = parameters
        self.results = results
    }

    public var description: String {
        "(\(parameters.map(\.description).joined(separator: ", "))) -> (\(results.map(\.description).joined(separator: ", ")))"
    }
}

/// Size limits of a memory (in 64 KiB pages) or a table (in elements), and the type of the addresses
/// (memory64 and table64, 3.0: `i64`; otherwise `i32`, with limits that fit a u32).
public struct Limits: Hashable, Sendable {
    public var minimum: UInt64
    public var maximum: UInt64?
    /// Whether addresses are `i64` (memory64/table64).
    public var is64: Bool

    public init(minimum: UInt64, maximum: UInt64? = nil, is64: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.is64 = is64
    }

    /// The type of addresses, indices, sizes and counts: `i64` or `i32`.
    public var addressType: ValueType { is64 ? .i64 : .i32 }
}

public struct TableType: Hashable, Sendable {
    public var elementType: ReferenceType
    public var limits: Limits

    public init(elementType: ReferenceType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }

    public var addressType: ValueType { limits.addressType }
}

public struct MemoryType: Hashable, Sendable {
    public var limits: Limits

    public init(limits: Limits) { self.limits = limits }

    /// The largest page count a 32-bit memory may have (4 GiB).
    public static let maximumPageCount: UInt64 = 65536
    /// The largest page count a 64-bit memory may have (2^64 bytes).
    public static let maximumPageCount64: UInt64 = 1 << 48

    public var addressType: ValueType { limits.addressType }
    public static let pageSize = 65536
}

public enum Mutability: Hashable, Sendable {
    case constant
    case variable
}

public struct GlobalType: Hashable, Sendable {
    public var valueType: ValueType
    public var mutability: Mutability

    public init(valueType: ValueType, mutability: Mutability) {
        self.valueType = valueType
        self.mutability = mutability
    }
}

/// The type of a `block`, `loop` or `if`.
public enum BlockType: Hashable, Sendable {
    case empty
    case value(ValueType)
    /// An index into the type section (multi-value).
    case typeIndex(UInt32)
}

/// The immediate of a memory access: alignment exponent and static offset.
public struct MemArg: Hashable, Sendable {
    /// log2 of the alignment hint.
    public var alignment: UInt32
    /// A u64 in 3.0; above `UInt32.max` only for a 64-bit memory.
    public var offset: UInt64
    /// The memory accessed; always 0 in 2.0.
    public var memory: UInt32 = 0

    public init(alignment: UInt32, offset: UInt64, memory: UInt32 = 0) {
        self.alignment = alignment
        self.offset = offset
        self.memory = memory
    }
}

/// A 128-bit vector constant, little-endian bytes.
public struct V128: Hashable, Sendable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        precondition(bytes.count == 16, "a v128 has 16 bytes")
        self.bytes = bytes
    }

    public var description: String {
        "0x" + bytes.reversed().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
