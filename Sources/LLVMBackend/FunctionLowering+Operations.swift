import CLLVM
import WasmBinary
import WasmIR

/// Non-terminator operations: constants, memory, globals, calls, tables, references.
extension FunctionLowering {
    func lower(_ instruction: IRInstruction) throws {
        let results = instruction.results
        switch instruction.operation {
        case .constant(let constant):
            define(results[0], try lowerConstant(constant))
        case .plain(let op, let operands):
            define(results[0], try lowerPlain(op, operands.map(value)))
        case .select(let condition, let ifTrue, let ifFalse):
            let test = LLVMBuildICmp(builder, LLVMIntNE, value(condition), module.constI32(0), "")!
            define(results[0], LLVMBuildSelect(builder, test, value(ifTrue), value(ifFalse), "")!)
        case .load(let op, let access, let address):
            try lowerLoad(op, access, address: value(address), result: results[0])
        case .store(let op, let access, let address, let stored):
            try lowerStore(op, access, address: value(address), value: value(stored))
        case .laneAccess(let op, let access, let lane, let address, let vector):
            lowerLaneAccess(op, access, lane: lane, address: value(address), vector: value(vector), result: results.first)
        case .shuffle(let lanes, let first, let second):
            define(results[0], shuffle(lanes, value(first), value(second)))
        case .extractLane(let op, let lane, let vector):
            define(results[0], extractLane(op, lane: lane, from: value(vector)))
        case .replaceLane(let op, let lane, let vector, let scalar):
            define(results[0], replaceLane(op, lane: lane, in: value(vector), with: value(scalar)))
        case .globalGet(let index):
            let type = module.module.allGlobalTypes[Int(index)].valueType
            let loaded = load(module.llvmType(type), globalCell(index))
            module.tag(loaded, .runtimeData)
            LLVMSetAlignment(loaded, 8)
            define(results[0], loaded)
        case .globalSet(let index, let stored):
            let store = LLVMBuildStore(builder, value(stored), globalCell(index))!
            module.tag(store, .runtimeData)
            LLVMSetAlignment(store, 8)
        case .call(let callee, let arguments):
            try lowerCall(callee, arguments: arguments.map(value), results: results)
        case .callIndirect(let typeIndex, let table, let callee, let arguments):
            try lowerCallIndirect(typeIndex: typeIndex, table: table, callee: value(callee), arguments: arguments.map(value), results: results)
        case .memorySize(let memory):
            let pages = load(module.i32, offsetPointer(memoryPointer(memory), RuntimeABI.memoryPages))
            define(results[0], memoryIs64[Int(memory)] ? LLVMBuildZExt(builder, pages, module.i64, "")! : pages)
        case .memoryGrow(let memory, let delta):
            // A memory64 delta past u32 fails like any other beyond 65536 pages; the old size or -1 sign-extends.
            let grown = runtime("wasmc_memory_grow", module.i32, [module.ptr, module.i32], [memoryPointer(memory), narrowedAddress(value(delta))])
            define(results[0], memoryIs64[Int(memory)] ? LLVMBuildSExt(builder, grown, module.i64, "")! : grown)
        case .memoryFill(let memory, let destination, let byte, let count):
            _ = runtime("wasmc_memory_fill", module.voidType, [module.ptr, module.i64, module.i32, module.i64],
                        [memoryPointer(memory), widenedAddress(value(destination)), value(byte), widenedAddress(value(count))])
        case .memoryCopy(let destinationMemory, let sourceMemory, let destination, let source, let count):
            _ = runtime("wasmc_memory_copy", module.voidType, [module.ptr, module.ptr, module.i64, module.i64, module.i64],
                        [memoryPointer(destinationMemory), memoryPointer(sourceMemory), widenedAddress(value(destination)),
                         widenedAddress(value(source)), widenedAddress(value(count))])
        case .memoryInit(let data, let memory, let destination, let source, let count):
            let segment = offsetPointer(instance, module.layout.dataSegments + RuntimeABI.segmentSlot * Int(data))
            let bytes = load(module.ptr, segment)
            let length = LLVMBuildTrunc(builder, load(module.i64, offsetPointer(segment, RuntimeABI.segmentLength)), module.i32, "")!
            _ = runtime("wasmc_memory_init_data", module.voidType,
                        [module.ptr, module.ptr, module.i32, module.i64, module.i32, module.i32],
                        [memoryPointer(memory), bytes, length, widenedAddress(value(destination)), value(source), value(count)])
        case .dataDrop(let data):
            LLVMBuildStore(builder, module.constI64(0), offsetPointer(instance, module.layout.dataSegments + RuntimeABI.segmentSlot * Int(data) + RuntimeABI.segmentLength))
        // Table64 indices and counts saturate to u32: no table here reaches 2^32 - 1 elements, so every
        // bounds check and failed growth comes out as with the full value.
        case .tableGet(let table, let index):
            define(results[0], runtime("wasmc_table_get", module.ptr, [module.ptr, module.i32], [tablePointer(table), narrowedAddress(value(index))]))
        case .tableSet(let table, let index, let stored):
            _ = runtime("wasmc_table_set", module.voidType, [module.ptr, module.i32, module.ptr],
                        [tablePointer(table), narrowedAddress(value(index)), value(stored)])
        case .tableSize(let table):
            let size = load(module.i32, offsetPointer(tablePointer(table), RuntimeABI.tableSize))
            define(results[0], tableIs64[Int(table)] ? LLVMBuildZExt(builder, size, module.i64, "")! : size)
        case .tableGrow(let table, let initial, let delta):
            let grown = runtime("wasmc_table_grow", module.i32, [module.ptr, module.ptr, module.i32],
                                [tablePointer(table), value(initial), narrowedAddress(value(delta))])
            define(results[0], tableIs64[Int(table)] ? LLVMBuildSExt(builder, grown, module.i64, "")! : grown)
        case .tableFill(let table, let destination, let stored, let count):
            _ = runtime("wasmc_table_fill", module.voidType, [module.ptr, module.i32, module.ptr, module.i32],
                        [tablePointer(table), narrowedAddress(value(destination)), value(stored), narrowedAddress(value(count))])
        case .tableCopy(let destinationTable, let sourceTable, let destination, let source, let count):
            _ = runtime("wasmc_table_copy", module.voidType, [module.ptr, module.ptr, module.i32, module.i32, module.i32],
                        [tablePointer(destinationTable), tablePointer(sourceTable), narrowedAddress(value(destination)),
                         narrowedAddress(value(source)), narrowedAddress(value(count))])
        case .tableInit(let element, let table, let destination, let source, let count):
            let segment = offsetPointer(instance, module.layout.elementSegments + RuntimeABI.segmentSlot * Int(element))
            let items = load(module.ptr, segment)
            let length = LLVMBuildTrunc(builder, load(module.i64, offsetPointer(segment, RuntimeABI.segmentLength)), module.i32, "")!
            _ = runtime("wasmc_table_init_elements", module.voidType,
                        [module.ptr, module.ptr, module.i32, module.i32, module.i32, module.i32],
                        [tablePointer(table), items, length, narrowedAddress(value(destination)), value(source), value(count)])
        case .elemDrop(let element):
            LLVMBuildStore(builder, module.constI64(0), offsetPointer(instance, module.layout.elementSegments + RuntimeABI.segmentSlot * Int(element) + RuntimeABI.segmentLength))
        case .refNull:
            define(results[0], LLVMConstNull(module.ptr))
        case .refIsNull(let reference):
            let isNull = LLVMBuildICmp(builder, LLVMIntEQ, value(reference), LLVMConstNull(module.ptr), "")!
            define(results[0], LLVMBuildZExt(builder, isNull, module.i32, "")!)
        case .refFunc(let index):
            define(results[0], load(module.ptr, offsetPointer(instance, module.layout.functions + RuntimeABI.pointerSlot * Int(index))))
        case .trapIf(let condition, let code):
            trap(if: LLVMBuildICmp(builder, LLVMIntNE, value(condition), module.constI32(0), "")!, code)
        }
    }

    private func lowerConstant(_ constant: Constant) throws -> LLVMValueRef {
        switch constant {
        case .i32(let bits): return module.constI32(bits)
        case .i64(let bits): return module.constI64(bits)
        case .f32(let bits): return LLVMConstBitCast(module.constI32(bits), module.f32)
        case .f64(let bits): return LLVMConstBitCast(module.constI64(bits), module.f64)
        case .v128(let vector): return vectorConstant(vector)
        case .null: return LLVMConstNull(module.ptr)
        }
    }

    /// A global's cell pointer, loaded once in the prologue: cells never move after instantiation.
    func globalCell(_ index: UInt32) -> LLVMValueRef {
        if let cached = globalCells[index] { return cached }
        let current = LLVMGetInsertBlock(builder)!
        LLVMPositionBuilderBefore(builder, LLVMGetBasicBlockTerminator(prologue))
        let cell = load(module.ptr, offsetPointer(instance, module.layout.globals + RuntimeABI.pointerSlot * Int(index)))
        module.tag(cell, .runtimeData)
        LLVMPositionBuilderAtEnd(builder, current)
        globalCells[index] = cell
        return cell
    }

    func tablePointer(_ index: UInt32) -> LLVMValueRef {
        load(module.ptr, offsetPointer(instance, module.layout.tables + RuntimeABI.pointerSlot * Int(index)))
    }

    // MARK: - Memory

    /// Whether the load defining `result` needs an explicit check although guard pages are on.
    func needsExplicitCheck(_ result: Value) -> Bool {
        explicitLoadChecks?[Int(result.index)] ?? false
    }

    /// An i64 address or count as the i32 a table helper takes, saturated (u32 max stays out of bounds of
    /// every table); an i32 as it is.
    func narrowedAddress(_ value: LLVMValueRef) -> LLVMValueRef {
        guard LLVMTypeOf(value) == module.i64 else { return value }
        let saturated = callIntrinsic("llvm.umin", [module.i64], [value, module.constI64(UInt64(UInt32.max))])
        return LLVMBuildTrunc(builder, saturated, module.i32, "")!
    }

    /// An i32 address or count zero-extended to the i64 the memory helpers take; an i64 as it is.
    func widenedAddress(_ value: LLVMValueRef) -> LLVMValueRef {
        LLVMTypeOf(value) == module.i64 ? value : LLVMBuildZExt(builder, value, module.i64, "")!
    }

    /// The host address of an access, with the explicit check when the options (or an unanchored load) need one.
    /// A 64-bit memory (memory64) is always checked: guard pages cover only 32-bit addresses plus offsets.
    func effectiveAddress(_ access: MemoryAccess, _ address: LLVMValueRef, forceCheck: Bool) -> LLVMValueRef {
        if memoryIs64[Int(access.memory)] { return checkedAddress64(access, address) }
        let extended = LLVMBuildZExt(builder, address, module.i64, "")!
        let offset = access.offset == 0 ? extended
            : LLVMBuildAdd(builder, extended, module.constI64(UInt64(access.offset)), "")!
        if module.options.boundsChecks == .explicit || forceCheck {
            let end = LLVMBuildAdd(builder, offset, module.constI64(UInt64(access.size)), "")!
            let size = load(module.i64, offsetPointer(memoryPointer(access.memory), RuntimeABI.memorySizeBytes))
            module.tag(size, .runtimeData)
            trap(if: LLVMBuildICmp(builder, LLVMIntUGT, end, size, "")!, .memoryOutOfBounds)
        }
        return bytePointer(memoryBase(access.memory), offset)
    }

    /// A memory64 access: out of bounds when offset + size exceeds the memory or the address exceeds what
    /// remains (compared without overflow).
    private func checkedAddress64(_ access: MemoryAccess, _ address: LLVMValueRef) -> LLVMValueRef {
        let (reach, overflow) = access.offset.addingReportingOverflow(UInt64(access.size))
        let size = load(module.i64, offsetPointer(memoryPointer(access.memory), RuntimeABI.memorySizeBytes))
        module.tag(size, .runtimeData)
        if overflow {
            trap(if: LLVMConstInt(module.i1, 1, 0), .memoryOutOfBounds)
        } else {
            let tooSmall = LLVMBuildICmp(builder, LLVMIntULT, size, module.constI64(reach), "")!
            let room = LLVMBuildSub(builder, size, module.constI64(reach), "")!
            let beyond = LLVMBuildICmp(builder, LLVMIntUGT, address, room, "")!
            trap(if: LLVMBuildOr(builder, tooSmall, beyond, "")!, .memoryOutOfBounds)
        }
        let offset = access.offset == 0 ? address : LLVMBuildAdd(builder, address, module.constI64(access.offset), "")!
        return bytePointer(memoryBase(access.memory), offset)
    }

    private func lowerLoad(_ op: LoadOp, _ access: MemoryAccess, address: LLVMValueRef, result: Value) throws {
        // LLVM may delete, narrow or move a load, never a check: see LoadAnchoring.
        let pointer = effectiveAddress(access, address, forceCheck: needsExplicitCheck(result))
        func loadAs(_ type: LLVMTypeRef) -> LLVMValueRef {
            let instruction = load(type, pointer)
            LLVMSetAlignment(instruction, 1)
            module.tag(instruction, .linearMemory)
            return instruction
        }
        let loaded: LLVMValueRef
        switch op {
        case .i32Load: loaded = loadAs(module.i32)
        case .i64Load: loaded = loadAs(module.i64)
        case .f32Load: loaded = loadAs(module.f32)
        case .f64Load: loaded = loadAs(module.f64)
        case .i32Load8S: loaded = LLVMBuildSExt(builder, loadAs(module.i8), module.i32, "")
        case .i32Load8U: loaded = LLVMBuildZExt(builder, loadAs(module.i8), module.i32, "")
        case .i32Load16S: loaded = LLVMBuildSExt(builder, loadAs(LLVMInt16TypeInContext(module.context)), module.i32, "")
        case .i32Load16U: loaded = LLVMBuildZExt(builder, loadAs(LLVMInt16TypeInContext(module.context)), module.i32, "")
        case .i64Load8S: loaded = LLVMBuildSExt(builder, loadAs(module.i8), module.i64, "")
        case .i64Load8U: loaded = LLVMBuildZExt(builder, loadAs(module.i8), module.i64, "")
        case .i64Load16S: loaded = LLVMBuildSExt(builder, loadAs(LLVMInt16TypeInContext(module.context)), module.i64, "")
        case .i64Load16U: loaded = LLVMBuildZExt(builder, loadAs(LLVMInt16TypeInContext(module.context)), module.i64, "")
        case .i64Load32S: loaded = LLVMBuildSExt(builder, loadAs(module.i32), module.i64, "")
        case .i64Load32U: loaded = LLVMBuildZExt(builder, loadAs(module.i32), module.i64, "")
        default: loaded = vectorLoad(op, loadAs: loadAs)
        }
        define(result, loaded)
    }

    private func lowerStore(_ op: StoreOp, _ access: MemoryAccess, address: LLVMValueRef, value stored: LLVMValueRef) throws {
        let pointer = effectiveAddress(access, address, forceCheck: false)
        let narrowed: LLVMValueRef
        switch op {
        case .i32Store, .i64Store, .f32Store, .f64Store, .v128Store: narrowed = stored
        case .i32Store8, .i64Store8: narrowed = LLVMBuildTrunc(builder, stored, module.i8, "")
        case .i32Store16, .i64Store16: narrowed = LLVMBuildTrunc(builder, stored, LLVMInt16TypeInContext(module.context), "")
        case .i64Store32: narrowed = LLVMBuildTrunc(builder, stored, module.i32, "")
        }
        let store = LLVMBuildStore(builder, narrowed, pointer)!
        LLVMSetAlignment(store, 1)
        module.tag(store, .linearMemory)
    }

    // MARK: - Calls

    /// Emits a call through `signature`, converting arguments and results to and from the native ABI;
    /// several results come back through a stack area of 16-byte slots.
    /// `body`: the callee is a function body of this module in the `tailcc` convention (see
    /// `ModuleLowering.usesTailCalls`), not a C-ABI entry point.
    func callResults(_ type: FunctionType, callee: LLVMValueRef, calleeInstance: LLVMValueRef,
                     arguments: [LLVMValueRef], results: [Value], body: Bool = false) {
        let signature = body ? module.internalSignature(type) : module.nativeSignature(type)
        var nativeArguments = [calleeInstance] + nativeArguments(arguments, for: signature)
        let area = type.results.count > 1 ? prologueSlot(bytes: RuntimeABI.resultSlot * type.results.count) : nil
        if let area { nativeArguments.append(area) }
        let instruction = call((signature.llvmType, callee), nativeArguments)
        // `notail`: tail-recursion elimination would turn runaway recursion into a loop that never
        // reaches the stack check, where wasm demands "call stack exhausted".
        LLVMSetTailCallKind(instruction, LLVMTailCallKindNoTail)
        if body { LLVMSetInstructionCallConv(instruction, ModuleLowering.tailCallingConvention) }
        module.applyByValueAttributes(signature, call: instruction)
        if let area {
            for (index, result) in results.enumerated() {
                let loaded = load(module.llvmType(type.results[index]), offsetPointer(area, RuntimeABI.resultSlot * index))
                LLVMSetAlignment(loaded, 8)
                define(result, loaded)
            }
        } else if let result = results.first {
            define(result, wasmResult(instruction, for: signature))
        }
    }

    private func lowerCall(_ callee: UInt32, arguments: [LLVMValueRef], results: [Value]) throws {
        let typeIndex = module.module.allFunctionTypeIndices[Int(callee)]
        let type = module.module.types[Int(typeIndex)]
        let imported = module.module.importedFunctionCount
        if Int(callee) >= imported {
            let defined = Int(callee) - imported
            callResults(type, callee: module.usesTailCalls ? module.bodies[defined] : module.functions[defined], calleeInstance: instance,
                        arguments: arguments, results: results, body: module.usesTailCalls)
        } else {
            let record = load(module.ptr, offsetPointer(instance, module.layout.functions + RuntimeABI.pointerSlot * Int(callee)))
            callResults(type, callee: load(module.ptr, offsetPointer(record, RuntimeABI.functionCode)), calleeInstance: load(module.ptr, offsetPointer(record, RuntimeABI.functionInstance)),
                        arguments: arguments, results: results)
        }
    }

    private func lowerCallIndirect(typeIndex: UInt32, table: UInt32, callee: LLVMValueRef, arguments: [LLVMValueRef],
                                   results: [Value]) throws {
        let type = module.module.types[Int(typeIndex)]
        let record = checkedIndirectCallee(typeIndex: typeIndex, table: table, callee: callee)
        callResults(type, callee: load(module.ptr, offsetPointer(record, RuntimeABI.functionCode)), calleeInstance: load(module.ptr, offsetPointer(record, RuntimeABI.functionInstance)),
                    arguments: arguments, results: results)
    }

    /// The function record `call_indirect` calls, after its bounds, null and signature checks.
    func checkedIndirectCallee(typeIndex: UInt32, table: UInt32, callee: LLVMValueRef) -> LLVMValueRef {
        let tablePointer = tablePointer(table)
        var size = load(module.i32, offsetPointer(tablePointer, RuntimeABI.tableSize))
        if LLVMTypeOf(callee) == module.i64 { size = LLVMBuildZExt(builder, size, module.i64, "")! }  // table64
        trap(if: LLVMBuildICmp(builder, LLVMIntUGE, callee, size, "")!, .tableOutOfBounds)
        let elements = load(module.ptr, tablePointer)
        let slot = bytePointer(elements, LLVMBuildMul(builder, LLVMBuildZExt(builder, callee, module.i64, ""), module.constI64(8), ""))
        let record = load(module.ptr, slot)
        trap(if: LLVMBuildICmp(builder, LLVMIntEQ, record, LLVMConstNull(module.ptr), "")!, .uninitializedElement)
        let actual = load(module.i32, offsetPointer(record, RuntimeABI.functionTypeID))
        let expected = LLVMBuildTrunc(builder, load(module.i64, offsetPointer(instance, module.layout.typeIDs + RuntimeABI.pointerSlot * Int(typeIndex))), module.i32, "")!
        trap(if: LLVMBuildICmp(builder, LLVMIntNE, actual, expected, "")!, .indirectCallTypeMismatch)
        return record
    }
}
