import WasmBinary
import WasmIR

extension ByteDemand {
    /// For each operand of `op`, the bytes that must be read to produce the `result` bytes of its
    /// result. `constant` gives an operand's value when it is a constant.
    static func operandDemands(_ op: PlainOp, _ operands: [Value], result: ByteMask,
                               constant: (Value) -> Constant?) -> [ByteMask] {
        let none = operands.map { _ in ByteMask(0) }
        guard result != 0 else { return none }
        let parts = nameParts[Int(op.rawValue)]
        // Relaxed SIMD (swizzle, dot products, …) is left out: no byte of an operand is vouched for.
        guard parts.count == 2, !parts[1].hasPrefix("relaxed_") else { return none }
        let context = Context(op: op, operands: operands, result: result, constants: operands.map(constant),
                              operation: parts[1])
        switch parts[0] {
        case "i32", "i64": return context.integer(width: parts[0] == "i32" ? 4 : 8) ?? none
        case "f32", "f64": return context.float(width: parts[0] == "f32" ? 4 : 8) ?? none
        default: return context.vector(shape: parts[0]) ?? none
        }
    }

    /// Each operator's name split at the dot (`i32x4`, `add`), computed once.
    private static let nameParts: [[String]] = PlainOp.allCases.map { $0.name.split(separator: ".", maxSplits: 1).map(String.init) }

    private struct Context {
        let op: PlainOp
        let operands: [Value]
        let result: ByteMask
        let constants: [Constant?]
        let operation: String

        var hasConstant: Bool { constants.contains { $0 != nil } }
        var repeated: Bool { Set(operands).count < operands.count }
        var allOperands: [ByteMask] { op.operands.map { full(width($0)) } }
        var none: [ByteMask] { operands.map { _ in 0 } }
        var same: [ByteMask] { operands.map { _ in result } }
        /// The full operands, unless a constant or a repeated operand could let LLVM fold the result.
        var allUnlessFoldable: [ByteMask]? { hasConstant || repeated ? nil : allOperands }
        /// Float arithmetic folds only with a NaN or an infinity (`x + NaN`, `min(x, -inf)`); other
        /// constants leave the result depending on every bit of the other operand.
        func floatConstantsFold(laneBytes: Int) -> Bool {
            for index in operands.indices {
                guard let bytes = constantBytes(index) else { continue }
                for lane in stride(from: 0, to: bytes.count, by: laneBytes) {
                    let top = bytes[lane + laneBytes - 1] & 0x7F
                    let next = bytes[lane + laneBytes - 2]
                    // An all-ones exponent: 0x7F8 (f32 after the sign) or 0x7FF (f64).
                    let allOnes = laneBytes == 4 ? (top == 0x7F && next & 0x80 == 0x80) : (top == 0x7F && next & 0xF0 == 0xF0)
                    if allOnes { return true }
                }
            }
            return false
        }
        /// The bytes of operand `index`'s constant, if it is one.
        func constantBytes(_ index: Int) -> [UInt8]? { constants[index].flatMap(ByteDemand.bytes) }
        /// The value operand (demanded `mask`) of an operator whose other operand is a constant.
        func withConstant(_ mask: (_ constant: [UInt8], _ valueIndex: Int) -> ByteMask?) -> [ByteMask]? {
            guard operands.count == 2, !repeated else { return nil }
            for valueIndex in 0..<2 {
                guard let bytes = constantBytes(1 - valueIndex), constants[valueIndex] == nil,
                      let demand = mask(bytes, valueIndex) else { continue }
                return valueIndex == 0 ? [demand, 0] : [0, demand]
            }
            return nil
        }

        func integer(width: Int) -> [ByteMask]? {
            let bits = width * 8
            switch operation {
            case "add", "sub", "xor": return repeated ? nil : same
            // Results below 256 (a count, a 0 or 1): only their low byte carries anything.
            case "eqz", "clz", "ctz", "popcnt": return result & 1 != 0 ? allOperands : nil
            case "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u":
                return result & 1 != 0 ? allUnlessFoldable : nil
            case "and", "or":
                return withConstant { bytes, _ in passing(result, through: bytes, passWhere: operation == "and") }
            case "mul":
                // By a variable, a factor with known zero bits (a zero-extended byte) lets LLVM drop
                // the other factor's bytes: only a constant factor says which bytes stay.
                return withConstant { bytes, _ in
                    let multiplier = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                    return multiplier == 0 ? nil : shifted(result, laneBytes: width, bits: multiplier.trailingZeroBitCount)
                } ?? none
            case "shl", "shr_s", "shr_u", "rotl", "rotr":
                guard constants[0] == nil, let amountBytes = constantBytes(1) else { return nil }
                let count = Int(amountBytes[0]) % bits
                let signed = operation == "shr_s"
                let distance = operation == "shl" || operation == "rotl" ? count : -count
                return [shifted(result, laneBytes: width, bits: distance, signFill: signed, rotate: operation.hasPrefix("rot")), 0]
            case "wrap_i64": return [result & 0xF]
            case "extend_i32_u": return [result & 0xF]
            // Sign extensions: the copies above carry one bit of the top byte, not the whole byte.
            case "extend_i32_s": return [result & 0xF]
            case "extend8_s": return [result & 0x1]
            case "extend16_s": return [result & 0x3]
            case "extend32_s": return [result & 0xF]
            case "reinterpret_f32", "reinterpret_f64": return same
            default:
                // Division and remainder (checked operands), float→int conversions.
                if operation.hasPrefix("div") || operation.hasPrefix("rem") || operation.hasPrefix("trunc") { return allOperands }
                return nil
            }
        }

        func float(width: Int) -> [ByteMask]? {
            switch operation {
            case "abs": return [withoutSignBytes(full(width), laneBytes: width)]
            case "neg", "ceil", "floor", "trunc", "nearest", "sqrt": return allOperands
            case "copysign": return repeated ? nil : [withoutSignBytes(full(width), laneBytes: width), 0]
            case "reinterpret_i32", "reinterpret_i64": return same
            default:
                // Conversions (`convert_i32_s`, `demote_f64`) read everything; binary arithmetic and
                // compares fold with a constant NaN or infinity.
                // A repeated operand does not fold (`x * x`, `x - x` is NaN for infinities).
                if operation.contains("_") { return allOperands }
                if ["eq", "ne", "lt", "gt", "le", "ge"].contains(operation), result & 1 == 0 { return nil }
                return floatConstantsFold(laneBytes: width) ? nil : allOperands
            }
        }

        func vector(shape: String) -> [ByteMask]? {
            let laneBytes: Int = switch shape {
            case "i16x8": 2
            case "i32x4", "f32x4": 4
            case "i64x2", "f64x2": 8
            default: 1
            }
            if shape.hasPrefix("f"), ["add", "sub", "mul", "div", "min", "max", "pmin", "pmax", "eq", "ne", "lt", "gt", "le", "ge"].contains(operation) {
                return wholeLanesUnlessFoldable(laneBytes, float: true)
            }
            switch operation {
            case "add", "sub", "xor": return repeated ? nil : same
            case "abs" where shape.hasPrefix("f"): return [withoutSignBytes(result, laneBytes: laneBytes)]
            case "not", "abs", "neg", "popcnt": return same
            case "any_true": return result & 1 != 0 ? [0xFFFF] : nil
            case "splat":
                let scalarBytes = width(op.operands[0])
                var mask: ByteMask = 0
                for index in 0..<16 where result & (1 << index) != 0 { mask |= 1 << (index % scalarBytes) }
                return [mask]
            case "and", "or":
                return withConstant { bytes, _ in passing(result, through: bytes, passWhere: operation == "and") }
            case "andnot":
                // a & ~b: a's bytes pass where b is not all ones, b's where a has a one.
                return withConstant { bytes, valueIndex in passing(result, through: bytes, passWhere: valueIndex == 1) }
            case "bitselect":
                guard let selector = constantBytes(2), !repeated else { return nil }
                return [passing(result, through: selector, passWhere: true), passing(result, through: selector, passWhere: false), 0]
            case "shl", "shr_s", "shr_u":
                guard constants[0] == nil, let amountBytes = constantBytes(1) else { return nil }
                let count = Int(amountBytes[0]) % (laneBytes * 8)
                return [shifted(result, laneBytes: laneBytes, bits: operation == "shl" ? count : -count,
                                signFill: operation == "shr_s"), 0]
            case "bitmask":
                // One bit of each lane: no whole byte.
                return nil
            case "mul" where !shape.hasPrefix("f"):
                return withConstant { bytes, _ in
                    var mask: ByteMask = 0
                    for lane in stride(from: 0, to: 16, by: laneBytes) {
                        let multiplier = bytes[lane..<(lane + laneBytes)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                        guard multiplier != 0 else { continue }
                        let laneMask = result & (full(laneBytes) << lane)
                        mask |= shifted(laneMask, laneBytes: laneBytes, bits: multiplier.trailingZeroBitCount) & (full(laneBytes) << lane)
                    }
                    return mask
                } ?? none
            default:
                // Products: a factor with known zero lanes (zero-extended bytes) folds them away.
                if ["extmul", "dot", "q15mulr"].contains(where: operation.hasPrefix) { return nil }
                return reshaping(laneBytes: laneBytes) ?? wholeLanesUnlessFoldable(laneBytes)
            }
        }

        /// Lane-wise operators that read whole lanes (min, max, saturating arithmetic, compares, float
        /// arithmetic, lane-wise conversions).
        func wholeLanesUnlessFoldable(_ laneBytes: Int, float: Bool = false) -> [ByteMask]? {
            let unary = operands.count == 1
            let foldable = float ? floatConstantsFold(laneBytes: laneBytes) : hasConstant || repeated
            guard unary || !foldable else { return nil }
            if operation.hasPrefix("all_true") || operation.hasPrefix("swizzle") { return nil }
            return operands.map { _ in wholeLanes(result, laneBytes: laneBytes) }
        }

        /// Operators whose result lanes come from other lanes: widening, narrowing, pairwise.
        func reshaping(laneBytes: Int) -> [ByteMask]? {
            let narrow = laneBytes / 2
            if operation.hasPrefix("extend_low") || operation.hasPrefix("extend_high") {
                let base = operation.hasPrefix("extend_high") ? 8 : 0
                var mask: ByteMask = 0
                for lane in 0..<(16 / laneBytes) {
                    // The bytes above are zeros or copies of one sign bit.
                    for byte in 0..<narrow where result & (1 << (lane * laneBytes + byte)) != 0 {
                        mask |= 1 << (base + lane * narrow + byte)
                    }
                }
                return [mask]
            }
            if operation.hasPrefix("extadd_pairwise") {
                var mask: ByteMask = 0
                for lane in 0..<(16 / laneBytes) {
                    for byte in 0..<narrow where result & (1 << (lane * laneBytes + byte)) != 0 {
                        mask |= 1 << (2 * lane * narrow + byte) | 1 << ((2 * lane + 1) * narrow + byte)
                    }
                }
                return [mask]
            }
            if operation.hasPrefix("narrow") {
                // Result lanes 0..<n/2 saturate lanes of the first operand, the rest of the second.
                let wide = laneBytes * 2
                let half = 16 / laneBytes / 2
                var masks: [ByteMask] = [0, 0]
                for lane in 0..<(16 / laneBytes) where result & (full(laneBytes) << (lane * laneBytes)) != 0 {
                    masks[lane / half] |= full(wide) << ((lane % half) * wide)
                }
                return repeated ? nil : masks
            }
            if operation.hasPrefix("extmul") || operation.hasPrefix("dot") {
                let base = operation.hasPrefix("extmul_high") ? 8 : 0
                var mask: ByteMask = 0
                for lane in 0..<(16 / laneBytes) where result & (full(laneBytes) << (lane * laneBytes)) != 0 {
                    if operation.hasPrefix("dot") { mask |= full(laneBytes) << (lane * laneBytes) }
                    else { mask |= full(narrow) << (base + lane * narrow) }
                }
                return [mask, mask]
            }
            if operation.hasPrefix("convert_low") || operation.hasPrefix("promote_low") {
                // f64x2 lanes from the low two 4-byte lanes.
                var mask: ByteMask = 0
                for lane in 0..<2 where result & (0xFF << (lane * 8)) != 0 { mask |= 0xF << (lane * 4) }
                return [mask]
            }
            if operation.hasSuffix("_zero") {
                // Two 4-byte result lanes from the two 8-byte operand lanes; the upper lanes are zero.
                var mask: ByteMask = 0
                for lane in 0..<2 where result & (0xF << (lane * 4)) != 0 { mask |= 0xFF << (lane * 8) }
                return [mask]
            }
            return nil
        }
    }
}
