import CLLVM
import WasmBinary
import WasmIR

/// The data the runtime's generic instantiation reads (see `runtime-c/src/instantiate.c` for the word
/// format) and the `wasmc_module` descriptor with thunks over `wasmc_plan_*`.
extension ModuleLowering {
    private static let planMagic: UInt64 = 0x5741_4D43_504C_414E
    private enum ConstantKind: UInt64 {
        case value = 0, globalGet = 1, refFunc = 2, refNull = 3
        /// Extended constants: `[sequence, count, 0, 0]` then `count` operations evaluated on a stack.
        case sequence = 4
        case i32Add = 5, i32Sub = 6, i32Mul = 7, i64Add = 8, i64Sub = 9, i64Mul = 10
    }

    func emitPlanAndDescriptor() {
        var words: [UInt64] = [Self.planMagic]
        var pointers: [LLVMValueRef] = []
        let counts = [module.importedFunctionCount, module.importedTableCount, module.importedMemoryCount,
                      module.importedGlobalCount, module.functionTypeIndices.count, module.tables.count,
                      module.memories.count, module.globals.count, module.types.count, module.data.count,
                      module.elements.count]
        words += counts.map { UInt64($0) }
        words += [layout.memories, layout.tables, layout.globals, layout.functions, layout.typeIDs, layout.dataSegments,
                  layout.elementSegments, layout.ownMemories, layout.ownTables, layout.ownGlobals, layout.ownFunctions]
            .map { UInt64($0) }
        words.append(module.start.map { UInt64($0) } ?? UInt64.max)

        for (index, typeIndex) in module.functionTypeIndices.enumerated() {
            words += [UInt64(pointers.count), UInt64(typeIndex), UInt64(pointers.count + 1)]
            pointers.append(functions[index])
            pointers.append(functionNameConstant(irModule.functions[index]))
            if usesTailCalls {
                words.append(UInt64(pointers.count))
                pointers.append(bodies[index])
            } else {
                words.append(UInt64.max)
            }
        }
        for table in module.tables {
            words += [UInt64(table.elementType.rawValue), table.limits.minimum, table.limits.maximum ?? 0,
                      table.limits.maximum == nil ? 0 : 1, table.limits.is64 ? 1 : 0]
        }
        for memory in module.memories {
            words += [memory.limits.minimum, memory.limits.maximum ?? 0, memory.limits.maximum == nil ? 0 : 1,
                      memory.limits.is64 ? 1 : 0]
        }
        for global in module.globals {
            words += [UInt64(global.type.valueType.rawValue), global.type.mutability == .variable ? 1 : 0]
            words += constantWords(global.initializer)
        }
        for segment in module.elements {
            switch segment.mode {
            case .passive: words += [0, 0] + constantWords(nil)
            case .active(let table, let offset): words += [1, UInt64(table)] + constantWords(offset)
            case .declarative: words += [2, 0] + constantWords(nil)
            }
            words.append(UInt64(segment.initializers.count))
            for item in segment.initializers { words += constantWords(item) }
        }
        for (index, segment) in module.data.enumerated() {
            switch segment.mode {
            case .passive: words += [0, 0] + constantWords(nil)
            case .active(let memory, let offset): words += [1, UInt64(memory)] + constantWords(offset)
            }
            words += [UInt64(segment.bytes.count), UInt64(pointers.count)]
            pointers.append(constantBytes(segment.bytes, symbol: "wasm_data_\(index)", nullTerminated: false))
        }

        let wordsGlobal = constantArray(of: i64, words.map { constI64($0) }, symbol: "wasmc_plan_words")
        let pointersGlobal = constantArray(of: ptr, pointers.isEmpty ? [LLVMConstNull(ptr)] : pointers, symbol: "wasmc_plan_pointers")
        let descriptor = LLVMAddGlobal(llvmModule, descriptorType, "wasmc_module")!
        let plan = constantStruct([descriptor, wordsGlobal, pointersGlobal], symbol: "wasmc_plan")

        let thunks = emitThunks(plan: plan)
        let typeStrings = module.types.enumerated().map { index, type in
            globalString(type.canonicalSignature + "\0", symbol: "wasm_type_\(index)")
        }
        let fields: [LLVMValueRef] = [
            constI32(RuntimeABI.version), constI32(UInt32(module.types.count)),
            constantArray(of: ptr, typeStrings.isEmpty ? [LLVMConstNull(ptr)] : typeStrings, symbol: "wasmc_types"),
            constI32(UInt32(module.imports.count)), importTable(),
            constI32(UInt32(module.exports.count)), exportTable(),
            constI64(UInt64(layout.size)),
        ] + thunks
        var values: [LLVMValueRef?] = fields
        let initializer = values.withUnsafeMutableBufferPointer {
            LLVMConstNamedStruct(descriptorType, $0.baseAddress, UInt32($0.count))!
        }
        LLVMSetInitializer(descriptor, initializer)
        LLVMSetGlobalConstant(descriptor, 1)
    }

    private var descriptorType: LLVMTypeRef {
        if let existing = LLVMGetTypeByName2(context, "wasmc_module_descriptor") { return existing }
        let type = LLVMStructCreateNamed(context, "wasmc_module_descriptor")!
        var elements: [LLVMTypeRef?] = [i32, i32, ptr, i32, ptr, i32, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr]
        elements.withUnsafeMutableBufferPointer { LLVMStructSetBody(type, $0.baseAddress, UInt32($0.count), 0) }
        return type
    }

    private func constantWords(_ expression: ConstantExpression?) -> [UInt64] {
        guard let expression, let instruction = expression.instructions.first else { return [ConstantKind.refNull.rawValue, 0, 0, 0] }
        guard expression.instructions.count == 1 else {
            return [ConstantKind.sequence.rawValue, UInt64(expression.instructions.count), 0, 0]
                + expression.instructions.flatMap(constantWords(of:))
        }
        return constantWords(of: instruction)
    }

    private func constantWords(of instruction: Instruction) -> [UInt64] {
        switch instruction {
        case .i32Const(let value): return [ConstantKind.value.rawValue, 0, UInt64(UInt32(bitPattern: value)), 0]
        case .i64Const(let value): return [ConstantKind.value.rawValue, 0, UInt64(bitPattern: value), 0]
        case .f32Const(let bits): return [ConstantKind.value.rawValue, 0, UInt64(bits), 0]
        case .f64Const(let bits): return [ConstantKind.value.rawValue, 0, bits, 0]
        case .v128Const(let vector):
            var low: UInt64 = 0, high: UInt64 = 0
            for i in 0..<8 {
                low |= UInt64(vector.bytes[i]) << UInt64(8 * i)
                high |= UInt64(vector.bytes[i + 8]) << UInt64(8 * i)
            }
            return [ConstantKind.value.rawValue, 0, low, high]
        case .globalGet(let index): return [ConstantKind.globalGet.rawValue, UInt64(index), 0, 0]
        case .refFunc(let index): return [ConstantKind.refFunc.rawValue, UInt64(index), 0, 0]
        case .plain(let op):
            let kind: ConstantKind = switch op {
            case .i32Add: .i32Add
            case .i32Sub: .i32Sub
            case .i32Mul: .i32Mul
            case .i64Add: .i64Add
            case .i64Sub: .i64Sub
            case .i64Mul: .i64Mul
            default: preconditionFailure("the validator admits no \(op.name) in a constant expression")
            }
            return [kind.rawValue, 0, 0, 0]
        default: return [ConstantKind.refNull.rawValue, 0, 0, 0]
        }
    }

    private func importTable() -> LLVMValueRef {
        var elements: [LLVMTypeRef?] = [ptr, ptr, i8, i8, i32, i8, i8, i8, i8, i32, i32, i32, i32]
        let type = elements.withUnsafeMutableBufferPointer { LLVMStructTypeInContext(context, $0.baseAddress, UInt32($0.count), 0)! }
        let entries: [LLVMValueRef] = module.imports.enumerated().map { index, entry in
            var kind: UInt64 = 0, typeIndex: UInt64 = 0, elementType: UInt64 = 0, valueType: UInt64 = 0
            var mutable: UInt64 = 0, hasMax: UInt64 = 0, minimum: UInt64 = 0, maximum: UInt64 = 0, address64: UInt64 = 0
            switch entry.descriptor {
            case .function(let type): kind = 0; typeIndex = UInt64(type)
            case .table(let table):
                kind = 1; elementType = UInt64(table.elementType.rawValue)
                minimum = table.limits.minimum; maximum = table.limits.maximum ?? 0
                hasMax = table.limits.maximum == nil ? 0 : 1
                address64 = table.limits.is64 ? 1 : 0
            case .memory(let memory):
                kind = 2; minimum = memory.limits.minimum; maximum = memory.limits.maximum ?? 0
                hasMax = memory.limits.maximum == nil ? 0 : 1
                address64 = memory.limits.is64 ? 1 : 0
            case .global(let global):
                kind = 3; valueType = UInt64(global.valueType.rawValue); mutable = global.mutability == .variable ? 1 : 0
            }
            var fields: [LLVMValueRef?] = [
                globalString(entry.module + "\0", symbol: "wasm_import_module_\(index)"),
                globalString(entry.name + "\0", symbol: "wasm_import_name_\(index)"),
                LLVMConstInt(i8, kind, 0), LLVMConstInt(i8, address64, 0), LLVMConstInt(i32, typeIndex, 0),
                LLVMConstInt(i8, elementType, 0), LLVMConstInt(i8, valueType, 0), LLVMConstInt(i8, mutable, 0),
                LLVMConstInt(i8, hasMax, 0),
                // 64-bit limits clamp to u32: no table or memory here reaches that size (see wasmc_import).
                LLVMConstInt(i32, min(minimum, UInt64(UInt32.max)), 0), LLVMConstInt(i32, min(maximum, UInt64(UInt32.max)), 0),
                constI32(UInt32(entry.module.utf8.count)), constI32(UInt32(entry.name.utf8.count)),
            ]
            return fields.withUnsafeMutableBufferPointer { LLVMConstStructInContext(context, $0.baseAddress, UInt32($0.count), 0)! }
        }
        return entries.isEmpty ? LLVMConstNull(ptr) : constantArray(of: type, entries, symbol: "wasmc_imports")
    }

    private func exportTable() -> LLVMValueRef {
        var elements: [LLVMTypeRef?] = [ptr, i8, i32, i32]
        let type = elements.withUnsafeMutableBufferPointer { LLVMStructTypeInContext(context, $0.baseAddress, UInt32($0.count), 0)! }
        let entries: [LLVMValueRef] = module.exports.enumerated().map { index, entry in
            let (kind, target): (UInt64, UInt32) = switch entry.descriptor {
            case .function(let i): (0, i)
            case .table(let i): (1, i)
            case .memory(let i): (2, i)
            case .global(let i): (3, i)
            }
            var fields: [LLVMValueRef?] = [globalString(entry.name + "\0", symbol: "wasm_export_name_\(index)"),
                                          LLVMConstInt(i8, kind, 0), constI32(target), constI32(UInt32(entry.name.utf8.count))]
            return fields.withUnsafeMutableBufferPointer { LLVMConstStructInContext(context, $0.baseAddress, UInt32($0.count), 0)! }
        }
        return entries.isEmpty ? LLVMConstNull(ptr) : constantArray(of: type, entries, symbol: "wasmc_exports")
    }

    /// instantiate, get_export_function/memory/table/global and destroy, each a call into the runtime with the plan.
    private func emitThunks(plan: LLVMValueRef) -> [LLVMValueRef] {
        let specs: [(String, LLVMTypeRef, [LLVMTypeRef])] = [
            ("wasmc_plan_instantiate", i32, [ptr, ptr]),
            ("wasmc_plan_export_function", ptr, [ptr, i32]),
            ("wasmc_plan_export_memory", ptr, [ptr, i32]),
            ("wasmc_plan_export_table", ptr, [ptr, i32]),
            ("wasmc_plan_export_global", ptr, [ptr, i32]),
            ("wasmc_plan_destroy", voidType, [ptr]),
        ]
        return specs.map { name, result, parameters in
            let (runtimeType, runtime) = runtimeFunction(name, returning: result, [ptr] + parameters)
            var thunkParameters: [LLVMTypeRef?] = parameters
            let thunkType = thunkParameters.withUnsafeMutableBufferPointer {
                LLVMFunctionType(result, $0.baseAddress, UInt32($0.count), 0)!
            }
            let thunk = LLVMAddFunction(llvmModule, "wasm_module_" + name.dropFirst("wasmc_plan_".count), thunkType)!
            LLVMSetLinkage(thunk, LLVMInternalLinkage)
            LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, thunk, "entry"))
            var arguments: [LLVMValueRef?] = [plan] + (0..<parameters.count).map { LLVMGetParam(thunk, UInt32($0)) }
            let call = arguments.withUnsafeMutableBufferPointer {
                LLVMBuildCall2(builder, runtimeType, runtime, $0.baseAddress, UInt32($0.count), "")!
            }
            if result == voidType { LLVMBuildRetVoid(builder) } else { LLVMBuildRet(builder, call) }
            return thunk
        }
    }

    private func constantArray(of type: LLVMTypeRef, _ values: [LLVMValueRef], symbol: String) -> LLVMValueRef {
        var values: [LLVMValueRef?] = values
        let constant = values.withUnsafeMutableBufferPointer { LLVMConstArray2(type, $0.baseAddress, UInt64($0.count))! }
        let global = LLVMAddGlobal(llvmModule, LLVMTypeOf(constant), symbol)!
        LLVMSetInitializer(global, constant)
        LLVMSetGlobalConstant(global, 1)
        LLVMSetLinkage(global, LLVMPrivateLinkage)
        return global
    }

    private func constantStruct(_ values: [LLVMValueRef], symbol: String) -> LLVMValueRef {
        var values: [LLVMValueRef?] = values
        let constant = values.withUnsafeMutableBufferPointer { LLVMConstStructInContext(context, $0.baseAddress, UInt32($0.count), 0)! }
        let global = LLVMAddGlobal(llvmModule, LLVMTypeOf(constant), symbol)!
        LLVMSetInitializer(global, constant)
        LLVMSetGlobalConstant(global, 1)
        LLVMSetLinkage(global, LLVMPrivateLinkage)
        return global
    }
}
