import CLLVM
import WasmBinary
import WasmIR

/// The fixed-signature SIMD operators (`0xFD` prefix). An operator's name gives its lane shape and its
/// operation (`i16x8.add_sat_s` is `add_sat_s` on `<8 x i16>`), so lowering dispatches on the two parts.
/// Semantics follow the spec exactly: saturation and narrowing clamp, shifts mask their count, float
/// min/max propagate (quiet) NaNs and order -0 below +0, and float→int conversions saturate.
extension FunctionLowering {
    func lowerVectorOperation(_ op: PlainOp, _ operands: [LLVMValueRef]) throws -> LLVMValueRef {
        let name = op.name
        guard let dot = name.firstIndex(of: ".") else { throw BackendError.unsupported("SIMD instruction \(name)") }
        let prefix = name[..<dot]
        let operation = String(name[name.index(after: dot)...])
        let result: LLVMValueRef?
        if operation.hasPrefix("relaxed_"), let shape = LaneShape(rawValue: String(prefix)) {
            result = relaxed(String(operation.dropFirst("relaxed_".count)), shape, operands)
        } else if prefix == "v128" {
            result = bitwise(operation, operands)
        } else if let shape = LaneShape(rawValue: String(prefix)) {
            result = lanewise(operation, shape, operands)
        } else {
            result = nil
        }
        guard let result else { throw BackendError.unsupported("SIMD instruction \(name)") }
        return op.result == .v128 ? canonical(result) : result
    }

    /// Relaxed SIMD with one fixed choice on every target, the spec's deterministic profile: swizzle,
    /// truncation, min/max and q15mulr behave like their non-relaxed counterparts (indices out of range
    /// give 0, truncation saturates, NaNs propagate, -32768² saturates), laneselect is bitselect,
    /// madd/nmadd are fused (`llvm.fma`, a libcall where the CPU has no FMA, so still one rounding),
    /// and the dot products multiply signed by signed, with each pair's sum wrapping to i16.
    private func relaxed(_ operation: String, _ shape: LaneShape, _ operands: [LLVMValueRef]) -> LLVMValueRef? {
        switch operation {
        case "swizzle", "min", "max": return lanewise(operation, shape, operands)
        case _ where operation.hasPrefix("trunc_"): return lanewise("trunc_sat" + operation.dropFirst("trunc".count), shape, operands)
        case "q15mulr_s": return lanewise("q15mulr_sat_s", shape, operands)
        case "laneselect": return bitwise("bitselect", operands)
        case "madd", "nmadd":
            let type = shape.vectorType(in: context)
            let a = view(operands[0], as: shape)
            let factor = operation == "nmadd" ? LLVMBuildFNeg(builder, a, "")! : a
            return quietNaNLanes(callIntrinsic("llvm.fma", [type], [factor, view(operands[1], as: shape), view(operands[2], as: shape)]))
        case "dot_i8x16_i7x16_s", "dot_i8x16_i7x16_add_s":
            let wide = LaneShape.i16x8.vectorType(in: context, lanes: 16)
            let products = LLVMBuildMul(builder, LLVMBuildSExt(builder, view(operands[0], as: .i8x16), wide, "")!,
                                        LLVMBuildSExt(builder, view(operands[1], as: .i8x16), wide, "")!, "")!
            let evens = (0..<8).map { 2 * $0 }, odds = (0..<8).map { 2 * $0 + 1 }
            let pairs = LLVMBuildAdd(builder, lanes(products, evens), lanes(products, odds), "")!
            guard operation.hasSuffix("_add_s") else { return pairs }
            let words = LLVMBuildSExt(builder, pairs, LaneShape.i32x4.vectorType(in: context, lanes: 8), "")!
            let sums = LLVMBuildAdd(builder, lanes(words, Array(evens.prefix(4))), lanes(words, Array(odds.prefix(4))), "")!
            return LLVMBuildAdd(builder, sums, view(operands[2], as: .i32x4), "")
        default: return nil
        }
    }

    private func bitwise(_ operation: String, _ operands: [LLVMValueRef]) -> LLVMValueRef? {
        let allOnes = LLVMConstAllOnes(module.vectorType)!
        switch operation {
        case "not": return LLVMBuildXor(builder, operands[0], allOnes, "")
        case "and": return LLVMBuildAnd(builder, operands[0], operands[1], "")
        case "andnot": return LLVMBuildAnd(builder, operands[0], LLVMBuildXor(builder, operands[1], allOnes, ""), "")
        case "or": return LLVMBuildOr(builder, operands[0], operands[1], "")
        case "xor": return LLVMBuildXor(builder, operands[0], operands[1], "")
        case "bitselect":
            let mask = operands[2]
            return LLVMBuildOr(builder, LLVMBuildAnd(builder, operands[0], mask, ""),
                               LLVMBuildAnd(builder, operands[1], LLVMBuildXor(builder, mask, allOnes, ""), ""), "")
        case "any_true":
            let bits = LLVMBuildBitCast(builder, operands[0], LLVMInt128TypeInContext(context), "")!
            let nonZero = LLVMBuildICmp(builder, LLVMIntNE, bits, LLVMConstNull(LLVMInt128TypeInContext(context)), "")!
            return LLVMBuildZExt(builder, nonZero, module.i32, "")
        default: return nil
        }
    }

    private func lanewise(_ operation: String, _ shape: LaneShape, _ operands: [LLVMValueRef]) -> LLVMValueRef? {
        let type = shape.vectorType(in: context)
        func operand(_ index: Int) -> LLVMValueRef { view(operands[index], as: shape) }
        let signed = operation.hasSuffix("_s") || operation.hasSuffix("_s_zero")

        if let predicate = integerPredicate(operation), !shape.isFloat {
            return LLVMBuildSExt(builder, LLVMBuildICmp(builder, predicate, operand(0), operand(1), ""), type, "")
        }
        if let predicate = floatPredicate(operation), shape.isFloat {
            return LLVMBuildSExt(builder, LLVMBuildFCmp(builder, predicate, operand(0), operand(1), ""),
                                 shape.integerShape.vectorType(in: context), "")
        }
        if shape.isFloat, let result = floatOperation(operation, shape, operand) { return result }
        if operation.hasPrefix("extend_") || operation.hasPrefix("extmul_") || operation.hasPrefix("extadd_pairwise_")
            || operation.hasPrefix("narrow_") || operation == "dot_i16x8_s" || operation == "q15mulr_sat_s" {
            return widthChanging(operation, shape, operands, signed: signed)
        }

        switch operation {
        case "splat": return splat(laneScalar(operands[0], shape), lanes: shape.laneCount)
        case "abs": return callIntrinsic("llvm.abs", [type], [operand(0), LLVMConstInt(module.i1, 0, 0)])
        case "neg": return LLVMBuildNeg(builder, operand(0), "")
        case "popcnt": return callIntrinsic("llvm.ctpop", [type], [operand(0)])
        case "all_true":
            let nonZero = LLVMBuildICmp(builder, LLVMIntNE, operand(0), LLVMConstNull(type), "")!
            let all = callIntrinsic("llvm.vector.reduce.and", [LLVMTypeOf(nonZero)], [nonZero])
            return LLVMBuildZExt(builder, all, module.i32, "")
        case "bitmask":
            let negative = LLVMBuildICmp(builder, LLVMIntSLT, operand(0), LLVMConstNull(type), "")!
            let bits = LLVMBuildBitCast(builder, negative, LLVMIntTypeInContext(context, UInt32(shape.laneCount)), "")!
            return LLVMBuildZExt(builder, bits, module.i32, "")
        case "shl", "shr_s", "shr_u":
            let count = LLVMBuildAnd(builder, operands[1], module.constI32(UInt32(shape.laneBits - 1)), "")!
            let amounts = splat(laneScalar(count, shape), lanes: shape.laneCount)
            switch operation {
            case "shl": return LLVMBuildShl(builder, operand(0), amounts, "")
            case "shr_s": return LLVMBuildAShr(builder, operand(0), amounts, "")
            default: return LLVMBuildLShr(builder, operand(0), amounts, "")
            }
        case "add": return LLVMBuildAdd(builder, operand(0), operand(1), "")
        case "sub": return LLVMBuildSub(builder, operand(0), operand(1), "")
        case "mul": return LLVMBuildMul(builder, operand(0), operand(1), "")
        case "add_sat_s": return callIntrinsic("llvm.sadd.sat", [type], [operand(0), operand(1)])
        case "add_sat_u": return callIntrinsic("llvm.uadd.sat", [type], [operand(0), operand(1)])
        case "sub_sat_s": return callIntrinsic("llvm.ssub.sat", [type], [operand(0), operand(1)])
        case "sub_sat_u": return callIntrinsic("llvm.usub.sat", [type], [operand(0), operand(1)])
        case "min_s": return callIntrinsic("llvm.smin", [type], [operand(0), operand(1)])
        case "min_u": return callIntrinsic("llvm.umin", [type], [operand(0), operand(1)])
        case "max_s": return callIntrinsic("llvm.smax", [type], [operand(0), operand(1)])
        case "max_u": return callIntrinsic("llvm.umax", [type], [operand(0), operand(1)])
        case "avgr_u":
            // (a + b + 1) >> 1 without overflow: in lanes twice as wide.
            let wide = shape.widened!.laneType(in: context)
            let wideType = LLVMVectorType(wide, UInt32(shape.laneCount))!
            let sum = LLVMBuildAdd(builder, LLVMBuildZExt(builder, operand(0), wideType, ""), LLVMBuildZExt(builder, operand(1), wideType, ""), "")!
            let rounded = LLVMBuildAdd(builder, sum, constantVector(Array(repeating: LLVMConstInt(wide, 1, 0)!, count: shape.laneCount)), "")!
            let halved = LLVMBuildLShr(builder, rounded, constantVector(Array(repeating: LLVMConstInt(wide, 1, 0)!, count: shape.laneCount)), "")!
            return LLVMBuildTrunc(builder, halved, type, "")
        case "swizzle": return swizzle(operand(0), indices: operand(1))
        case "trunc_sat_f32x4_s", "trunc_sat_f32x4_u":
            let source = view(operands[0], as: .f32x4)
            return callIntrinsic(signed ? "llvm.fptosi.sat" : "llvm.fptoui.sat", [type, LLVMTypeOf(source)], [source])
        case "trunc_sat_f64x2_s_zero", "trunc_sat_f64x2_u_zero":
            let source = view(operands[0], as: .f64x2)
            let pairType = LaneShape.i32x4.vectorType(in: context, lanes: 2)
            let converted = callIntrinsic(signed ? "llvm.fptosi.sat" : "llvm.fptoui.sat", [pairType, LLVMTypeOf(source)], [source])
            return concatenate(converted, LLVMConstNull(pairType))
        default: return nil
        }
    }

    private func floatOperation(_ operation: String, _ shape: LaneShape, _ operand: (Int) -> LLVMValueRef) -> LLVMValueRef? {
        let type = shape.vectorType(in: context)
        let integerType = shape.integerShape.vectorType(in: context)
        let signBit: UInt64 = 1 << (shape.laneBits - 1)
        func arithmetic(_ build: (LLVMBuilderRef, LLVMValueRef, LLVMValueRef) -> LLVMValueRef?) -> LLVMValueRef {
            let (a, b) = (operand(0), operand(1))
            let result = build(builder, a, b)!
            // LLVM folds x * 1.0, x + -0.0 and constant NaNs to an operand, which may be a signalling NaN
            // the hardware would have quieted; other constants leave a real operation.
            return mayFoldToOperand(a) || mayFoldToOperand(b) ? quietNaNLanes(result) : result
        }
        switch operation {
        // abs and neg touch only the sign bit, so NaN payloads pass through unchanged.
        case "abs", "neg":
            let bits = LLVMBuildBitCast(builder, operand(0), integerType, "")!
            let result = operation == "abs"
                ? LLVMBuildAnd(builder, bits, splatConstant(signBit - 1, shape), "")!
                : LLVMBuildXor(builder, bits, splatConstant(signBit, shape), "")!
            return LLVMBuildBitCast(builder, result, type, "")
        case "add": return arithmetic { LLVMBuildFAdd($0, $1, $2, "") }
        case "sub": return arithmetic { LLVMBuildFSub($0, $1, $2, "") }
        case "mul": return arithmetic { LLVMBuildFMul($0, $1, $2, "") }
        case "div": return arithmetic { LLVMBuildFDiv($0, $1, $2, "") }
        case "min": return quietNaNLanes(callIntrinsic("llvm.minimum", [type], [operand(0), operand(1)]))
        case "max": return quietNaNLanes(callIntrinsic("llvm.maximum", [type], [operand(0), operand(1)]))
        // Pseudo-min/max are defined as selects: pmin(a, b) = b < a ? b : a.
        case "pmin": return LLVMBuildSelect(builder, LLVMBuildFCmp(builder, LLVMRealOLT, operand(1), operand(0), ""), operand(1), operand(0), "")
        case "pmax": return LLVMBuildSelect(builder, LLVMBuildFCmp(builder, LLVMRealOLT, operand(0), operand(1), ""), operand(1), operand(0), "")
        case "sqrt": return callIntrinsic("llvm.sqrt", [type], [operand(0)])
        case "ceil": return callIntrinsic("llvm.ceil", [type], [operand(0)])
        case "floor": return callIntrinsic("llvm.floor", [type], [operand(0)])
        case "trunc": return callIntrinsic("llvm.trunc", [type], [operand(0)])
        case "nearest": return callIntrinsic("llvm.roundeven", [type], [operand(0)])
        case "convert_i32x4_s", "convert_i32x4_u":
            let source = view(operand(0), as: .i32x4)
            return operation.hasSuffix("_s") ? LLVMBuildSIToFP(builder, source, type, "") : LLVMBuildUIToFP(builder, source, type, "")
        case "convert_low_i32x4_s", "convert_low_i32x4_u":
            let low = lanes(view(operand(0), as: .i32x4), [0, 1])
            return operation.hasSuffix("_s") ? LLVMBuildSIToFP(builder, low, type, "") : LLVMBuildUIToFP(builder, low, type, "")
        case "demote_f64x2_zero":
            let narrowed = LLVMBuildFPTrunc(builder, view(operand(0), as: .f64x2), LaneShape.f32x4.vectorType(in: context, lanes: 2), "")!
            return concatenate(quietNaNLanes(narrowed), LLVMConstNull(LLVMTypeOf(narrowed)))
        case "promote_low_f32x4":
            let low = lanes(view(operand(0), as: .f32x4), [0, 1])
            return quietNaNLanes(LLVMBuildFPExt(builder, low, type, "")!)
        default: return nil
        }
    }

    /// Operators whose result lanes differ in width from their operands' lanes.
    private func widthChanging(_ operation: String, _ shape: LaneShape, _ operands: [LLVMValueRef], signed: Bool) -> LLVMValueRef? {
        let type = shape.vectorType(in: context)
        let count = shape.laneCount
        func extend(_ vector: LLVMValueRef, to target: LLVMTypeRef) -> LLVMValueRef {
            signed ? LLVMBuildSExt(builder, vector, target, "")! : LLVMBuildZExt(builder, vector, target, "")!
        }
        if operation.hasPrefix("narrow_") {
            // Lanes of twice the width, clamped to the narrow range (signed input either way), then truncated.
            guard let source = shape.widened else { return nil }
            let joined = concatenate(view(operands[0], as: source), view(operands[1], as: source))
            let bits = UInt64(shape.laneBits)
            let low: UInt64 = signed ? (0 &- (1 << (bits - 1))) : 0
            let high: UInt64 = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1
            let wideType = LLVMTypeOf(joined)!
            let atLeast = callIntrinsic("llvm.smax", [wideType], [joined, splatConstant(low, source, lanes: count)])
            let clamped = callIntrinsic("llvm.smin", [wideType], [atLeast, splatConstant(high, source, lanes: count)])
            return LLVMBuildTrunc(builder, clamped, type, "")
        }
        guard let source = shape.narrowed else {
            return nil
        }
        let low = Array(0..<count), high = Array(count..<(2 * count))
        let evens = (0..<count).map { 2 * $0 }, odds = (0..<count).map { 2 * $0 + 1 }
        switch operation {
        case _ where operation.hasPrefix("extend_"):
            let half = lanes(view(operands[0], as: source), operation.contains("_low_") ? low : high)
            return extend(half, to: type)
        case _ where operation.hasPrefix("extmul_"):
            let indices = operation.contains("_low_") ? low : high
            let a = extend(lanes(view(operands[0], as: source), indices), to: type)
            let b = extend(lanes(view(operands[1], as: source), indices), to: type)
            return LLVMBuildMul(builder, a, b, "")
        case _ where operation.hasPrefix("extadd_pairwise_"):
            let vector = view(operands[0], as: source)
            return LLVMBuildAdd(builder, extend(lanes(vector, evens), to: type), extend(lanes(vector, odds), to: type), "")
        case "dot_i16x8_s":
            let products = LLVMBuildMul(builder, extend(view(operands[0], as: .i16x8), to: LaneShape.i32x4.vectorType(in: context, lanes: 8)),
                                        extend(view(operands[1], as: .i16x8), to: LaneShape.i32x4.vectorType(in: context, lanes: 8)), "")!
            return LLVMBuildAdd(builder, lanes(products, evens), lanes(products, odds), "")
        case "q15mulr_sat_s":
            // (a * b + 0x4000) >> 15, saturated: only -32768 * -32768 overflows.
            let wideType = LaneShape.i32x4.vectorType(in: context, lanes: count)
            let product = LLVMBuildMul(builder, extend(view(operands[0], as: shape), to: wideType),
                                       extend(view(operands[1], as: shape), to: wideType), "")!
            let rounded = LLVMBuildAdd(builder, product, splatConstant(0x4000, .i32x4, lanes: count), "")!
            let shifted = LLVMBuildAShr(builder, rounded, splatConstant(15, .i32x4, lanes: count), "")!
            let saturated = callIntrinsic("llvm.smin", [wideType], [shifted, splatConstant(0x7FFF, .i32x4, lanes: count)])
            return LLVMBuildTrunc(builder, saturated, type, "")
        default:
            return nil
        }
    }

    /// `i8x16.swizzle`: lane i is `a[s[i]]`, or 0 when `s[i]` ≥ 16.
    private func swizzle(_ vector: LLVMValueRef, indices: LLVMValueRef) -> LLVMValueRef {
        var result = LLVMConstNull(LLVMTypeOf(vector))!
        let zero = LLVMConstInt(module.i8, 0, 0)!
        for lane in 0..<16 {
            let index = LLVMBuildExtractElement(builder, indices, module.constI32(UInt32(lane)), "")!
            let inRange = LLVMBuildICmp(builder, LLVMIntULT, index, LLVMConstInt(module.i8, 16, 0), "")!
            let masked = LLVMBuildAnd(builder, index, LLVMConstInt(module.i8, 15, 0), "")!
            let element = LLVMBuildExtractElement(builder, vector, masked, "")!
            let chosen = LLVMBuildSelect(builder, inRange, element, zero, "")!
            result = LLVMBuildInsertElement(builder, result, chosen, module.constI32(UInt32(lane)), "")!
        }
        return result
    }

    private func integerPredicate(_ operation: String) -> LLVMIntPredicate? {
        switch operation {
        case "eq": LLVMIntEQ
        case "ne": LLVMIntNE
        case "lt_s": LLVMIntSLT
        case "lt_u": LLVMIntULT
        case "gt_s": LLVMIntSGT
        case "gt_u": LLVMIntUGT
        case "le_s": LLVMIntSLE
        case "le_u": LLVMIntULE
        case "ge_s": LLVMIntSGE
        case "ge_u": LLVMIntUGE
        default: nil
        }
    }

    /// Ordered comparisons, except `ne`, which holds for NaN.
    private func floatPredicate(_ operation: String) -> LLVMRealPredicate? {
        switch operation {
        case "eq": LLVMRealOEQ
        case "ne": LLVMRealUNE
        case "lt": LLVMRealOLT
        case "gt": LLVMRealOGT
        case "le": LLVMRealOLE
        case "ge": LLVMRealOGE
        default: nil
        }
    }
}
