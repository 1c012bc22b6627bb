import CWasmcRuntime
import WasmBinary
import WasmcCompiler

/// A runtime value crossing the host boundary. Floats are kept as bit patterns so NaN payloads and the
/// sign of zero survive every round trip; references are host-side identities, not live pointers.
public enum WasmValue: Hashable, Sendable {
    case i32(UInt32)
    case i64(UInt64)
    /// An f32 as its IEEE-754 bits.
    case f32(UInt32)
    /// An f64 as its IEEE-754 bits.
    case f64(UInt64)
    case v128(V128Bits)
    /// A function reference: the address of its `wasmc_funcref` record, `nil` for `ref.null func`.
    case funcref(UInt?)
    /// A host reference `ref.extern N`, `nil` for `ref.null extern`.
    case externref(UInt64?)

    public var type: ValueType {
        switch self {
        case .i32: .i32
        case .i64: .i64
        case .f32: .f32
        case .f64: .f64
        case .v128: .v128
        case .funcref: .funcref
        case .externref: .externref
        }
    }

    /// The null reference of a reference type, the zero of any other type.
    public static func zero(_ type: ValueType) -> WasmValue {
        switch type {
        case .i32: .i32(0)
        case .i64: .i64(0)
        case .f32: .f32(0)
        case .f64: .f64(0)
        case .v128: .v128(V128Bits(low: 0, high: 0))
        case .funcref: .funcref(nil)
        case .externref: .externref(nil)
        }
    }
}

/// A 128-bit vector as two little-endian halves, the layout of the runtime's `wasmc_v128`.
public struct V128Bits: Hashable, Sendable {
    /// Bytes 0...7 (lane 0 of the vector lives in the low bits).
    public var low: UInt64
    /// Bytes 8...15.
    public var high: UInt64

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Builds a vector from lanes of `bitWidth` bits each (8, 16, 32 or 64), lane 0 first.
    /// Returns nil unless the lanes exactly fill 128 bits.
    public init?(lanes: [UInt64], bitWidth: Int) {
        guard [8, 16, 32, 64].contains(bitWidth), lanes.count * bitWidth == 128 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        let mask: UInt64 = bitWidth == 64 ? .max : (1 << UInt64(bitWidth)) &- 1
        for (index, lane) in lanes.enumerated() {
            let bitOffset = index * bitWidth
            if bitOffset < 64 {
                low |= (lane & mask) << UInt64(bitOffset)
            } else {
                high |= (lane & mask) << UInt64(bitOffset - 64)
            }
        }
        self.init(low: low, high: high)
    }

    /// The lanes of `bitWidth` bits each (8, 16, 32 or 64), lane 0 first, zero-extended.
    public func lanes(bitWidth: Int) -> [UInt64] {
        guard [8, 16, 32, 64].contains(bitWidth) else { return [] }
        let mask: UInt64 = bitWidth == 64 ? .max : (1 << UInt64(bitWidth)) &- 1
        return (0..<(128 / bitWidth)).map { index in
            let bitOffset = index * bitWidth
            let half = bitOffset < 64 ? low : high
            return (half >> UInt64(bitOffset % 64)) & mask
        }
    }

    /// `0x` and 32 hex digits, most significant first (the order of `v128.const i64x2 high low`).
    public var hexDescription: String {
        "0x" + hex(high, digits: 16) + hex(low, digits: 16)
    }
}
