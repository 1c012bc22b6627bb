import WasmBinary
import WasmcCompiler
import WasmcHost

/// Which NaNs a spec assertion accepts.
/// > Note: https://webassembly.github.io/spec/core/exec/numerics.html#nan-propagation
public enum NaNPattern: String, Hashable, Sendable {
    /// Quiet bit set, payload otherwise zero, either sign.
    case canonical = "nan:canonical"
    /// Quiet bit set, any payload, either sign.
    case arithmetic = "nan:arithmetic"

    public func matchesF32(_ bits: UInt32) -> Bool {
        switch self {
        case .canonical: bits & 0x7FFF_FFFF == 0x7FC0_0000
        case .arithmetic: bits & 0x7FC0_0000 == 0x7FC0_0000
        }
    }

    public func matchesF64(_ bits: UInt64) -> Bool {
        switch self {
        case .canonical: bits & 0x7FFF_FFFF_FFFF_FFFF == 0x7FF8_0000_0000_0000
        case .arithmetic: bits & 0x7FF8_0000_0000_0000 == 0x7FF8_0000_0000_0000
        }
    }
}

/// One lane of an expected vector: exact bits, or a NaN pattern for float lanes.
public enum LanePattern: Hashable, Sendable {
    case bits(UInt64)
    case nan(NaNPattern)
}

/// What an `assert_return` accepts for one result.
public indirect enum ExpectedValue: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this value, bit for bit (floats included: `-0` differs from `0`).
    case exact(WasmValue)
    case f32NaN(NaNPattern)
    case f64NaN(NaNPattern)
    /// A vector compared lane by lane in the given shape.
    case vector(VectorShape, [LanePattern])
    /// Any non-null function reference (`ref.func` without an index).
    case anyFunctionReference
    /// Any one of the alternatives (`either`).
    case either([ExpectedValue])

    public func matches(_ actual: WasmValue) -> Bool {
        switch (self, actual) {
        case (.exact(let expected), _):
            return expected == actual
        case (.f32NaN(let pattern), .f32(let bits)):
            return pattern.matchesF32(bits)
        case (.f64NaN(let pattern), .f64(let bits)):
            return pattern.matchesF64(bits)
        case (.vector(let shape, let lanes), .v128(let vector)):
            let actualLanes = vector.lanes(bitWidth: shape.laneBitWidth)
            guard actualLanes.count == lanes.count else { return false }
            return zip(lanes, actualLanes).allSatisfy { pattern, lane in
                switch pattern {
                case .bits(let bits): return bits == lane
                case .nan(let nan): return shape == .f32x4 ? nan.matchesF32(UInt32(truncatingIfNeeded: lane)) : nan.matchesF64(lane)
                }
            }
        case (.anyFunctionReference, .funcref(let address)):
            return address != nil
        case (.either(let alternatives), _):
            return alternatives.contains { $0.matches(actual) }
        default:
            return false
        }
    }

    public var description: String {
        switch self {
        case .exact(let value): return value.description
        case .f32NaN(let pattern): return "f32:\(pattern.rawValue)"
        case .f64NaN(let pattern): return "f64:\(pattern.rawValue)"
        case .vector(let shape, let lanes):
            let text = lanes.map { lane -> String in
                switch lane {
                case .nan(let pattern): return pattern.rawValue
                case .bits(let bits):
                    switch shape {
                    case .f32x4: return formatFloat(bits: bits, exponentBits: 8, significandBits: 23)
                    case .f64x2: return formatFloat(bits: bits, exponentBits: 11, significandBits: 52)
                    default: return "0x" + hex(bits, digits: shape.laneBitWidth / 4)
                    }
                }
            }
            return "v128:\(shape.rawValue) " + text.joined(separator: " ")
        case .anyFunctionReference: return "funcref:(any non-null)"
        case .either(let alternatives): return "either(" + alternatives.map(\.description).joined(separator: " | ") + ")"
        }
    }
}
