import CLLVM
import WasmBinary
import WasmIR

/// Lowers one `IRFunction`: IR blocks become LLVM blocks, block parameters become phis, and every
/// operation becomes straight-line LLVM IR plus explicit trap branches where wasm semantics demand them.
final class FunctionLowering {
    let module: ModuleLowering
    let function: IRFunction
    let llvmFunction: LLVMValueRef
    let signature: NativeSignature
    var builder: LLVMBuilderRef { module.builder }

    var values: [LLVMValueRef?]
    var blocks: [LLVMBasicBlockRef] = []
    var phis: [[LLVMValueRef]] = []
    var trapBlocks: [TrapCode: LLVMBasicBlockRef] = [:]
    /// Which loads need an explicit bounds check even with guard pages (computed only in that mode).
    var explicitLoadChecks: [Bool]?
    var instance: LLVMValueRef { LLVMGetParam(llvmFunction, 0) }
    var resultsPointer: LLVMValueRef? { signature.resultsAreaIndex.map { LLVMGetParam(llvmFunction, $0)! } }
    /// Each memory's pointer and base, loaded once in the prologue (memory 0 always, others on first
    /// use): neither moves after instantiation.
    var memoryPointers: [UInt32: (pointer: LLVMValueRef, base: LLVMValueRef)] = [:]
    var prologue: LLVMBasicBlockRef!
    /// Which memories and tables have 64-bit addresses (memory64, table64).
    private(set) lazy var memoryIs64: [Bool] = module.module.allMemories.map(\.limits.is64)
    private(set) lazy var tableIs64: [Bool] = module.module.allTables.map(\.limits.is64)
    var globalCells: [UInt32: LLVMValueRef] = [:]

    init(_ module: ModuleLowering, function: IRFunction, llvmFunction: LLVMValueRef) {
        self.module = module
        self.function = function
        self.llvmFunction = llvmFunction
        signature = module.usesTailCalls ? module.internalSignature(function.type) : module.nativeSignature(function.type)
        values = Array(repeating: nil, count: function.valueTypes.count)
    }

    func lower() throws {
        if module.options.boundsChecks != .explicit {
            explicitLoadChecks = module.explicitLoadChecks[Int(function.index) - module.module.importedFunctionCount]
        }
        prologue = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "prologue")
        for block in function.blocks {
            let llvmBlock = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "b\(block.id.index)")!
            blocks.append(llvmBlock)
            LLVMPositionBuilderAtEnd(builder, llvmBlock)
            var blockPhis: [LLVMValueRef] = []
            for parameter in block.parameters {
                let phi = LLVMBuildPhi(builder, module.llvmType(function.type(of: parameter)), "")!
                values[Int(parameter.index)] = phi
                blockPhis.append(phi)
            }
            phis.append(blockPhis)
        }
        emitPrologue()
        for block in function.blocks {
            LLVMPositionBuilderAtEnd(builder, blocks[Int(block.id.index)])
            // A tail call ends its block in place of the `return` (only constants may follow it).
            var tailCall: IRInstruction?
            for instruction in block.instructions {
                if instruction.isTailCall { tailCall = instruction } else { try lower(instruction) }
            }
            if let tailCall {
                try lowerTailCall(tailCall)
                continue
            }
            guard let terminator = block.terminator else { throw BackendError.llvm("block \(block.id) has no terminator") }
            try lower(terminator, from: block.id)
        }
    }

    /// Stack budget check, cached memory pointers, then a jump into the IR's entry block.
    private func emitPrologue() {
        LLVMPositionBuilderAtEnd(builder, prologue)
        // The stack pointer after the prologue is below the whole fixed frame (locals, spills, outgoing
        // arguments), so a frame of any size is measured before any of it is written.
        let (saveType, stackSave) = module.intrinsic("llvm.stacksave", [module.ptr])
        let stackPointer = LLVMBuildCall2(builder, saveType, stackSave, nil, 0, "")!
        let limitGlobal = LLVMGetNamedGlobal(module.llvmModule, "wasmc_stack_limit")
            ?? LLVMAddGlobal(module.llvmModule, module.i64, "wasmc_stack_limit")!
        let limit = LLVMBuildLoad2(builder, module.i64, limitGlobal, "")!
        let exhausted = LLVMBuildICmp(builder, LLVMIntULT, LLVMBuildPtrToInt(builder, stackPointer, module.i64, ""), limit, "")!
        let continuation = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "")!
        LLVMBuildCondBr(builder, exhausted, stackExhaustedBlock(), continuation)
        LLVMPositionBuilderAtEnd(builder, continuation)
        if !module.module.allMemories.isEmpty { memoryPointers[0] = loadMemory(0) }
        branch(to: BlockID(0), with: incomingParameters())
    }

    /// Loads memory `index`'s pointer and base at the builder's position.
    private func loadMemory(_ index: UInt32) -> (pointer: LLVMValueRef, base: LLVMValueRef) {
        let pointer = LLVMBuildLoad2(builder, module.ptr, offsetPointer(instance, module.layout.memories + RuntimeABI.pointerSlot * Int(index)), "")!
        module.tag(pointer, .runtimeData)
        let base = LLVMBuildLoad2(builder, module.ptr, offsetPointer(pointer, RuntimeABI.memoryBase), "")!
        module.tag(base, .runtimeData)
        return (pointer, base)
    }

    /// Memory `index`'s `wasmc_memory` pointer, loaded in the prologue.
    func memoryPointer(_ index: UInt32) -> LLVMValueRef { memory(index).pointer }

    /// Memory `index`'s base address, loaded in the prologue.
    func memoryBase(_ index: UInt32) -> LLVMValueRef { memory(index).base }

    private func memory(_ index: UInt32) -> (pointer: LLVMValueRef, base: LLVMValueRef) {
        if let cached = memoryPointers[index] { return cached }
        let current = LLVMGetInsertBlock(builder)!
        LLVMPositionBuilderBefore(builder, LLVMGetBasicBlockTerminator(prologue))
        let loaded = loadMemory(index)
        LLVMPositionBuilderAtEnd(builder, current)
        memoryPointers[index] = loaded
        return loaded
    }

    // MARK: - Helpers

    func value(_ v: Value) -> LLVMValueRef { values[Int(v.index)]! }

    func define(_ v: Value, _ llvmValue: LLVMValueRef) { values[Int(v.index)] = llvmValue }

    func offsetPointer(_ base: LLVMValueRef, _ offset: Int) -> LLVMValueRef {
        guard offset != 0 else { return base }
        var index: [LLVMValueRef?] = [module.constI64(UInt64(offset))]
        return index.withUnsafeMutableBufferPointer { LLVMBuildGEP2(builder, module.i8, base, $0.baseAddress, 1, "")! }
    }

    func bytePointer(_ base: LLVMValueRef, _ offset: LLVMValueRef) -> LLVMValueRef {
        var index: [LLVMValueRef?] = [offset]
        return index.withUnsafeMutableBufferPointer { LLVMBuildGEP2(builder, module.i8, base, $0.baseAddress, 1, "")! }
    }

    func load(_ type: LLVMTypeRef, _ pointer: LLVMValueRef) -> LLVMValueRef { LLVMBuildLoad2(builder, type, pointer, "")! }

    func call(_ callee: (LLVMTypeRef, LLVMValueRef), _ arguments: [LLVMValueRef]) -> LLVMValueRef {
        var arguments: [LLVMValueRef?] = arguments
        return arguments.withUnsafeMutableBufferPointer {
            LLVMBuildCall2(builder, callee.0, callee.1, $0.baseAddress, UInt32($0.count), "")!
        }
    }

    /// A call into the runtime, never a tail call: a helper that traps finds the wasm function by its
    /// return address, which a sibling call would replace with the caller's.
    func runtime(_ name: String, _ result: LLVMTypeRef, _ parameters: [LLVMTypeRef], _ arguments: [LLVMValueRef]) -> LLVMValueRef {
        let instruction = call(module.runtimeFunction(name, returning: result, parameters), arguments)
        LLVMSetTailCallKind(instruction, LLVMTailCallKindNoTail)
        return instruction
    }

    /// Branches to a shared per-function trap block when `condition` (i1) holds.
    func trap(if condition: LLVMValueRef, _ code: TrapCode) {
        let continuation = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "")!
        LLVMBuildCondBr(builder, condition, trapBlock(code), continuation)
        LLVMPositionBuilderAtEnd(builder, continuation)
    }

    func trapBlock(_ code: TrapCode) -> LLVMBasicBlockRef {
        if let existing = trapBlocks[code] { return existing }
        let current = LLVMGetInsertBlock(builder)!
        let block = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "trap\(code.rawValue)")!
        LLVMPositionBuilderAtEnd(builder, block)
        emitTrap(code)
        LLVMPositionBuilderAtEnd(builder, current)
        trapBlocks[code] = block
        return block
    }

    /// Traps with "call stack exhausted" from a frame that may reach past the end of the stack: the stack
    /// pointer first goes back to the top of this frame (the caller passed its own check there), so the
    /// trap helper runs within the budget's spare space.
    private func stackExhaustedBlock() -> LLVMBasicBlockRef {
        let current = LLVMGetInsertBlock(builder)!
        let block = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "stack_exhausted")!
        LLVMPositionBuilderAtEnd(builder, block)
        let (frameType, frameAddress) = module.intrinsic("llvm.frameaddress", [module.ptr])
        var zero: [LLVMValueRef?] = [module.constI32(0)]
        let frame = zero.withUnsafeMutableBufferPointer { LLVMBuildCall2(builder, frameType, frameAddress, $0.baseAddress, 1, "")! }
        let (restoreType, stackRestore) = module.intrinsic("llvm.stackrestore", [module.ptr])
        var restoreArguments: [LLVMValueRef?] = [frame]
        _ = restoreArguments.withUnsafeMutableBufferPointer { LLVMBuildCall2(builder, restoreType, stackRestore, $0.baseAddress, 1, "")! }
        emitTrap(.callStackExhausted)
        LLVMPositionBuilderAtEnd(builder, current)
        return block
    }

    /// The runtime call that ends the invocation with `code`, naming this function.
    private func emitTrap(_ code: TrapCode) {
        _ = call(module.runtimeFunction("wasmc_trap_in", returning: module.voidType, [module.i32, module.ptr], noReturn: true),
                 [module.constI32(code.runtimeCode), module.functionNameConstant(function)])
        LLVMBuildUnreachable(builder)
    }

    // MARK: - Terminators

    private func branch(to target: BlockID, with arguments: [LLVMValueRef]) {
        let from = LLVMGetInsertBlock(builder)!
        addIncoming(target, arguments, from: from)
        LLVMBuildBr(builder, blocks[Int(target.index)])
    }

    private func addIncoming(_ target: BlockID, _ arguments: [LLVMValueRef], from: LLVMBasicBlockRef) {
        for (phi, argument) in zip(phis[Int(target.index)], arguments) {
            var incomingValue: [LLVMValueRef?] = [argument]
            var incomingBlock: [LLVMBasicBlockRef?] = [from]
            LLVMAddIncoming(phi, &incomingValue, &incomingBlock, 1)
        }
    }

    /// The LLVM block an edge enters: the target itself, or a fresh edge block when the target has
    /// parameters and this terminator already reaches it (a phi takes one value per predecessor).
    private func edge(_ call: BlockCall, from block: LLVMBasicBlockRef, seen: inout Set<BlockID>) -> LLVMBasicBlockRef {
        let arguments = call.arguments.map(value)
        if call.arguments.isEmpty || !seen.contains(call.block) {
            seen.insert(call.block)
            addIncoming(call.block, arguments, from: block)
            return blocks[Int(call.block.index)]
        }
        let edgeBlock = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "")!
        let current = LLVMGetInsertBlock(builder)!
        LLVMPositionBuilderAtEnd(builder, edgeBlock)
        addIncoming(call.block, arguments, from: edgeBlock)
        LLVMBuildBr(builder, blocks[Int(call.block.index)])
        LLVMPositionBuilderAtEnd(builder, current)
        return edgeBlock
    }

    func lower(_ terminator: Terminator, from id: BlockID) throws {
        let current = LLVMGetInsertBlock(builder)!
        var seen = Set<BlockID>()
        switch terminator {
        case .jump(let target):
            branch(to: target.block, with: target.arguments.map(value))
        case .branch(let condition, let ifTrue, let ifFalse):
            let test = LLVMBuildICmp(builder, LLVMIntNE, value(condition), module.constI32(0), "")!
            let trueBlock = edge(ifTrue, from: current, seen: &seen)
            let falseBlock = edge(ifFalse, from: current, seen: &seen)
            LLVMBuildCondBr(builder, test, trueBlock, falseBlock)
        case .switchTable(let index, let targets, let fallback):
            let defaultBlock = edge(fallback, from: current, seen: &seen)
            let switchInstruction = LLVMBuildSwitch(builder, value(index), defaultBlock, UInt32(targets.count))!
            for (caseIndex, target) in targets.enumerated() {
                LLVMAddCase(switchInstruction, module.constI32(UInt32(caseIndex)), edge(target, from: current, seen: &seen))
            }
        case .return(let results):
            if results.count == 1 {
                LLVMBuildRet(builder, nativeReturnValue(value(results[0])))
            } else {
                if let pointer = resultsPointer {
                    for (index, result) in results.enumerated() {
                        let store = LLVMBuildStore(builder, value(result), offsetPointer(pointer, RuntimeABI.resultSlot * index))!
                        LLVMSetAlignment(store, 8)  // the host's results area is only 8-byte aligned
                    }
                }
                LLVMBuildRetVoid(builder)
            }
        case .trap(let code):
            LLVMBuildBr(builder, trapBlock(code))
        }
    }
}
