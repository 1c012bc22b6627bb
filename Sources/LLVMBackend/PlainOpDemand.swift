import WasmBinary

/// How much of its operands a plain operator needs, for `LoadAnchoring`: when its result is kept whole,
/// does LLVM have to keep every loaded byte of an operand (in particular the last one, the one that is
/// out of bounds when an access straddles the end of memory)?
enum PlainOpDemand: Equatable {
    /// Traps on some operand values (division, float→int truncation): the check reads every bit, and
    /// LLVM keeps it.
    case trapping
    /// Every operand bit affects the result, whatever the other operands are (`add`, `xor`, unary ops).
    case always
    /// Every operand bit affects the result unless another operand is a constant that LLVM can fold with
    /// (`mul` by 0 or by a power of two, a compare with a constant, float operations with NaN).
    case withoutConstants
    /// Only the first operand (the value of a rotation; the count uses only a few bits).
    case firstOperand
    /// Some bits of an operand may not matter: masks, shifts, wraps, lane selection.
    case partial

    static func of(_ op: PlainOp) -> PlainOpDemand { table[Int(op.rawValue)] }

    private static let table: [PlainOpDemand] = PlainOp.allCases.map { classify($0.name) }

    private static func classify(_ name: String) -> PlainOpDemand {
        let parts = name.split(separator: ".", maxSplits: 1)
        let shape = String(parts[0])
        let operation = String(parts.count > 1 ? parts[1] : "")
        let isScalarInteger = shape == "i32" || shape == "i64"
        let isScalarFloat = shape == "f32" || shape == "f64"

        if isScalarInteger, operation.hasPrefix("div") || operation.hasPrefix("rem") { return .trapping }
        if isScalarInteger, operation.hasPrefix("trunc_f") { return .trapping }

        if isScalarInteger {
            switch operation {
            case "add", "sub", "xor", "eqz", "clz", "ctz", "popcnt", "extend_i32_s", "extend_i32_u",
                 "reinterpret_f32", "reinterpret_f64":
                return .always
            case "mul", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u":
                return .withoutConstants
            case "rotl", "rotr":
                return .firstOperand
            default:
                // and, or, shifts, wrap, sign extension from a narrower width: only some bits survive.
                return operation.hasPrefix("trunc_sat") ? .always : .partial
            }
        }
        if isScalarFloat {
            switch operation {
            case "abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt":
                return .always
            case "copysign":
                return .partial
            default:
                // Conversions are unary; binary arithmetic and compares fold with a constant NaN.
                return operation.contains("_") ? .always : .withoutConstants
            }
        }
        return classifyVector(shape: shape, operation: operation)
    }

    private static func classifyVector(shape: String, operation: String) -> PlainOpDemand {
        // Operations that read only some lanes, or only some bits of each lane.
        let partialMarkers = ["shl", "shr", "swizzle", "bitmask", "all_true", "extend_low", "extend_high",
                              "extmul", "convert_low", "promote_low", "_zero"]
        if partialMarkers.contains(where: operation.contains) { return .partial }
        switch operation {
        case "add", "sub", "xor", "not", "abs", "neg", "popcnt", "splat", "any_true", "sqrt", "ceil", "floor",
             "trunc", "nearest":
            return .always
        default:
            // Lane-wise conversions are unary; the rest (saturating arithmetic, min/max, compares, mul,
            // dot, narrow, and/or/andnot/bitselect) can fold with a constant operand.
            if operation.hasPrefix("convert") || operation.hasPrefix("trunc_sat") || operation.hasPrefix("extadd") {
                return .always
            }
            return .withoutConstants
        }
    }
}
