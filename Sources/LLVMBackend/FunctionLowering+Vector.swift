import CLLVM
import WasmBinary
import WasmIR

/// Building blocks for SIMD lowering: views of a v128 in a lane shape, constants, splats and lane
/// permutations. Every v128 value is canonically `<2 x i64>`; bitcasts between shapes are free.
extension FunctionLowering {
    var context: LLVMContextRef { module.context }

    func view(_ vector: LLVMValueRef, as shape: LaneShape) -> LLVMValueRef {
        LLVMBuildBitCast(builder, vector, shape.vectorType(in: context), "")!
    }

    func canonical(_ vector: LLVMValueRef) -> LLVMValueRef {
        LLVMBuildBitCast(builder, vector, module.vectorType, "")!
    }

    func vectorConstant(_ vector: V128) -> LLVMValueRef {
        let bytes = vector.bytes
        func half(_ start: Int) -> LLVMValueRef {
            module.constI64((0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * $1) })
        }
        return constantVector([half(0), half(8)])
    }

    func constantVector(_ elements: [LLVMValueRef]) -> LLVMValueRef {
        var elements: [LLVMValueRef?] = elements
        return elements.withUnsafeMutableBufferPointer { LLVMConstVector($0.baseAddress, UInt32($0.count))! }
    }

    /// A constant integer vector with every lane set to `bits` (truncated to the lane width).
    func splatConstant(_ bits: UInt64, _ shape: LaneShape, lanes: Int? = nil) -> LLVMValueRef {
        let laneType = shape.integerShape.laneType(in: context)
        return constantVector(Array(repeating: LLVMConstInt(laneType, bits, 0)!, count: lanes ?? shape.laneCount))
    }

    /// Every lane set to `scalar`, which already has the lane type.
    func splat(_ scalar: LLVMValueRef, lanes: Int) -> LLVMValueRef {
        let type = LLVMVectorType(LLVMTypeOf(scalar), UInt32(lanes))!
        let first = LLVMBuildInsertElement(builder, LLVMGetPoison(type), scalar, module.constI32(0), "")!
        return LLVMBuildShuffleVector(builder, first, LLVMGetPoison(type), shuffleMask(Array(repeating: 0, count: lanes)), "")!
    }

    func shuffleMask(_ indices: [Int]) -> LLVMValueRef {
        constantVector(indices.map { module.constI32(UInt32($0)) })
    }

    /// The lanes of `vector` at `indices`, as a new (usually shorter) vector.
    func lanes(_ vector: LLVMValueRef, _ indices: [Int]) -> LLVMValueRef {
        LLVMBuildShuffleVector(builder, vector, LLVMGetPoison(LLVMTypeOf(vector)), shuffleMask(indices), "")!
    }

    /// Two vectors of the same type laid end to end.
    func concatenate(_ first: LLVMValueRef, _ second: LLVMValueRef) -> LLVMValueRef {
        let count = Int(LLVMGetVectorSize(LLVMTypeOf(first)))
        return LLVMBuildShuffleVector(builder, first, second, shuffleMask(Array(0..<(2 * count))), "")!
    }

    /// A scalar i32 operand brought to the lane width of an integer shape (i8x16, i16x8 lanes are narrower).
    func laneScalar(_ scalar: LLVMValueRef, _ shape: LaneShape) -> LLVMValueRef {
        let scalarBits = LLVMGetIntTypeWidth(LLVMTypeOf(scalar))
        let laneType = shape.laneType(in: context)
        if shape.isFloat || UInt32(shape.laneBits) == scalarBits { return scalar }
        return UInt32(shape.laneBits) < scalarBits
            ? LLVMBuildTrunc(builder, scalar, laneType, "")!
            : LLVMBuildZExt(builder, scalar, laneType, "")!
    }

    func callIntrinsic(_ name: String, _ overloads: [LLVMTypeRef], _ arguments: [LLVMValueRef]) -> LLVMValueRef {
        call(module.intrinsic(name, overloads), arguments)
    }

    /// Sets the quiet bit of NaN lanes. Hardware already returns quiet NaNs, but LLVM's constant folding
    /// and `llvm.minimum`/`maximum` may pass a signalling NaN through, where wasm wants an arithmetic NaN.
    func quietNaNLanes(_ vector: LLVMValueRef) -> LLVMValueRef {
        let type = LLVMTypeOf(vector)!
        let lanes = Int(LLVMGetVectorSize(type))
        let isDouble = LLVMGetTypeKind(LLVMGetElementType(type)) == LLVMDoubleTypeKind
        let integerShape: LaneShape = isDouble ? .i64x2 : .i32x4
        let integerType = integerShape.vectorType(in: context, lanes: lanes)
        let quietBit = splatConstant(isDouble ? 1 << 51 : 1 << 22, integerShape, lanes: lanes)
        let isNaN = LLVMBuildFCmp(builder, LLVMRealUNO, vector, vector, "")!
        let quieted = LLVMBuildBitCast(builder, LLVMBuildOr(builder, LLVMBuildBitCast(builder, vector, integerType, ""), quietBit, ""),
                                       type, "")!
        return LLVMBuildSelect(builder, isNaN, quieted, vector, "")!
    }
}
