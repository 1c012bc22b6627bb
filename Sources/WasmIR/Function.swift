import WasmBinary

/// A constant operand.
public enum Constant: Hashable, Sendable {
    case i32(UInt32)
    case i64(UInt64)
    /// IEEE-754 bits.
    case f32(UInt32)
    case f64(UInt64)
    case v128(V128)
    case null(ReferenceType)

    public var type: IRType {
        switch self {
        case .i32: .i32
        case .i64: .i64
        case .f32: .f32
        case .f64: .f64
        case .v128: .v128
        case .null(let t): t.valueType
        }
    }
}

/// A memory access's static facts: the constant offset added to the dynamic address, the alignment hint
/// (log2) and the access width, so the backend and bounds-check elimination need not look back at wasm.
public struct MemoryAccess: Hashable, Sendable {
    public var memory: UInt32
    /// Above `UInt32.max` only for a 64-bit memory.
    public var offset: UInt64
    public var alignmentLog2: UInt32
    public var size: Int

    public init(memory: UInt32 = 0, offset: UInt64, alignmentLog2: UInt32, size: Int) {
        self.memory = memory
        self.offset = offset
        self.alignmentLog2 = alignmentLog2
        self.size = size
    }
}

/// The operation of a non-terminator instruction. Operands are SSA values; result types are recorded on
/// the instruction's results.
public enum Operation: Hashable, Sendable {
    case constant(Constant)
    /// Any operator with a fixed signature (numeric, conversion, most SIMD): wasm semantics, traps included
    /// (e.g. `i32.div_s` traps on a zero divisor and on overflow; the backend emits the checks).
    case plain(PlainOp, [Value])
    case select(condition: Value, ifTrue: Value, ifFalse: Value)

    case load(LoadOp, MemoryAccess, address: Value)
    case store(StoreOp, MemoryAccess, address: Value, value: Value)
    case laneAccess(LaneAccessOp, MemoryAccess, lane: UInt8, address: Value, vector: Value)
    case shuffle(lanes: [UInt8], Value, Value)
    case extractLane(LaneOp, lane: UInt8, Value)
    case replaceLane(LaneOp, lane: UInt8, Value, scalar: Value)

    case globalGet(UInt32)
    case globalSet(UInt32, Value)

    case call(function: UInt32, arguments: [Value])
    case callIndirect(type: UInt32, table: UInt32, callee: Value, arguments: [Value])

    case memorySize(memory: UInt32)
    case memoryGrow(memory: UInt32, delta: Value)
    case memoryInit(data: UInt32, memory: UInt32, destination: Value, source: Value, count: Value)
    case dataDrop(data: UInt32)
    case memoryCopy(destinationMemory: UInt32, sourceMemory: UInt32, destination: Value, source: Value, count: Value)
    case memoryFill(memory: UInt32, destination: Value, value: Value, count: Value)

    case tableGet(table: UInt32, index: Value)
    case tableSet(table: UInt32, index: Value, value: Value)
    case tableSize(table: UInt32)
    case tableGrow(table: UInt32, initial: Value, delta: Value)
    case tableFill(table: UInt32, destination: Value, value: Value, count: Value)
    case tableCopy(destinationTable: UInt32, sourceTable: UInt32, destination: Value, source: Value, count: Value)
    case tableInit(element: UInt32, table: UInt32, destination: Value, source: Value, count: Value)
    case elemDrop(element: UInt32)

    case refNull(ReferenceType)
    case refIsNull(Value)
    case refFunc(function: UInt32)

    /// Traps with `code` when `condition` (an i32) is non-zero; for checks made explicit in the IR.
    case trapIf(condition: Value, code: TrapCode)
}

/// A branch target with the arguments bound to its parameters.
public struct BlockCall: Hashable, Sendable {
    public var block: BlockID
    public var arguments: [Value]

    public init(_ block: BlockID, _ arguments: [Value] = []) {
        self.block = block
        self.arguments = arguments
    }
}

/// How a block ends.
public enum Terminator: Hashable, Sendable {
    case jump(BlockCall)
    /// Branches to `ifTrue` when the i32 `condition` is non-zero.
    case branch(condition: Value, ifTrue: BlockCall, ifFalse: BlockCall)
    /// `br_table`: `targets[index]`, or `defaultTarget` when the unsigned i32 `index` is out of range.
    case switchTable(index: Value, targets: [BlockCall], defaultTarget: BlockCall)
    case `return`([Value])
    case trap(TrapCode)
}

public struct IRInstruction: Hashable, Sendable {
    public var results: [Value]
    public var operation: Operation
    /// A `call` or `call_indirect` that is a wasm tail call (`return_call`, `return_call_indirect`):
    /// its block returns exactly its results (constants aside, nothing else follows), and the backend
    /// replaces the caller's frame with the callee's (constant stack).
    public var isTailCall: Bool

    public init(results: [Value], operation: Operation, isTailCall: Bool = false) {
        self.results = results
        self.operation = operation
        self.isTailCall = isTailCall
    }
}

public struct IRBlock: Hashable, Sendable {
    public var id: BlockID
    public var parameters: [Value]
    public var instructions: [IRInstruction]
    /// Nil only while the block is under construction.
    public var terminator: Terminator?

    public init(id: BlockID, parameters: [Value] = [], instructions: [IRInstruction] = [], terminator: Terminator? = nil) {
        self.id = id
        self.parameters = parameters
        self.instructions = instructions
        self.terminator = terminator
    }
}

/// One wasm function in SSA form. `blocks[0]` is the entry block; its parameters are the function's
/// parameters. `blocks[i].id.index == i` always holds.
public struct IRFunction: Hashable, Sendable {
    /// Index in the module's function index space (imports first).
    public var index: UInt32
    /// From the `name` section, an export, or nil.
    public var name: String?
    public var type: FunctionType
    public var blocks: [IRBlock]
    /// Type of each value, indexed by `Value.index`.
    public var valueTypes: [IRType]

    public init(index: UInt32, name: String?, type: FunctionType, blocks: [IRBlock] = [], valueTypes: [IRType] = []) {
        self.index = index
        self.name = name
        self.type = type
        self.blocks = blocks
        self.valueTypes = valueTypes
    }

    public var entry: BlockID { BlockID(0) }

    public func type(of value: Value) -> IRType { valueTypes[Int(value.index)] }

    public subscript(block: BlockID) -> IRBlock {
        get { blocks[Int(block.index)] }
        set { blocks[Int(block.index)] = newValue }
    }
}

/// A whole module in IR: the validated module's declarations plus one `IRFunction` per defined function.
public struct IRModule: Sendable {
    /// The decoded module (types, imports, tables, memories, globals, segments, exports, names).
    public var module: Module
    /// Defined functions, in order; `functions[i].index == importedFunctionCount + i`.
    public var functions: [IRFunction]

    public init(module: Module, functions: [IRFunction]) {
        self.module = module
        self.functions = functions
    }
}
