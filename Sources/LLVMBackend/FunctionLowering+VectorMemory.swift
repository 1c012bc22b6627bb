import CLLVM
import WasmBinary
import WasmIR

/// SIMD loads, lane loads and stores, and the lane operators with immediates (shuffle, extract, replace).
extension FunctionLowering {
    /// The v128 loads: whole, extending (`load8x8_s`), splatting and zero-filling.
    func vectorLoad(_ op: LoadOp, loadAs: (LLVMTypeRef) -> LLVMValueRef) -> LLVMValueRef {
        func extending(_ source: LaneShape, signed: Bool) -> LLVMValueRef {
            let narrow = loadAs(source.vectorType(in: context, lanes: source.laneCount / 2))
            let target = source.widened!.vectorType(in: context)
            return signed ? LLVMBuildSExt(builder, narrow, target, "")! : LLVMBuildZExt(builder, narrow, target, "")!
        }
        func splatting(_ shape: LaneShape) -> LLVMValueRef {
            splat(loadAs(shape.laneType(in: context)), lanes: shape.laneCount)
        }
        func zeroExtended(_ shape: LaneShape) -> LLVMValueRef {
            LLVMBuildInsertElement(builder, LLVMConstNull(shape.vectorType(in: context)), loadAs(shape.laneType(in: context)),
                                   module.constI32(0), "")!
        }
        let loaded: LLVMValueRef
        switch op {
        case .v128Load8x8S: loaded = extending(.i8x16, signed: true)
        case .v128Load8x8U: loaded = extending(.i8x16, signed: false)
        case .v128Load16x4S: loaded = extending(.i16x8, signed: true)
        case .v128Load16x4U: loaded = extending(.i16x8, signed: false)
        case .v128Load32x2S: loaded = extending(.i32x4, signed: true)
        case .v128Load32x2U: loaded = extending(.i32x4, signed: false)
        case .v128Load8Splat: loaded = splatting(.i8x16)
        case .v128Load16Splat: loaded = splatting(.i16x8)
        case .v128Load32Splat: loaded = splatting(.i32x4)
        case .v128Load64Splat: loaded = splatting(.i64x2)
        case .v128Load32Zero: loaded = zeroExtended(.i32x4)
        case .v128Load64Zero: loaded = zeroExtended(.i64x2)
        default: loaded = loadAs(module.vectorType)
        }
        return canonical(loaded)
    }

    /// `v128.loadN_lane` / `v128.storeN_lane`.
    func lowerLaneAccess(_ op: LaneAccessOp, _ access: MemoryAccess, lane: UInt8, address: LLVMValueRef,
                         vector: LLVMValueRef, result: Value?) {
        let shape = LaneShape(integerLaneBytes: op.accessSize)
        let pointer = effectiveAddress(access, address, forceCheck: result.map(needsExplicitCheck) ?? false)
        let laneIndex = module.constI32(UInt32(lane))
        if op.isStore {
            let element = LLVMBuildExtractElement(builder, view(vector, as: shape), laneIndex, "")!
            let store = LLVMBuildStore(builder, element, pointer)!
            LLVMSetAlignment(store, 1)
            module.tag(store, .linearMemory)
        } else if let result {
            let element = load(shape.laneType(in: context), pointer)
            LLVMSetAlignment(element, 1)
            module.tag(element, .linearMemory)
            define(result, canonical(LLVMBuildInsertElement(builder, view(vector, as: shape), element, laneIndex, "")!))
        }
    }

    /// `i8x16.shuffle`: lanes 0–15 pick from the first operand, 16–31 from the second.
    func shuffle(_ lanes: [UInt8], _ first: LLVMValueRef, _ second: LLVMValueRef) -> LLVMValueRef {
        canonical(LLVMBuildShuffleVector(builder, view(first, as: .i8x16), view(second, as: .i8x16),
                                         shuffleMask(lanes.map(Int.init)), "")!)
    }

    func extractLane(_ op: LaneOp, lane: UInt8, from vector: LLVMValueRef) -> LLVMValueRef {
        let shape = laneShape(op)
        let element = LLVMBuildExtractElement(builder, view(vector, as: shape), module.constI32(UInt32(lane)), "")!
        switch op {
        case .i8x16S, .i16x8S: return LLVMBuildSExt(builder, element, module.i32, "")!
        case .i8x16U, .i16x8U: return LLVMBuildZExt(builder, element, module.i32, "")!
        default: return element
        }
    }

    func replaceLane(_ op: LaneOp, lane: UInt8, in vector: LLVMValueRef, with scalar: LLVMValueRef) -> LLVMValueRef {
        let shape = laneShape(op)
        return canonical(LLVMBuildInsertElement(builder, view(vector, as: shape), laneScalar(scalar, shape),
                                                module.constI32(UInt32(lane)), "")!)
    }

    private func laneShape(_ op: LaneOp) -> LaneShape {
        switch op {
        case .i8x16S, .i8x16U, .i8x16: .i8x16
        case .i16x8S, .i16x8U, .i16x8: .i16x8
        case .i32x4: .i32x4
        case .i64x2: .i64x2
        case .f32x4: .f32x4
        case .f64x2: .f64x2
        }
    }
}
