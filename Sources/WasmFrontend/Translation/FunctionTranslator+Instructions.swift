import WasmBinary
import WasmIR

/// One wasm instruction to IR: control flow goes to the control translation, locals to builder
/// variables, everything else to one `Operation` on the values popped from the operand stack.
extension FunctionTranslator {
    mutating func translate(_ instruction: Instruction) throws(TranslationError) {
        switch instruction {
        // Control
        case .unreachable: translateUnreachable()
        case .nop: break
        case .block(let type): try translateBlock(type)
        case .loop(let type): try translateLoop(type)
        case .if(let type): try translateIf(type)
        case .else: try translateElse()
        case .end: try translateEnd()
        case .br(let depth): try translateBranch(depth: depth)
        case .brIf(let depth): try translateBranchIf(depth: depth)
        case .brTable(let depths, let defaultDepth): try translateBranchTable(depths: depths, defaultDepth: defaultDepth)
        case .return: try translateReturn()
        case .call(let function): try translateCall(function)
        case .callIndirect(let type, let table): try translateCallIndirect(type: type, table: table)
        case .returnCall(let function):
            try translateCall(function)
            builder.markTailCall()
            try translateReturn()
        case .returnCallIndirect(let type, let table):
            try translateCallIndirect(type: type, table: table)
            builder.markTailCall()
            try translateReturn()

        // Parametric
        case .drop:
            _ = try pop()
        case .select:
            let condition = try pop()
            let ifFalse = try pop()
            let ifTrue = try pop()
            push(builder.append(.select(condition: condition, ifTrue: ifTrue, ifFalse: ifFalse), resultType: builder.type(of: ifTrue)))

        // Variables
        case .localGet(let local):
            push(builder.useVariable(try variable(local)))
        case .localSet(let local):
            let variable = try variable(local)
            builder.defineVariable(variable, try pop())
        case .localTee(let local):
            let variable = try variable(local)
            guard let value = stack.last else { throw failure("operand stack underflow") }
            builder.defineVariable(variable, value)
        case .globalGet(let global):
            push(builder.append(.globalGet(global), resultType: try globalType(global)))
        case .globalSet(let global):
            builder.append(.globalSet(global, try pop()))

        // Tables
        case .tableGet(let table):
            let index = try pop()
            push(builder.append(.tableGet(table: table, index: index), resultType: try tableElementType(table)))
        case .tableSet(let table):
            let value = try pop()
            let index = try pop()
            builder.append(.tableSet(table: table, index: index, value: value))
        case .tableInit(let element, let table):
            let (destination, source, count) = try popThree()
            builder.append(.tableInit(element: element, table: table, destination: destination, source: source, count: count))
        case .elemDrop(let element):
            builder.append(.elemDrop(element: element))
        case .tableCopy(let destinationTable, let sourceTable):
            let (destination, source, count) = try popThree()
            builder.append(.tableCopy(destinationTable: destinationTable, sourceTable: sourceTable,
                                      destination: destination, source: source, count: count))
        case .tableGrow(let table):
            let delta = try pop()
            let initial = try pop()
            push(builder.append(.tableGrow(table: table, initial: initial, delta: delta), resultType: try tableAddressType(table)))
        case .tableSize(let table):
            push(builder.append(.tableSize(table: table), resultType: try tableAddressType(table)))
        case .tableFill(let table):
            let (destination, value, count) = try popThree()
            builder.append(.tableFill(table: table, destination: destination, value: value, count: count))

        // Memory
        case .load(let op, let memarg):
            let address = try pop()
            push(builder.append(.load(op, Self.access(memarg, size: op.accessSize), address: address), resultType: op.resultType))
        case .store(let op, let memarg):
            let value = try pop()
            let address = try pop()
            builder.append(.store(op, Self.access(memarg, size: op.accessSize), address: address, value: value))
        case .laneAccess(let op, let memarg, let lane):
            let vector = try pop()
            let address = try pop()
            let operation = Operation.laneAccess(op, Self.access(memarg, size: op.accessSize), lane: lane, address: address, vector: vector)
            if op.isStore {
                builder.append(operation)
            } else {
                push(builder.append(operation, resultType: .v128))
            }
        case .memorySize(let memory):
            push(builder.append(.memorySize(memory: memory), resultType: try memoryAddressType(memory)))
        case .memoryGrow(let memory):
            let delta = try pop()
            push(builder.append(.memoryGrow(memory: memory, delta: delta), resultType: try memoryAddressType(memory)))
        case .memoryInit(let data, let memory):
            let (destination, source, count) = try popThree()
            builder.append(.memoryInit(data: data, memory: memory, destination: destination, source: source, count: count))
        case .dataDrop(let data):
            builder.append(.dataDrop(data: data))
        case .memoryCopy(let destinationMemory, let sourceMemory):
            let (destination, source, count) = try popThree()
            builder.append(.memoryCopy(destinationMemory: destinationMemory, sourceMemory: sourceMemory,
                                       destination: destination, source: source, count: count))
        case .memoryFill(let memory):
            let (destination, value, count) = try popThree()
            builder.append(.memoryFill(memory: memory, destination: destination, value: value, count: count))

        // Constants
        case .i32Const(let value): pushConstant(.i32(UInt32(bitPattern: value)))
        case .i64Const(let value): pushConstant(.i64(UInt64(bitPattern: value)))
        case .f32Const(let bits): pushConstant(.f32(bits))
        case .f64Const(let bits): pushConstant(.f64(bits))
        case .v128Const(let vector): pushConstant(.v128(vector))

        // References
        case .refNull(let type):
            push(builder.append(.refNull(type), resultType: type.valueType))
        case .refIsNull:
            let reference = try pop()
            push(builder.append(.refIsNull(reference), resultType: .i32))
        case .refFunc(let function):
            push(builder.append(.refFunc(function: function), resultType: .funcref))

        case .plain(let op):
            let signature = Self.plainSignatures[Int(op.rawValue)]
            let operands = try pop(Int(signature.operandCount))
            push(builder.append(.plain(op, operands), resultType: signature.result))

        // SIMD lane operators
        case .shuffle(let lanes):
            let b = try pop()
            let a = try pop()
            push(builder.append(.shuffle(lanes: lanes, a, b), resultType: .v128))
        case .extractLane(let op, let lane):
            let vector = try pop()
            push(builder.append(.extractLane(op, lane: lane, vector), resultType: op.scalarType))
        case .replaceLane(let op, let lane):
            let scalar = try pop()
            let vector = try pop()
            push(builder.append(.replaceLane(op, lane: lane, vector, scalar: scalar), resultType: .v128))
        }
    }

    /// Operand count and result type of each plain operator, flattened once: the shared table hands
    /// out its operand lists as arrays, which costs reference counting on every lookup.
    private static let plainSignatures: [(operandCount: UInt8, result: ValueType)] = PlainOp.allCases.map { op in
        (UInt8(op.operands.count), op.result)
    }

    private mutating func translateCall(_ function: UInt32) throws(TranslationError) {
        guard Int(function) < context.functionTypes.count, let type = context.functionTypes[Int(function)] else {
            throw failure("call of undeclared function \(function)")
        }
        let arguments = try pop(type.parameters.count)
        stack.append(contentsOf: builder.append(.call(function: function, arguments: arguments), resultTypes: type.results))
    }

    private mutating func translateCallIndirect(type typeIndex: UInt32, table: UInt32) throws(TranslationError) {
        guard Int(typeIndex) < context.module.types.count else { throw failure("call_indirect with undeclared type \(typeIndex)") }
        let type = context.module.types[Int(typeIndex)]
        let callee = try pop()
        let arguments = try pop(type.parameters.count)
        let operation = Operation.callIndirect(type: typeIndex, table: table, callee: callee, arguments: arguments)
        stack.append(contentsOf: builder.append(operation, resultTypes: type.results))
    }

    private mutating func pushConstant(_ constant: Constant) {
        push(builder.append(.constant(constant), resultType: constant.type))
    }

    /// Pops three operands, returned in push order.
    private mutating func popThree() throws(TranslationError) -> (Value, Value, Value) {
        let third = try pop()
        let second = try pop()
        let first = try pop()
        return (first, second, third)
    }

    private mutating func variable(_ local: UInt32) throws(TranslationError) -> Variable {
        guard Int(local) < localCount else { throw failure("local \(local) is not declared") }
        return Variable(local)
    }

    private mutating func globalType(_ global: UInt32) throws(TranslationError) -> ValueType {
        guard Int(global) < context.globalTypes.count else { throw failure("global \(global) is not declared") }
        return context.globalTypes[Int(global)]
    }

    private mutating func tableElementType(_ table: UInt32) throws(TranslationError) -> ValueType {
        guard Int(table) < context.tableElementTypes.count else { throw failure("table \(table) is not declared") }
        return context.tableElementTypes[Int(table)]
    }

    private mutating func tableAddressType(_ table: UInt32) throws(TranslationError) -> ValueType {
        guard Int(table) < context.tableAddressTypes.count else { throw failure("table \(table) is not declared") }
        return context.tableAddressTypes[Int(table)]
    }

    private mutating func memoryAddressType(_ memory: UInt32) throws(TranslationError) -> ValueType {
        guard Int(memory) < context.memoryAddressTypes.count else { throw failure("memory \(memory) is not declared") }
        return context.memoryAddressTypes[Int(memory)]
    }

    private static func access(_ memarg: MemArg, size: Int) -> MemoryAccess {
        MemoryAccess(memory: memarg.memory, offset: memarg.offset, alignmentLog2: memarg.alignment, size: size)
    }
}
