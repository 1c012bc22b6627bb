import CLLVM
import WasmBinary
import WasmIR

/// Scalar numeric operators with wasm's exact semantics: no LLVM undefined behaviour for division,
/// shifts or float→int conversion, and NaN bits preserved where wasm requires it.
extension FunctionLowering {
    func lowerPlain(_ op: PlainOp, _ operands: [LLVMValueRef]) throws -> LLVMValueRef {
        let a = operands.first
        let b = operands.count > 1 ? operands[1] : nil
        let name = op.name
        let type = op.result
        if op.prefix == 0xFD { return try lowerVectorOperation(op, operands) }

        func boolean(_ value: LLVMValueRef) -> LLVMValueRef { LLVMBuildZExt(builder, value, module.i32, "")! }
        func icmp(_ predicate: LLVMIntPredicate) -> LLVMValueRef { boolean(LLVMBuildICmp(builder, predicate, a!, b!, "")!) }
        func fcmp(_ predicate: LLVMRealPredicate) -> LLVMValueRef { boolean(LLVMBuildFCmp(builder, predicate, a!, b!, "")!) }
        func unaryIntrinsic(_ intrinsic: String, _ overload: LLVMTypeRef) -> LLVMValueRef {
            call(module.intrinsic(intrinsic, [overload]), [a!])
        }

        let operandType = op.operands.first.map(module.llvmType) ?? module.llvmType(type)
        let resultType = module.llvmType(type)
        let bitWidth: UInt64 = op.operands.first == .i64 || op.operands.first == .f64 ? 64 : 32

        switch op {
        // Integer tests and comparisons
        case .i32Eqz, .i64Eqz:
            return boolean(LLVMBuildICmp(builder, LLVMIntEQ, a!, LLVMConstInt(operandType, 0, 0), "")!)
        case .i32Eq, .i64Eq: return icmp(LLVMIntEQ)
        case .i32Ne, .i64Ne: return icmp(LLVMIntNE)
        case .i32LtS, .i64LtS: return icmp(LLVMIntSLT)
        case .i32LtU, .i64LtU: return icmp(LLVMIntULT)
        case .i32GtS, .i64GtS: return icmp(LLVMIntSGT)
        case .i32GtU, .i64GtU: return icmp(LLVMIntUGT)
        case .i32LeS, .i64LeS: return icmp(LLVMIntSLE)
        case .i32LeU, .i64LeU: return icmp(LLVMIntULE)
        case .i32GeS, .i64GeS: return icmp(LLVMIntSGE)
        case .i32GeU, .i64GeU: return icmp(LLVMIntUGE)
        // Float comparisons: ordered except `ne`, which is true for NaN.
        case .f32Eq, .f64Eq: return fcmp(LLVMRealOEQ)
        case .f32Ne, .f64Ne: return fcmp(LLVMRealUNE)
        case .f32Lt, .f64Lt: return fcmp(LLVMRealOLT)
        case .f32Gt, .f64Gt: return fcmp(LLVMRealOGT)
        case .f32Le, .f64Le: return fcmp(LLVMRealOLE)
        case .f32Ge, .f64Ge: return fcmp(LLVMRealOGE)
        // Integer arithmetic
        case .i32Clz, .i64Clz:
            return call(module.intrinsic("llvm.ctlz", [operandType]), [a!, LLVMConstInt(module.i1, 0, 0)])
        case .i32Ctz, .i64Ctz:
            return call(module.intrinsic("llvm.cttz", [operandType]), [a!, LLVMConstInt(module.i1, 0, 0)])
        case .i32Popcnt, .i64Popcnt: return unaryIntrinsic("llvm.ctpop", operandType)
        case .i32Add, .i64Add: return LLVMBuildAdd(builder, a!, b!, "")
        case .i32Sub, .i64Sub: return LLVMBuildSub(builder, a!, b!, "")
        case .i32Mul, .i64Mul: return LLVMBuildMul(builder, a!, b!, "")
        case .i32DivS, .i64DivS:
            checkDivisor(b!, operandType)
            let minimum = LLVMConstInt(operandType, 1 << (bitWidth - 1), 0)!
            let overflow = LLVMBuildAnd(builder, LLVMBuildICmp(builder, LLVMIntEQ, a!, minimum, ""),
                                        LLVMBuildICmp(builder, LLVMIntEQ, b!, LLVMConstAllOnes(operandType), ""), "")!
            trap(if: overflow, .integerOverflow)
            return LLVMBuildSDiv(builder, a!, b!, "")
        case .i32DivU, .i64DivU:
            checkDivisor(b!, operandType)
            return LLVMBuildUDiv(builder, a!, b!, "")
        case .i32RemS, .i64RemS:
            checkDivisor(b!, operandType)
            // INT_MIN % -1 is 0 in wasm but undefined in LLVM: divide by 1 instead and select 0.
            let minusOne = LLVMBuildICmp(builder, LLVMIntEQ, b!, LLVMConstAllOnes(operandType), "")!
            let divisor = LLVMBuildSelect(builder, minusOne, LLVMConstInt(operandType, 1, 0), b!, "")!
            let remainder = LLVMBuildSRem(builder, a!, divisor, "")!
            return LLVMBuildSelect(builder, minusOne, LLVMConstInt(operandType, 0, 0), remainder, "")
        case .i32RemU, .i64RemU:
            checkDivisor(b!, operandType)
            return LLVMBuildURem(builder, a!, b!, "")
        case .i32And, .i64And: return LLVMBuildAnd(builder, a!, b!, "")
        case .i32Or, .i64Or: return LLVMBuildOr(builder, a!, b!, "")
        case .i32Xor, .i64Xor: return LLVMBuildXor(builder, a!, b!, "")
        case .i32Shl, .i64Shl: return LLVMBuildShl(builder, a!, maskedShift(b!, operandType, bitWidth), "")
        case .i32ShrS, .i64ShrS: return LLVMBuildAShr(builder, a!, maskedShift(b!, operandType, bitWidth), "")
        case .i32ShrU, .i64ShrU: return LLVMBuildLShr(builder, a!, maskedShift(b!, operandType, bitWidth), "")
        case .i32Rotl, .i64Rotl: return call(module.intrinsic("llvm.fshl", [operandType]), [a!, a!, b!])
        case .i32Rotr, .i64Rotr: return call(module.intrinsic("llvm.fshr", [operandType]), [a!, a!, b!])
        case .i32Extend8S, .i64Extend8S:
            return LLVMBuildSExt(builder, LLVMBuildTrunc(builder, a!, module.i8, ""), operandType, "")
        case .i32Extend16S, .i64Extend16S:
            return LLVMBuildSExt(builder, LLVMBuildTrunc(builder, a!, LLVMInt16TypeInContext(module.context), ""), operandType, "")
        case .i64Extend32S:
            return LLVMBuildSExt(builder, LLVMBuildTrunc(builder, a!, module.i32, ""), operandType, "")
        // Float arithmetic
        // LLVM folds x - 0.0, x * 1.0 and x / 1.0 to x, which would pass a signalling NaN through
        // where wasm produces a quiet one; with such a constant operand, quiet the result explicitly.
        case .f32Add, .f64Add: return quietIfConstantOperand(LLVMBuildFAdd(builder, a!, b!, "")!, a!, b!, bitWidth)
        case .f32Sub, .f64Sub: return quietIfConstantOperand(LLVMBuildFSub(builder, a!, b!, "")!, a!, b!, bitWidth)
        case .f32Mul, .f64Mul: return quietIfConstantOperand(LLVMBuildFMul(builder, a!, b!, "")!, a!, b!, bitWidth)
        case .f32Div, .f64Div: return quietIfConstantOperand(LLVMBuildFDiv(builder, a!, b!, "")!, a!, b!, bitWidth)
        case .f32Min, .f64Min: return quietNaN(call(module.intrinsic("llvm.minimum", [operandType]), [a!, b!]), bitWidth: bitWidth)
        case .f32Max, .f64Max: return quietNaN(call(module.intrinsic("llvm.maximum", [operandType]), [a!, b!]), bitWidth: bitWidth)
        case .f32Sqrt, .f64Sqrt: return unaryIntrinsic("llvm.sqrt", operandType)
        case .f32Ceil, .f64Ceil: return unaryIntrinsic("llvm.ceil", operandType)
        case .f32Floor, .f64Floor: return unaryIntrinsic("llvm.floor", operandType)
        case .f32Trunc, .f64Trunc: return unaryIntrinsic("llvm.trunc", operandType)
        case .f32Nearest, .f64Nearest: return unaryIntrinsic("llvm.roundeven", operandType)
        // abs, neg and copysign only touch the sign bit, so NaN payloads pass through unchanged.
        case .f32Abs, .f64Abs: return signBitOperation(.absolute, a!, bitWidth: bitWidth, resultType: resultType)
        case .f32Neg, .f64Neg: return signBitOperation(.negate, a!, bitWidth: bitWidth, resultType: resultType)
        case .f32Copysign, .f64Copysign: return signBitOperation(.copySign(from: b!), a!, bitWidth: bitWidth, resultType: resultType)
        // Conversions
        case .i32WrapI64: return LLVMBuildTrunc(builder, a!, module.i32, "")
        case .i64ExtendI32S: return LLVMBuildSExt(builder, a!, module.i64, "")
        case .i64ExtendI32U: return LLVMBuildZExt(builder, a!, module.i64, "")
        case .i32TruncF32S, .i32TruncF64S, .i64TruncF32S, .i64TruncF64S:
            return truncate(a!, from: op.operands[0], to: type, signed: true)
        case .i32TruncF32U, .i32TruncF64U, .i64TruncF32U, .i64TruncF64U:
            return truncate(a!, from: op.operands[0], to: type, signed: false)
        case .i32TruncSatF32S, .i32TruncSatF64S, .i64TruncSatF32S, .i64TruncSatF64S:
            return call(module.intrinsic("llvm.fptosi.sat", [resultType, operandType]), [a!])
        case .i32TruncSatF32U, .i32TruncSatF64U, .i64TruncSatF32U, .i64TruncSatF64U:
            return call(module.intrinsic("llvm.fptoui.sat", [resultType, operandType]), [a!])
        case .f32ConvertI32S, .f32ConvertI64S, .f64ConvertI32S, .f64ConvertI64S:
            return LLVMBuildSIToFP(builder, a!, resultType, "")
        case .f32ConvertI32U, .f32ConvertI64U, .f64ConvertI32U, .f64ConvertI64U:
            return LLVMBuildUIToFP(builder, a!, resultType, "")
        // LLVM folds demote(promote(x)) to x; wasm quiets a signalling NaN on each conversion.
        case .f32DemoteF64: return quietNaN(LLVMBuildFPTrunc(builder, a!, module.f32, "")!, bitWidth: 32)
        case .f64PromoteF32: return quietNaN(LLVMBuildFPExt(builder, a!, module.f64, "")!, bitWidth: 64)
        case .i32ReinterpretF32, .i64ReinterpretF64, .f32ReinterpretI32, .f64ReinterpretI64:
            return LLVMBuildBitCast(builder, a!, resultType, "")
        default:
            throw BackendError.unsupported("instruction \(name)")
        }
    }

    /// llvm.minimum/maximum pass a signalling NaN operand through unchanged; wasm wants an arithmetic
    /// (quiet) NaN, so set the quiet bit of NaN results with integer operations LLVM cannot fold away.
    private func quietNaN(_ value: LLVMValueRef, bitWidth: UInt64) -> LLVMValueRef {
        let integerType = bitWidth == 64 ? module.i64 : module.i32
        let quietBit = LLVMConstInt(integerType, bitWidth == 64 ? 1 << 51 : 1 << 22, 0)!
        let isNaN = LLVMBuildFCmp(builder, LLVMRealUNO, value, value, "")!
        let quieted = LLVMBuildBitCast(builder, LLVMBuildOr(builder, LLVMBuildBitCast(builder, value, integerType, ""), quietBit, ""),
                                       LLVMTypeOf(value), "")!
        return LLVMBuildSelect(builder, isNaN, quieted, value, "")!
    }

    private func quietIfConstantOperand(_ result: LLVMValueRef, _ a: LLVMValueRef, _ b: LLVMValueRef, _ bitWidth: UInt64) -> LLVMValueRef {
        mayFoldToOperand(a) || mayFoldToOperand(b) ? quietNaN(result, bitWidth: bitWidth) : result
    }

    /// Whether an operand is a constant LLVM may fold with: ±0 and ±1 (x + -0.0, x - 0.0, -0.0 - x,
    /// x * ±1.0, x / ±1.0 become x or -x), a NaN or an infinity. Any other constant (0.01 / x, 0.5 * x)
    /// leaves a real operation that quiets NaNs itself, so the select is not needed on hot paths.
    /// A constant vector may fold when any of its lanes may.
    func mayFoldToOperand(_ value: LLVMValueRef) -> Bool {
        guard LLVMIsConstant(value) != 0 else { return false }
        let type = LLVMTypeOf(value)!
        if LLVMGetTypeKind(type) == LLVMVectorTypeKind {
            return (0..<LLVMGetVectorSize(type)).contains { lane in
                LLVMGetAggregateElement(value, lane).map(mayFoldToOperand) ?? true
            }
        }
        guard LLVMIsAConstantFP(value) != nil else { return true }
        var losesInfo: LLVMBool = 0
        let constant = LLVMConstRealGetDouble(value, &losesInfo)
        return constant.isNaN || constant.isInfinite || constant == 0 || abs(constant) == 1
    }

    private func checkDivisor(_ divisor: LLVMValueRef, _ type: LLVMTypeRef) {
        trap(if: LLVMBuildICmp(builder, LLVMIntEQ, divisor, LLVMConstInt(type, 0, 0), "")!, .integerDivideByZero)
    }

    private func maskedShift(_ count: LLVMValueRef, _ type: LLVMTypeRef, _ bitWidth: UInt64) -> LLVMValueRef {
        LLVMBuildAnd(builder, count, LLVMConstInt(type, bitWidth - 1, 0), "")!
    }

    /// What `fabs`, `fneg` and `copysign` do to a float's sign bit, done on its integer bits.
    private enum SignBitOperation {
        case absolute, negate
        /// The sign of this operand, the magnitude of the first.
        case copySign(from: LLVMValueRef)
    }

    private func signBitOperation(_ operation: SignBitOperation, _ a: LLVMValueRef, bitWidth: UInt64, resultType: LLVMTypeRef) -> LLVMValueRef {
        let integerType = bitWidth == 64 ? module.i64 : module.i32
        let sign = LLVMConstInt(integerType, 1 << (bitWidth - 1), 0)!
        let magnitudeMask = LLVMConstInt(integerType, (1 << (bitWidth - 1)) - 1, 0)!
        let bits = LLVMBuildBitCast(builder, a, integerType, "")!
        let result: LLVMValueRef
        switch operation {
        case .absolute: result = LLVMBuildAnd(builder, bits, magnitudeMask, "")
        case .negate: result = LLVMBuildXor(builder, bits, sign, "")
        case .copySign(let b):
            let otherSign = LLVMBuildAnd(builder, LLVMBuildBitCast(builder, b, integerType, ""), sign, "")
            result = LLVMBuildOr(builder, LLVMBuildAnd(builder, bits, magnitudeMask, ""), otherSign, "")
        }
        return LLVMBuildBitCast(builder, result, resultType, "")!
    }

    /// Trapping float→int: NaN is "invalid conversion to integer", anything whose truncation does not fit
    /// is "integer overflow". Bounds are exact powers of two, representable in both float types.
    private func truncate(_ x: LLVMValueRef, from source: ValueType, to target: ValueType, signed: Bool) -> LLVMValueRef {
        let floatType = module.llvmType(source)
        let resultType = module.llvmType(target)
        let bits: Double = target == .i32 ? 32 : 64
        trap(if: LLVMBuildFCmp(builder, LLVMRealUNO, x, x, "")!, .invalidConversionToInteger)
        let upper = signed ? pow2(bits - 1) : pow2(bits)
        // Valid iff lower < x < upper, with lower = -2^(n-1) - 1 for signed (exclusive), -1 for unsigned.
        // Where -2^(n-1) - 1 is not representable (f32, or i64 from f64) use x >= -2^(n-1) instead.
        let tooHigh = LLVMBuildFCmp(builder, LLVMRealOGE, x, LLVMConstReal(floatType, upper), "")!
        let tooLow: LLVMValueRef
        if signed {
            let exactLower = -pow2(bits - 1) - 1
            let representable = source == .f64 && bits == 32
            tooLow = representable
                ? LLVMBuildFCmp(builder, LLVMRealOLE, x, LLVMConstReal(floatType, exactLower), "")!
                : LLVMBuildFCmp(builder, LLVMRealOLT, x, LLVMConstReal(floatType, -pow2(bits - 1)), "")!
        } else {
            tooLow = LLVMBuildFCmp(builder, LLVMRealOLE, x, LLVMConstReal(floatType, -1), "")!
        }
        trap(if: LLVMBuildOr(builder, tooHigh, tooLow, "")!, .integerOverflow)
        return signed ? LLVMBuildFPToSI(builder, x, resultType, "")! : LLVMBuildFPToUI(builder, x, resultType, "")!
    }

    private func pow2(_ exponent: Double) -> Double { Double(sign: .plus, exponent: Int(exponent), significand: 1) }
}
