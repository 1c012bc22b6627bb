import CLLVM
import WasmBinary
import WasmIR

/// Packing and unpacking values at native call boundaries (see `NativeSignature`): inside a function a
/// v128 is one `<2 x i64>`; across a call it is two `i64`, a `byval` struct, or a `{i64, i64}` return.
extension FunctionLowering {
    /// The function's wasm parameters, rebuilt from its LLVM parameters.
    func incomingParameters() -> [LLVMValueRef] {
        zip(signature.passing, signature.firstLLVMIndex).map { passing, index in
            switch passing {
            case .direct: LLVMGetParam(llvmFunction, index)!
            case .registerPair: vector(low: LLVMGetParam(llvmFunction, index)!, high: LLVMGetParam(llvmFunction, index + 1)!)
            case .inMemory: loadVector(from: LLVMGetParam(llvmFunction, index)!)
            }
        }
    }

    /// The native form of a single returned value.
    func nativeReturnValue(_ value: LLVMValueRef) -> LLVMValueRef {
        guard signature.returnsVectorPair else { return value }
        let (low, high) = halves(of: value)
        var pair = LLVMGetUndef(module.vectorPairType)!
        pair = LLVMBuildInsertValue(builder, pair, low, 0, "")!
        return LLVMBuildInsertValue(builder, pair, high, 1, "")!
    }

    /// Arguments for a call through `callee`'s signature; in-memory vectors go through prologue slots.
    func nativeArguments(_ values: [LLVMValueRef], for callee: NativeSignature) -> [LLVMValueRef] {
        zip(values, callee.passing).flatMap { value, passing -> [LLVMValueRef] in
            switch passing {
            case .direct: return [value]
            case .registerPair:
                let (low, high) = halves(of: value)
                return [low, high]
            case .inMemory:
                let slot = prologueSlot(bytes: 16)
                storeVector(value, to: slot)
                return [slot]
            }
        }
    }

    /// The wasm value of a single native result.
    func wasmResult(_ returned: LLVMValueRef, for callee: NativeSignature) -> LLVMValueRef {
        guard callee.returnsVectorPair else { return returned }
        return vector(low: LLVMBuildExtractValue(builder, returned, 0, "")!, high: LLVMBuildExtractValue(builder, returned, 1, "")!)
    }

    /// A 16-byte aligned stack slot allocated in the prologue, so loops don't grow the stack.
    func prologueSlot(bytes: Int) -> LLVMValueRef {
        let current = LLVMGetInsertBlock(builder)!
        LLVMPositionBuilderBefore(builder, LLVMGetFirstInstruction(prologue))
        let slot = LLVMBuildAlloca(builder, LLVMArrayType2(module.i8, UInt64(bytes)), "")!
        LLVMSetAlignment(slot, 16)
        LLVMPositionBuilderAtEnd(builder, current)
        return slot
    }

    /// Loads a v128 from a host-provided slot, which is only 8-byte aligned.
    func loadVector(from pointer: LLVMValueRef) -> LLVMValueRef {
        let loaded = load(module.vectorType, pointer)
        LLVMSetAlignment(loaded, 8)
        return loaded
    }

    func storeVector(_ value: LLVMValueRef, to pointer: LLVMValueRef) {
        LLVMSetAlignment(LLVMBuildStore(builder, value, pointer), 8)
    }

    private func vector(low: LLVMValueRef, high: LLVMValueRef) -> LLVMValueRef {
        let withLow = LLVMBuildInsertElement(builder, LLVMGetUndef(module.vectorType), low, module.constI32(0), "")!
        return LLVMBuildInsertElement(builder, withLow, high, module.constI32(1), "")!
    }

    private func halves(of vector: LLVMValueRef) -> (LLVMValueRef, LLVMValueRef) {
        (LLVMBuildExtractElement(builder, vector, module.constI32(0), "")!,
         LLVMBuildExtractElement(builder, vector, module.constI32(1), "")!)
    }
}
