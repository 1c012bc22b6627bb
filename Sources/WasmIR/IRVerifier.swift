import WasmBinary

/// Checks the structural invariants of a function's SSA form: block numbering and terminators, single
/// definitions, dominance of every use, operand and result types, branch arguments against block
/// parameters, return values against the signature. Calls, globals and tables are checked against
/// their declarations only by the module variant, which knows them.
public func verifyIR(_ function: IRFunction) throws(IRVerificationError) {
    try IRVerifier(function: function, declarations: nil).run()
}

/// Verifies every function of the module, including calls, globals and tables against the module's
/// declarations, and that each function's index and type match the module.
public func verifyIR(_ module: IRModule) throws(IRVerificationError) {
    let declarations = ModuleDeclarations(module.module)
    for (position, function) in module.functions.enumerated() {
        let expectedIndex = declarations.importedFunctionCount + position
        guard Int(function.index) == expectedIndex else {
            throw IRVerificationError(function: function.index, block: nil, location: .function,
                                      message: "function at position \(position) has index \(function.index), expected \(expectedIndex)")
        }
        guard expectedIndex < declarations.functionTypes.count, declarations.functionTypes[expectedIndex] == function.type else {
            throw IRVerificationError(function: function.index, block: nil, location: .function,
                                      message: "function type \(function.type) does not match the module's declaration")
        }
        try IRVerifier(function: function, declarations: declarations).run()
    }
}

/// What the verifier needs to know about a module, flattened once for all its functions.
struct ModuleDeclarations {
    let importedFunctionCount: Int
    /// Signature of each function in the function index space; nil where the type index is bad.
    let functionTypes: [FunctionType?]
    let types: [FunctionType]
    let globals: [GlobalType]
    let tables: [TableType]
    let memoryCount: Int
    /// Each memory's address type (`i64` for memory64).
    let memoryAddressTypes: [ValueType]
    let dataCount: Int
    let elementCount: Int

    init(_ module: Module) {
        importedFunctionCount = module.importedFunctionCount
        types = module.types
        functionTypes = module.allFunctionTypeIndices.map { index in
            Int(index) < module.types.count ? module.types[Int(index)] : nil
        }
        globals = module.allGlobalTypes
        tables = module.allTables
        memoryCount = module.allMemories.count
        memoryAddressTypes = module.allMemories.map(\.addressType)
        dataCount = max(module.data.count, Int(module.dataCount ?? 0))
        elementCount = module.elements.count
    }
}

/// A class rather than a struct: the operand-visiting closures capture it, and a struct would be
/// copied, arrays and all, for every instruction.
final class IRVerifier {
    let function: IRFunction
    let declarations: ModuleDeclarations?
    /// Block of each value's definition (`UInt32.max` while undefined).
    private var definitionBlock: [UInt32]
    /// Position of each definition in its block: -1 for a block parameter, else the instruction index.
    private var definitionPosition: [Int32]

    // Location of the check in progress, for error messages.
    private var currentBlock: BlockID?
    private var currentLocation: IRVerificationError.Location = .function

    init(function: IRFunction, declarations: ModuleDeclarations?) {
        self.function = function
        self.declarations = declarations
        definitionBlock = [UInt32](repeating: .max, count: function.valueTypes.count)
        definitionPosition = [Int32](repeating: 0, count: function.valueTypes.count)
    }

    func run() throws(IRVerificationError) {
        try checkShape()
        try collectDefinitions()
        let uses = UseChecker(definitionBlock: definitionBlock, definitionPosition: definitionPosition,
                              dominators: DominatorTree(function))
        for block in function.blocks {
            try checkBlock(block, uses)
        }
    }

    // MARK: - Shape and definitions

    private func checkShape() throws(IRVerificationError) {
        guard !function.blocks.isEmpty else { throw failure("function has no blocks") }
        for (position, block) in function.blocks.enumerated() where Int(block.id.index) != position {
            throw failure("block at position \(position) has id \(block.id)")
        }
        let entry = function.blocks[0]
        currentBlock = entry.id
        currentLocation = .parameters
        guard entry.parameters.count == function.type.parameters.count else {
            throw failure("entry block has \(entry.parameters.count) parameters, the function type \(function.type.parameters.count)")
        }
        for block in function.blocks {
            currentBlock = block.id
            currentLocation = .terminator
            guard let terminator = block.terminator else { throw failure("block has no terminator") }
            for call in terminator.successors {
                guard Int(call.block.index) < function.blocks.count else { throw failure("branch to missing \(call.block)") }
                guard call.block != function.entry else { throw failure("branch to the entry block") }
            }
        }
    }

    private func collectDefinitions() throws(IRVerificationError) {
        // Local arrays instead of properties: this loop visits every value of the function.
        var blockOf = [UInt32](repeating: .max, count: function.valueTypes.count)
        var positionOf = [Int32](repeating: 0, count: function.valueTypes.count)
        func define(_ value: Value, _ block: BlockID, _ position: Int32) -> String? {
            let index = Int(value.index)
            guard index < blockOf.count else { return "\(value) has no entry in the value type table" }
            guard blockOf[index] == .max else { return "\(value) is defined twice (first in block\(blockOf[index]))" }
            blockOf[index] = block.index
            positionOf[index] = position
            return nil
        }
        for block in function.blocks {
            for parameter in block.parameters {
                if let problem = define(parameter, block.id, -1) {
                    currentBlock = block.id
                    currentLocation = .parameters
                    throw failure(problem)
                }
            }
            try block.instructions.withUnsafeBufferPointer { (instructions) throws(IRVerificationError) in
                for position in instructions.indices {
                    for result in instructions[position].results {
                        if let problem = define(result, block.id, Int32(truncatingIfNeeded: position)) {
                            currentBlock = block.id
                            currentLocation = .instruction(position)
                            throw failure(problem)
                        }
                    }
                }
            }
        }
        definitionBlock = blockOf
        definitionPosition = positionOf
        if let undefined = definitionBlock.firstIndex(of: .max) {
            throw failure("v\(undefined) has a type but no definition")
        }
    }

    // MARK: - Blocks

    private func checkBlock(_ block: IRBlock, _ uses: UseChecker) throws(IRVerificationError) {
        currentBlock = block.id
        if block.id == function.entry {
            currentLocation = .parameters
            for (parameter, expected) in zip(block.parameters, function.type.parameters) where type(of: parameter) != expected {
                throw failure("entry parameter \(parameter) has type \(type(of: parameter)), the function type \(expected)")
            }
        }
        try block.instructions.withUnsafeBufferPointer { (instructions) throws(IRVerificationError) in
            for position in instructions.indices {
                currentLocation = .instruction(position)
                let use = Int32(truncatingIfNeeded: position)
                try instructions[position].operation.forEachOperand { (value) throws(IRVerificationError) in
                    if let problem = uses.check(value, in: block.id, at: use) { throw failure(problem) }
                }
                try checkTypes(of: instructions[position])
                if instructions[position].isTailCall { try checkTailCall(instructions[position], at: position, in: block) }
            }
        }
        currentLocation = .terminator
        guard let terminator = block.terminator else { throw failure("block has no terminator") }
        let end = Int32(truncatingIfNeeded: block.instructions.count)
        try terminator.forEachOperand { (value) throws(IRVerificationError) in
            if let problem = uses.check(value, in: block.id, at: end) { throw failure(problem) }
        }
        try checkTypes(of: terminator)
    }

    /// A tail call is a call whose block returns exactly its results, with only constants after it.
    private func checkTailCall(_ instruction: IRInstruction, at position: Int, in block: IRBlock) throws(IRVerificationError) {
        switch instruction.operation {
        case .call, .callIndirect: break
        default: throw failure("only a call can be a tail call")
        }
        for later in block.instructions[(position + 1)...] {
            guard case .constant = later.operation else { throw failure("a tail call must end its block") }
        }
        guard case .return(let values)? = block.terminator, values == instruction.results else {
            throw failure("a tail call's block must return the call's results")
        }
    }

    // MARK: - Types

    private func type(of value: Value) -> IRType {
        function.valueTypes[Int(value.index)]
    }

    /// `role` is only built when the check fails: most checks pass, and strings are not free.
    private func expect(_ value: Value, _ expected: IRType, _ role: @autoclosure () -> String) throws(IRVerificationError) {
        let actual = type(of: value)
        guard actual == expected else { throw failure("\(role()) \(value) has type \(actual), expected \(expected)") }
    }

    private func expectReference(_ value: Value, _ role: String) throws(IRVerificationError) {
        guard type(of: value).isReference else { throw failure("\(role) \(value) has type \(type(of: value)), expected a reference") }
    }

    /// The common case of one result, without building an array of expected types.
    private func expectResult(_ instruction: IRInstruction, _ expected: IRType) throws(IRVerificationError) {
        guard instruction.results.count == 1 else {
            throw failure("\(instruction.results.count) results, expected 1")
        }
        let result = instruction.results[0]
        guard type(of: result) == expected else {
            throw failure("result \(result) has type \(type(of: result)), expected \(expected)")
        }
    }

    private func expectResults(_ instruction: IRInstruction, _ expected: [IRType]) throws(IRVerificationError) {
        guard instruction.results.count == expected.count else {
            throw failure("\(instruction.results.count) results, expected \(expected.count)")
        }
        for (result, type) in zip(instruction.results, expected) where self.type(of: result) != type {
            throw failure("result \(result) has type \(self.type(of: result)), expected \(type)")
        }
    }

    private func expectAccess(_ access: MemoryAccess, size: Int) throws(IRVerificationError) {
        guard access.size == size else { throw failure("memory access of \(access.size) bytes, the operation accesses \(size)") }
        if let declarations, Int(access.memory) >= declarations.memoryCount {
            throw failure("memory \(access.memory) is not declared")
        }
    }

    private func checkTypes(of instruction: IRInstruction) throws(IRVerificationError) {
        switch instruction.operation {
        case .constant(let constant):
            try expectResult(instruction, constant.type)
        case .plain(let op, let operands):
            let signature = PlainSignature.of(op)
            guard operands.count == signature.operandCount else {
                throw failure("\(op.name) takes \(signature.operandCount) operands, got \(operands.count)")
            }
            for (position, operand) in operands.enumerated() {
                let type = position < 3 ? signature.operand(position) : op.operands[position]
                try expect(operand, type, "\(op.name) operand")
            }
            try expectResult(instruction, signature.result)
        case .select(let condition, let ifTrue, let ifFalse):
            try expect(condition, .i32, "select condition")
            try expect(ifFalse, type(of: ifTrue), "select operand")
            try expectResult(instruction, type(of: ifTrue))
        case .load(let op, let access, let address):
            try expectAccess(access, size: op.accessSize)
            try expectAddress(address, memoryAddressType(access.memory), "address")
            try expectResult(instruction, op.resultType)
        case .store(let op, let access, let address, let value):
            try expectAccess(access, size: op.accessSize)
            try expectAddress(address, memoryAddressType(access.memory), "address")
            try expect(value, op.valueType, "stored value")
            try expectResults(instruction, [])
        case .laneAccess(let op, let access, let lane, let address, let vector):
            try expectAccess(access, size: op.accessSize)
            guard Int(lane) < op.laneCount else { throw failure("lane \(lane) out of range for \(op.name)") }
            try expectAddress(address, memoryAddressType(access.memory), "address")
            try expect(vector, .v128, "vector")
            try expectResults(instruction, op.isStore ? [] : [.v128])
        case .shuffle(let lanes, let a, let b):
            guard lanes.count == 16, lanes.allSatisfy({ $0 < 32 }) else { throw failure("shuffle needs 16 lane indices below 32") }
            try expect(a, .v128, "shuffle operand")
            try expect(b, .v128, "shuffle operand")
            try expectResult(instruction, .v128)
        case .extractLane(let op, let lane, let vector):
            guard op != .i8x16, op != .i16x8 else { throw failure("\(op.rawValue) cannot extract a lane") }
            guard Int(lane) < op.laneCount else { throw failure("lane \(lane) out of range") }
            try expect(vector, .v128, "vector")
            try expectResult(instruction, op.scalarType)
        case .replaceLane(let op, let lane, let vector, let scalar):
            guard ![.i8x16S, .i8x16U, .i16x8S, .i16x8U].contains(op) else { throw failure("\(op.rawValue) cannot replace a lane") }
            guard Int(lane) < op.laneCount else { throw failure("lane \(lane) out of range") }
            try expect(vector, .v128, "vector")
            try expect(scalar, op.scalarType, "lane value")
            try expectResult(instruction, .v128)
        case .globalGet(let index):
            if let declarations {
                guard Int(index) < declarations.globals.count else { throw failure("global \(index) is not declared") }
                try expectResults(instruction, [declarations.globals[Int(index)].valueType])
            } else {
                guard instruction.results.count == 1 else { throw failure("global.get has one result") }
            }
        case .globalSet(let index, let value):
            if let declarations {
                guard Int(index) < declarations.globals.count else { throw failure("global \(index) is not declared") }
                let global = declarations.globals[Int(index)]
                guard global.mutability == .variable else { throw failure("global \(index) is immutable") }
                try expect(value, global.valueType, "global value")
            }
            try expectResults(instruction, [])
        case .call(let callee, let arguments):
            if let declarations {
                guard Int(callee) < declarations.functionTypes.count, let signature = declarations.functionTypes[Int(callee)] else {
                    throw failure("call of undeclared function \(callee)")
                }
                try checkCall(signature, arguments, instruction)
            }
        case .callIndirect(let typeIndex, let table, let callee, let arguments):
            try expectAddress(callee, try tableAddressType(table), "call_indirect index")
            if let declarations {
                guard Int(typeIndex) < declarations.types.count else { throw failure("type \(typeIndex) is not declared") }
                guard Int(table) < declarations.tables.count, declarations.tables[Int(table)].elementType == .funcref else {
                    throw failure("call_indirect through table \(table), which is not a funcref table")
                }
                try checkCall(declarations.types[Int(typeIndex)], arguments, instruction)
            }
        case .memorySize(let memory):
            try checkMemory(memory)
            try expectAddressResult(instruction, memoryAddressType(memory))
        case .memoryGrow(let memory, let delta):
            try checkMemory(memory)
            try expectAddress(delta, memoryAddressType(memory), "memory.grow delta")
            try expectAddressResult(instruction, memoryAddressType(memory))
        case .memoryInit(let data, let memory, let destination, let source, let count):
            try checkMemory(memory)
            if let declarations, Int(data) >= declarations.dataCount { throw failure("data segment \(data) is not declared") }
            try expectAddress(destination, memoryAddressType(memory), "memory.init destination")
            try expect(source, .i32, "memory.init source")
            try expect(count, .i32, "memory.init count")
            try expectResults(instruction, [])
        case .dataDrop(let data):
            if let declarations, Int(data) >= declarations.dataCount { throw failure("data segment \(data) is not declared") }
            try expectResults(instruction, [])
        case .memoryCopy(let destinationMemory, let sourceMemory, let destination, let source, let count):
            try checkMemory(destinationMemory)
            try checkMemory(sourceMemory)
            try expectCopy(destination, memoryAddressType(destinationMemory), source, memoryAddressType(sourceMemory), count)
            try expectResults(instruction, [])
        case .memoryFill(let memory, let destination, let value, let count):
            try checkMemory(memory)
            try expectAddress(destination, memoryAddressType(memory), "memory.fill destination")
            try expect(value, .i32, "memory.fill value")
            try expectAddress(count, memoryAddressType(memory), "memory.fill count")
            try expectResults(instruction, [])
        case .tableGet(let table, let index):
            try expectAddress(index, try tableAddressType(table), "table index")
            if let element = try tableElementType(table) {
                try expectResult(instruction, element)
            } else {
                guard instruction.results.count == 1 else { throw failure("table.get has one result") }
                try expectReference(instruction.results[0], "table.get result")
            }
        case .tableSet(let table, let index, let value):
            try expectAddress(index, try tableAddressType(table), "table index")
            try expectTableElement(value, table)
            try expectResults(instruction, [])
        case .tableSize(let table):
            _ = try tableElementType(table)
            try expectAddressResult(instruction, try tableAddressType(table))
        case .tableGrow(let table, let initial, let delta):
            try expectTableElement(initial, table)
            try expectAddress(delta, try tableAddressType(table), "table.grow delta")
            try expectAddressResult(instruction, try tableAddressType(table))
        case .tableFill(let table, let destination, let value, let count):
            try expectAddress(destination, try tableAddressType(table), "table.fill destination")
            try expectTableElement(value, table)
            try expectAddress(count, try tableAddressType(table), "table.fill count")
            try expectResults(instruction, [])
        case .tableCopy(let destinationTable, let sourceTable, let destination, let source, let count):
            let destinationType = try tableElementType(destinationTable)
            let sourceType = try tableElementType(sourceTable)
            if let destinationType, let sourceType, destinationType != sourceType {
                throw failure("table.copy between \(sourceType) and \(destinationType) tables")
            }
            try expectCopy(destination, try tableAddressType(destinationTable), source, try tableAddressType(sourceTable), count)
            try expectResults(instruction, [])
        case .tableInit(let element, let table, let destination, let source, let count):
            _ = try tableElementType(table)
            if let declarations, Int(element) >= declarations.elementCount { throw failure("element segment \(element) is not declared") }
            try expectAddress(destination, try tableAddressType(table), "table.init destination")
            try expect(source, .i32, "table.init source")
            try expect(count, .i32, "table.init count")
            try expectResults(instruction, [])
        case .elemDrop(let element):
            if let declarations, Int(element) >= declarations.elementCount { throw failure("element segment \(element) is not declared") }
            try expectResults(instruction, [])
        case .refNull(let type):
            try expectResult(instruction, type.valueType)
        case .refIsNull(let value):
            try expectReference(value, "ref.is_null operand")
            try expectResult(instruction, .i32)
        case .refFunc(let index):
            if let declarations, Int(index) >= declarations.functionTypes.count { throw failure("ref.func of undeclared function \(index)") }
            try expectResult(instruction, .funcref)
        case .trapIf(let condition, _):
            try expect(condition, .i32, "trap_if condition")
            try expectResults(instruction, [])
        }
    }

    private func checkCall(_ signature: FunctionType, _ arguments: [Value], _ instruction: IRInstruction) throws(IRVerificationError) {
        guard arguments.count == signature.parameters.count else {
            throw failure("call passes \(arguments.count) arguments, the callee takes \(signature.parameters.count)")
        }
        for (argument, type) in zip(arguments, signature.parameters) { try expect(argument, type, "argument") }
        try expectResults(instruction, signature.results)
    }

    private func checkMemory(_ memory: UInt32) throws(IRVerificationError) {
        if let declarations, Int(memory) >= declarations.memoryCount { throw failure("memory \(memory) is not declared") }
    }

    /// A memory's address type, or nil without a module to ask.
    private func memoryAddressType(_ memory: UInt32) -> IRType? {
        guard let declarations, Int(memory) < declarations.memoryAddressTypes.count else { return nil }
        return declarations.memoryAddressTypes[Int(memory)]
    }

    /// A table's address type, or nil without a module to ask.
    private func tableAddressType(_ table: UInt32) throws(IRVerificationError) -> IRType? {
        guard let declarations else { return nil }
        guard Int(table) < declarations.tables.count else { throw failure("table \(table) is not declared") }
        return declarations.tables[Int(table)].addressType
    }

    /// `value` has address type `type`, or (without a module) `i32` or `i64`.
    private func expectAddress(_ value: Value, _ type: IRType?, _ what: String) throws(IRVerificationError) {
        if let type { return try expect(value, type, what) }
        guard [.i32, .i64].contains(self.type(of: value)) else { throw failure("\(what) \(value) is not an address") }
    }

    private func expectAddressResult(_ instruction: IRInstruction, _ type: IRType?) throws(IRVerificationError) {
        if let type { return try expectResult(instruction, type) }
        guard instruction.results.count == 1 else { throw failure("\(instruction.results.count) results, expected 1") }
        try expectAddress(instruction.results[0], nil, "result")
    }

    /// The operands of `memory.copy` and `table.copy`: the count is `i64` only between 64-bit ones.
    private func expectCopy(_ destination: Value, _ destinationType: IRType?, _ source: Value, _ sourceType: IRType?,
                            _ count: Value) throws(IRVerificationError) {
        try expectAddress(destination, destinationType, "copy destination")
        try expectAddress(source, sourceType, "copy source")
        if let destinationType, let sourceType {
            try expect(count, destinationType == .i64 && sourceType == .i64 ? .i64 : .i32, "copy count")
        } else {
            try expectAddress(count, nil, "copy count")
        }
    }

    /// The element type of `table`, or nil without a module to ask.
    private func tableElementType(_ table: UInt32) throws(IRVerificationError) -> IRType? {
        guard let declarations else { return nil }
        guard Int(table) < declarations.tables.count else { throw failure("table \(table) is not declared") }
        return declarations.tables[Int(table)].elementType.valueType
    }

    private func expectTableElement(_ value: Value, _ table: UInt32) throws(IRVerificationError) {
        if let element = try tableElementType(table) {
            try expect(value, element, "table element")
        } else {
            try expectReference(value, "table element")
        }
    }

    private func checkTypes(of terminator: Terminator) throws(IRVerificationError) {
        switch terminator {
        case .jump(let call):
            try checkArguments(call)
        case .branch(let condition, let ifTrue, let ifFalse):
            try expect(condition, .i32, "branch condition")
            try checkArguments(ifTrue)
            try checkArguments(ifFalse)
        case .switchTable(let index, let targets, let defaultTarget):
            try expect(index, .i32, "br_table index")
            for target in targets { try checkArguments(target) }
            try checkArguments(defaultTarget)
        case .return(let values):
            let expected = function.type.results
            guard values.count == expected.count else {
                throw failure("returns \(values.count) values, the function type \(expected.count)")
            }
            for (value, type) in zip(values, expected) { try expect(value, type, "return value") }
        case .trap:
            break
        }
    }

    private func checkArguments(_ call: BlockCall) throws(IRVerificationError) {
        let parameters = function[call.block].parameters
        guard call.arguments.count == parameters.count else {
            throw failure("branch to \(call.block) passes \(call.arguments.count) arguments, it has \(parameters.count) parameters")
        }
        for (argument, parameter) in zip(call.arguments, parameters) {
            try expect(argument, type(of: parameter), "argument for \(call.block)")
        }
    }

    private func failure(_ message: String) -> IRVerificationError {
        IRVerificationError(function: function.index, block: currentBlock, location: currentLocation, message: message)
    }
}

/// A use must see its definition: earlier in the same block, or in a dominating block. Code that
/// cannot run (unreachable blocks) only needs its values defined.
struct UseChecker {
    let definitionBlock: [UInt32]
    let definitionPosition: [Int32]
    let dominators: DominatorTree

    /// What is wrong with using `value` at `position` of `block`, or nil.
    func check(_ value: Value, in block: BlockID, at position: Int32) -> String? {
        let index = Int(value.index)
        guard index < definitionBlock.count, definitionBlock[index] != .max else {
            return "use of undefined \(value)"
        }
        let definedIn = BlockID(definitionBlock[index])
        if definedIn == block {
            return definitionPosition[index] < position ? nil : "use of \(value) before its definition"
        }
        guard dominators.isReachable(block), !dominators.dominates(definedIn, block) else { return nil }
        return "use of \(value) (defined in \(definedIn)) is not dominated by its definition"
    }
}

/// A plain operator's signature without arrays: the shared table hands out operand lists as
/// arrays, which costs reference counting on every lookup.
struct PlainSignature {
    let operandCount: Int
    let operands: (IRType, IRType, IRType)
    let result: IRType

    /// The first three operand types (no 2.0 operator takes more); past the count they read as i32.
    func operand(_ position: Int) -> IRType {
        switch position {
        case 0: operands.0
        case 1: operands.1
        default: operands.2
        }
    }

    static func of(_ op: PlainOp) -> PlainSignature { table[Int(op.rawValue)] }

    private static let table: [PlainSignature] = PlainOp.allCases.map { op in
        let types = op.operands
        return PlainSignature(operandCount: types.count,
                              operands: (types.count > 0 ? types[0] : .i32, types.count > 1 ? types[1] : .i32,
                                         types.count > 2 ? types[2] : .i32),
                              result: op.result)
    }
}
