import WasmBinary

/// The typing rule of every instruction.
/// > Note: https://webassembly.github.io/spec/core/valid/instructions.html
extension FunctionValidator {
    mutating func validate(_ instruction: Instruction) throws(WasmError) {
        switch instruction {
        case .plain(let op):
            try validatePlain(op)
        case .unreachable:
            markUnreachable()
        case .nop:
            break
        case .block(let blockType), .loop(let blockType):
            let signature = try blockSignature(blockType)
            try pop(signature.parameters)
            if case .loop = instruction { pushFrame(.loop, signature) } else { pushFrame(.block, signature) }
        case .if(let blockType):
            let signature = try blockSignature(blockType)
            try pop(.i32)
            try pop(signature.parameters)
            pushFrame(.if, signature)
        case .else:
            let frame = try popFrame()
            guard frame.kind == .if else { throw .malformed(at: offset, "else without matching if") }
            pushFrame(.else, FunctionType(parameters: frame.parameters, results: frame.results))
        case .end:
            let frame = try popFrame()
            // An `if` without `else` has an empty else branch, which must map the parameters to the results.
            if frame.kind == .if, frame.parameters != frame.results { throw typeMismatch() }
            push(frame.results)
        case .br(let depth):
            try pop(try labelTypes(depth))
            markUnreachable()
        case .brIf(let depth):
            try pop(.i32)
            let types = try labelTypes(depth)
            try pop(types)
            push(types)
        case .brTable(let depths, let defaultDepth):
            try validateBranchTable(depths, defaultDepth)
        case .return:
            try pop(frames[0].results)
            markUnreachable()
        case .call(let function):
            let type = try context.functionType(function, at: offset)
            try pop(type.parameters)
            push(type.results)
        case .callIndirect(let typeIndex, let tableIndex):
            let table = try context.table(tableIndex, at: offset)
            guard table.elementType == .funcref else { throw typeMismatch() }
            let type = try context.type(typeIndex, at: offset)
            try pop(table.addressType)
            try pop(type.parameters)
            push(type.results)
        case .returnCall(let function):
            let type = try context.functionType(function, at: offset)
            guard type.results == frames[0].results else { throw typeMismatch() }
            try pop(type.parameters)
            markUnreachable()
        case .returnCallIndirect(let typeIndex, let tableIndex):
            let table = try context.table(tableIndex, at: offset)
            guard table.elementType == .funcref else { throw typeMismatch() }
            let type = try context.type(typeIndex, at: offset)
            guard type.results == frames[0].results else { throw typeMismatch() }
            try pop(table.addressType)
            try pop(type.parameters)
            markUnreachable()
        case .drop:
            _ = try pop()
        case .select(nil):
            try validateUntypedSelect()
        case .select(let type?):
            try pop(.i32)
            try pop(type)
            try pop(type)
            push(type)
        case .localGet(let index):
            push(try local(index))
        case .localSet(let index):
            try pop(try local(index))
        case .localTee(let index):
            let type = try local(index)
            try pop(type)
            push(type)
        case .globalGet(let index):
            push(try context.global(index, at: offset).valueType)
        case .globalSet(let index):
            let global = try context.global(index, at: offset)
            guard global.mutability == .variable else {
                // The suites word it differently: 2.0 "global is immutable", 3.0 "immutable global".
                throw .invalid(at: offset, context.version == .v2 ? "global is immutable" : "immutable global")
            }
            try pop(global.valueType)
        default:
            try validateTableOrMemory(instruction)
        }
    }

    private mutating func validateTableOrMemory(_ instruction: Instruction) throws(WasmError) {
        switch instruction {
        case .tableGet(let index):
            let table = try context.table(index, at: offset)
            try pop(table.addressType)
            push(table.elementType.valueType)
        case .tableSet(let index):
            let table = try context.table(index, at: offset)
            try pop(table.elementType.valueType)
            try pop(table.addressType)
        case .tableInit(let element, let table):
            let tableType = try context.table(table, at: offset)
            let elementType = try context.elementType(element, at: offset)
            guard tableType.elementType == elementType else { throw typeMismatch() }
            try pop(.i32)
            try pop(.i32)
            try pop(tableType.addressType)
        case .elemDrop(let element):
            _ = try context.elementType(element, at: offset)
        case .tableCopy(let destination, let source):
            let destinationType = try context.table(destination, at: offset)
            let sourceType = try context.table(source, at: offset)
            guard destinationType.elementType == sourceType.elementType else { throw typeMismatch() }
            try popCopyOperands(destinationType.addressType, sourceType.addressType)
        case .tableGrow(let index):
            let table = try context.table(index, at: offset)
            try pop(table.addressType)
            try pop(table.elementType.valueType)
            push(table.addressType)
        case .tableSize(let index):
            push(try context.table(index, at: offset).addressType)
        case .tableFill(let index):
            let table = try context.table(index, at: offset)
            try pop(table.addressType)
            try pop(table.elementType.valueType)
            try pop(table.addressType)
        case .load(let op, let memArg):
            let addressType = try checkMemoryAccess(memArg, size: op.accessSize)
            try pop(addressType)
            push(op.resultType)
        case .store(let op, let memArg):
            let addressType = try checkMemoryAccess(memArg, size: op.accessSize)
            try pop(op.valueType)
            try pop(addressType)
        case .laneAccess(let op, let memArg, let lane):
            let addressType = try checkMemoryAccess(memArg, size: op.accessSize)
            try checkLane(lane, below: op.laneCount)
            try pop(.v128)
            try pop(addressType)
            if !op.isStore { push(.v128) }
        case .memorySize(let memory):
            push(try context.memoryAddressType(memory, at: offset))
        case .memoryGrow(let memory):
            let addressType = try context.memoryAddressType(memory, at: offset)
            try pop(addressType)
            push(addressType)
        case .memoryInit(let data, let memory):
            let addressType = try context.memoryAddressType(memory, at: offset)
            try context.requireDataSegment(data, at: offset)
            try pop(.i32)
            try pop(.i32)
            try pop(addressType)
        case .dataDrop(let data):
            try context.requireDataSegment(data, at: offset)
        case .memoryCopy(let destination, let source):
            let destinationType = try context.memoryAddressType(destination, at: offset)
            let sourceType = try context.memoryAddressType(source, at: offset)
            try popCopyOperands(destinationType, sourceType)
        case .memoryFill(let memory):
            let addressType = try context.memoryAddressType(memory, at: offset)
            try pop(addressType)
            try pop(.i32)
            try pop(addressType)
        default:
            try validateValueInstruction(instruction)
        }
    }

    private mutating func validateValueInstruction(_ instruction: Instruction) throws(WasmError) {
        switch instruction {
        case .i32Const: push(.i32)
        case .i64Const: push(.i64)
        case .f32Const: push(.f32)
        case .f64Const: push(.f64)
        case .v128Const: push(.v128)
        case .refNull(let type):
            push(type.valueType)
        case .refIsNull:
            if let type = try pop(), !type.isReference { throw typeMismatch() }
            push(.i32)
        case .refFunc(let function):
            _ = try context.functionType(function, at: offset)
            guard context.isDeclared(function: function) else {
                throw .invalid(at: offset, "undeclared function reference")
            }
            push(.funcref)
        case .shuffle(let lanes):
            for lane in lanes { try checkLane(lane, below: 32) }
            try pop(.v128)
            try pop(.v128)
            push(.v128)
        case .extractLane(let op, let lane):
            try checkLane(lane, below: op.laneCount)
            try pop(.v128)
            push(op.scalarType)
        case .replaceLane(let op, let lane):
            try checkLane(lane, below: op.laneCount)
            try pop(op.scalarType)
            try pop(.v128)
            push(.v128)
        default:
            // Every case is handled by one of the three switches; reaching here means the instruction
            // set grew without a typing rule.
            throw .invalid(at: offset, "unsupported: validation of \(instruction)")
        }
    }

    private mutating func validatePlain(_ op: PlainOp) throws(WasmError) {
        let signature = plainSignatures[Int(op.rawValue)]
        // Operands are popped last-pushed first.
        if signature.operandCount > 2 { try pop(signature.third) }
        if signature.operandCount > 1 { try pop(signature.second) }
        if signature.operandCount > 0 { try pop(signature.first) }
        push(signature.result)
    }

    /// `br_table` (2.0 rules): every target must have the default's arity and accept the operands.
    private mutating func validateBranchTable(_ depths: [UInt32], _ defaultDepth: UInt32) throws(WasmError) {
        try pop(.i32)
        let defaultTypes = try labelTypes(defaultDepth)
        for depth in depths {
            let types = try labelTypes(depth)
            guard types.count == defaultTypes.count else { throw typeMismatch() }
            try peek(types)
        }
        try pop(defaultTypes)
        markUnreachable()
    }

    /// Untyped `select` only chooses between two numeric or two vector operands.
    private mutating func validateUntypedSelect() throws(WasmError) {
        try pop(.i32)
        let first = try pop()
        let second = try pop()
        if first?.isReference == true || second?.isReference == true { throw typeMismatch() }
        if let first, let second, first != second { throw typeMismatch() }
        push(first ?? second)
    }

    /// The (destination, source, count) operands of `memory.copy` and `table.copy`: each address of its
    /// own memory's or table's type, the count `i64` only when both are 64-bit.
    private mutating func popCopyOperands(_ destination: ValueType, _ source: ValueType) throws(WasmError) {
        try pop(destination == .i64 && source == .i64 ? .i64 : .i32)
        try pop(source)
        try pop(destination)
    }

    @inline(__always)
    private func local(_ index: UInt32) throws(WasmError) -> ValueType {
        guard let type = locals[index] else { throw .invalid(at: offset, "unknown local \(index)") }
        return type
    }

    /// Checks the memory, alignment and offset of an access; returns the memory's address type.
    private func checkMemoryAccess(_ memArg: MemArg, size: Int) throws(WasmError) -> ValueType {
        let addressType = try context.memoryAddressType(memArg.memory, at: offset)
        guard memArg.alignment <= UInt32(size.trailingZeroBitCount) else {
            throw .invalid(at: offset, "alignment must not be larger than natural")
        }
        guard addressType == .i64 || memArg.offset <= UInt64(UInt32.max) else {
            throw .invalid(at: offset, "offset out of range")
        }
        return addressType
    }

    private func checkLane(_ lane: UInt8, below count: Int) throws(WasmError) {
        guard Int(lane) < count else { throw .invalid(at: offset, "invalid lane index") }
    }
}
