import WasmBinary
import WasmIR

/// Bytes of a value, bit `k` for byte `k` (little-endian, as in linear memory); v128 has 16.
typealias ByteMask = UInt16

/// Which bytes of an operand every correct implementation of an operator must read to produce the
/// demanded bytes of its result: flipping one bit of such an operand byte flips a demanded result bit
/// for every value of the other operands (or, for compares and lane-wise arithmetic, LLVM cannot tell
/// otherwise without a constant to fold with). `LoadAnchoring` uses it to know which loaded bytes LLVM
/// must keep; a mask here may be smaller than the truth, never larger.
enum ByteDemand {
    static func width(_ type: ValueType) -> Int {
        switch type {
        case .i32, .f32: 4
        case .i64, .f64: 8
        case .v128: 16
        default: 8
        }
    }

    static func full(_ bytes: Int) -> ByteMask { bytes >= 16 ? 0xFFFF : ByteMask((1 << bytes) - 1) }

    /// Spreads a demand to whole lanes of `laneBytes`.
    static func wholeLanes(_ mask: ByteMask, laneBytes: Int) -> ByteMask {
        var result: ByteMask = 0
        for lane in stride(from: 0, to: 16, by: laneBytes) where mask & (full(laneBytes) << lane) != 0 {
            result |= full(laneBytes) << lane
        }
        return result
    }

    /// Operand bytes whose bits reach demanded result bytes when every lane of `laneBytes` is shifted
    /// by `bits` (positive: left, negative: right logical) with bits shifted out lost; `signFill` adds
    /// the lane's top byte where an arithmetic right shift copies the sign.
    static func shifted(_ mask: ByteMask, laneBytes: Int, bits: Int, signFill: Bool = false, rotate: Bool = false) -> ByteMask {
        let laneBits = laneBytes * 8
        var result: ByteMask = 0
        for lane in stride(from: 0, to: 16, by: laneBytes) {
            for bit in 0..<laneBits where mask & (1 << (lane + bit / 8)) != 0 {
                var source = bit - bits
                if rotate {
                    source = ((source % laneBits) + laneBits) % laneBits
                } else if source >= laneBits {
                    guard signFill else { continue }
                    source = laneBits - 1
                } else if source < 0 {
                    continue
                }
                result |= 1 << (lane + source / 8)
            }
        }
        return result
    }

    /// A constant's bytes, little-endian, for masks, shift counts and multipliers.
    static func bytes(_ constant: Constant) -> [UInt8]? {
        switch constant {
        case .i32(let value): (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        case .i64(let value): (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        case .v128(let vector): vector.bytes
        default: nil
        }
    }

    /// Bytes of a masked operand that can reach the result: `and` passes bytes where the mask has a
    /// one, `or` bytes where it has a zero.
    static func passing(_ mask: ByteMask, through constant: [UInt8], passWhere bit: Bool) -> ByteMask {
        var result: ByteMask = 0
        for (index, value) in constant.enumerated() where mask & (1 << index) != 0 {
            if bit ? value != 0 : value != 0xFF { result |= 1 << index }
        }
        return result
    }
}
