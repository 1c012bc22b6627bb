import CLLVM
import WasmBinary
import WasmIR

/// Tail calls (`return_call`, `return_call_indirect`). In a module with tail calls every function body
/// is `tailcc` (`ModuleLowering.usesTailCalls`), so a `musttail` call may replace the caller's frame
/// with a callee of any signature: the stack stays constant however deep the chain of tail calls. The
/// callee's prologue checks the stack as any call's does.
///
/// A defined callee's body is called directly. A callee behind a function record (an import or a table
/// element) is called through its `tail_code` when it has one (a wasm function of a module with tail
/// calls); a host function, or one of a module without tail calls, is called normally through `code`
/// and its results returned: a host function ends the chain anyway.
extension FunctionLowering {
    func lowerTailCall(_ instruction: IRInstruction) throws {
        let imported = module.module.importedFunctionCount
        switch instruction.operation {
        case .call(let callee, let arguments) where Int(callee) >= imported:
            let type = module.module.types[Int(module.module.allFunctionTypeIndices[Int(callee)])]
            emitMustTail(type, callee: module.bodies[Int(callee) - imported], calleeInstance: instance, arguments: arguments.map(value))
        case .call(let callee, let arguments):
            let type = module.module.types[Int(module.module.allFunctionTypeIndices[Int(callee)])]
            let record = load(module.ptr, offsetPointer(instance, module.layout.functions + RuntimeABI.pointerSlot * Int(callee)))
            try tailCall(through: record, type, instruction, arguments: arguments.map(value))
        case .callIndirect(let typeIndex, let table, let callee, let arguments):
            let type = module.module.types[Int(typeIndex)]
            let record = checkedIndirectCallee(typeIndex: typeIndex, table: table, callee: value(callee))
            try tailCall(through: record, type, instruction, arguments: arguments.map(value))
        default:
            throw BackendError.llvm("a tail call that is not a call")
        }
    }

    /// `musttail call tailcc callee(instance, arguments…[, results area])` and `ret`.
    private func emitMustTail(_ type: FunctionType, callee: LLVMValueRef, calleeInstance: LLVMValueRef, arguments: [LLVMValueRef]) {
        let signature = module.internalSignature(type)
        var nativeArguments = [calleeInstance] + arguments
        // The callee writes several results straight into this function's caller's area.
        if let area = resultsPointer { nativeArguments.append(area) }
        let instruction = call((signature.llvmType, callee), nativeArguments)
        LLVMSetInstructionCallConv(instruction, ModuleLowering.tailCallingConvention)
        LLVMSetTailCallKind(instruction, LLVMTailCallKindMustTail)
        if type.results.count == 1 { LLVMBuildRet(builder, instruction) } else { LLVMBuildRetVoid(builder) }
    }

    private func tailCall(through record: LLVMValueRef, _ type: FunctionType, _ instruction: IRInstruction,
                          arguments: [LLVMValueRef]) throws {
        let calleeInstance = load(module.ptr, offsetPointer(record, RuntimeABI.functionInstance))
        let tailCode = load(module.ptr, offsetPointer(record, RuntimeABI.functionTailCode))
        let viaTail = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "tail")!
        let viaCall = LLVMAppendBasicBlockInContext(module.context, llvmFunction, "call")!
        LLVMBuildCondBr(builder, LLVMBuildICmp(builder, LLVMIntNE, tailCode, LLVMConstNull(module.ptr), "")!, viaTail, viaCall)
        LLVMPositionBuilderAtEnd(builder, viaTail)
        emitMustTail(type, callee: tailCode, calleeInstance: calleeInstance, arguments: arguments)
        LLVMPositionBuilderAtEnd(builder, viaCall)
        callResults(type, callee: load(module.ptr, offsetPointer(record, RuntimeABI.functionCode)), calleeInstance: calleeInstance,
                    arguments: arguments, results: instruction.results)
        try lower(.return(instruction.results), from: function.entry)
    }
}
