import WasmBinary
import WasmIR

/// Bytes of a value, bit `k` for byte `k` (little-endian, as in linear memory); v128 has 16.
typealias ByteMask = UInt16

/// Which bytes of an operand every correct implementation of an operator must read to produce the
/// demanded bytes of its result. A byte is demanded only when each of its bits is: flipping it flips a
/// demanded result bit for every value of the other operands (or, for compares and lane-wise arithmetic,
/// LLVM cannot tell otherwise without a constant to fold with). Whole bytes keep the analysis sound
/// through operators that fix single bits (`abs` clears the sign, a mask keeps some bits of a byte).
/// `LoadAnchoring` uses it to know which loaded bytes LLVM must keep; a mask here may be smaller than
/// the truth, never larger.
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

    /// Operand bytes all of whose bits reach demanded result bytes when every lane of `laneBytes` is
    /// shifted by `bits` (positive: left, negative: right) with bits shifted out lost; `signFill` copies
    /// the lane's sign bit into the vacated top bits, `rotate` wraps around.
    static func shifted(_ mask: ByteMask, laneBytes: Int, bits: Int, signFill: Bool = false, rotate: Bool = false) -> ByteMask {
        let laneBits = laneBytes * 8
        var result: ByteMask = 0
        for lane in stride(from: 0, to: 16, by: laneBytes) {
            func reaches(_ bit: Int) -> Bool {
                var destinations: [Int] = []
                let moved = bit + bits
                if rotate { destinations.append(((moved % laneBits) + laneBits) % laneBits) }
                else if moved >= 0 && moved < laneBits { destinations.append(moved) }
                if signFill && !rotate && bit == laneBits - 1 && bits < 0 {
                    destinations += (max(0, laneBits + bits)..<laneBits).map { $0 }
                }
                return destinations.contains { mask & (1 << (lane + $0 / 8)) != 0 }
            }
            for byte in 0..<laneBytes where (0..<8).allSatisfy({ reaches(byte * 8 + $0) }) {
                result |= 1 << (lane + byte)
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

    /// Bytes of a masked operand that reach the result whole: `and` passes bytes where the mask is all
    /// ones, `or` bytes where it is all zeros.
    static func passing(_ mask: ByteMask, through constant: [UInt8], passWhere bit: Bool) -> ByteMask {
        var result: ByteMask = 0
        for (index, value) in constant.enumerated() where mask & (1 << index) != 0 {
            if bit ? value == 0xFF : value == 0 { result |= 1 << index }
        }
        return result
    }

    /// A mask without the top byte of each lane (where `abs` and `copysign` fix the sign bit).
    static func withoutSignBytes(_ mask: ByteMask, laneBytes: Int) -> ByteMask {
        var result = mask
        for lane in stride(from: 0, to: 16, by: laneBytes) { result &= ~(1 << (lane + laneBytes - 1)) }
        return result
    }
}
