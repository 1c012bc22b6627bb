import WasmBinary

/// Generic access to the SSA values an instruction or terminator reads, so passes (verification, alias
/// resolution, renumbering) need not repeat the shape of every operation.
extension Operation {
    /// Calls `body` with each operand, in operation order.
    @inlinable
    public func forEachOperand<E: Error>(_ body: (Value) throws(E) -> Void) throws(E) {
        switch self {
        case .constant, .globalGet, .memorySize, .dataDrop, .tableSize, .elemDrop, .refNull, .refFunc:
            break
        case .plain(_, let operands):
            for operand in operands { try body(operand) }
        case .select(let condition, let ifTrue, let ifFalse):
            try body(condition); try body(ifTrue); try body(ifFalse)
        case .load(_, _, let address):
            try body(address)
        case .store(_, _, let address, let value):
            try body(address); try body(value)
        case .laneAccess(_, _, _, let address, let vector):
            try body(address); try body(vector)
        case .shuffle(_, let a, let b):
            try body(a); try body(b)
        case .extractLane(_, _, let vector):
            try body(vector)
        case .replaceLane(_, _, let vector, let scalar):
            try body(vector); try body(scalar)
        case .globalSet(_, let value):
            try body(value)
        case .call(_, let arguments):
            for argument in arguments { try body(argument) }
        case .callIndirect(_, _, let callee, let arguments):
            for argument in arguments { try body(argument) }
            try body(callee)
        case .memoryGrow(_, let delta):
            try body(delta)
        case .memoryInit(_, _, let destination, let source, let count):
            try body(destination); try body(source); try body(count)
        case .memoryCopy(_, _, let destination, let source, let count):
            try body(destination); try body(source); try body(count)
        case .memoryFill(_, let destination, let value, let count):
            try body(destination); try body(value); try body(count)
        case .tableGet(_, let index):
            try body(index)
        case .tableSet(_, let index, let value):
            try body(index); try body(value)
        case .tableGrow(_, let initial, let delta):
            try body(initial); try body(delta)
        case .tableFill(_, let destination, let value, let count):
            try body(destination); try body(value); try body(count)
        case .tableCopy(_, _, let destination, let source, let count):
            try body(destination); try body(source); try body(count)
        case .tableInit(_, _, let destination, let source, let count):
            try body(destination); try body(source); try body(count)
        case .refIsNull(let value):
            try body(value)
        case .trapIf(let condition, _):
            try body(condition)
        }
    }

    /// The operands, in operation order.
    public var operands: [Value] {
        var result: [Value] = []
        forEachOperand { result.append($0) }
        return result
    }

    /// Replaces every operand `v` with `transform(v)`.
    public mutating func mapOperands(_ transform: (Value) -> Value) {
        switch self {
        case .constant, .globalGet, .memorySize, .dataDrop, .tableSize, .elemDrop, .refNull, .refFunc:
            break
        case .plain(let op, var operands):
            // Drop this enum's reference first so the array is unique and is rewritten in place.
            self = .refNull(.funcref)
            for i in operands.indices { operands[i] = transform(operands[i]) }
            self = .plain(op, operands)
        case .select(let condition, let ifTrue, let ifFalse):
            self = .select(condition: transform(condition), ifTrue: transform(ifTrue), ifFalse: transform(ifFalse))
        case .load(let op, let access, let address):
            self = .load(op, access, address: transform(address))
        case .store(let op, let access, let address, let value):
            self = .store(op, access, address: transform(address), value: transform(value))
        case .laneAccess(let op, let access, let lane, let address, let vector):
            self = .laneAccess(op, access, lane: lane, address: transform(address), vector: transform(vector))
        case .shuffle(let lanes, let a, let b):
            self = .shuffle(lanes: lanes, transform(a), transform(b))
        case .extractLane(let op, let lane, let vector):
            self = .extractLane(op, lane: lane, transform(vector))
        case .replaceLane(let op, let lane, let vector, let scalar):
            self = .replaceLane(op, lane: lane, transform(vector), scalar: transform(scalar))
        case .globalSet(let index, let value):
            self = .globalSet(index, transform(value))
        case .call(let function, var arguments):
            self = .refNull(.funcref)
            for i in arguments.indices { arguments[i] = transform(arguments[i]) }
            self = .call(function: function, arguments: arguments)
        case .callIndirect(let type, let table, let callee, var arguments):
            self = .refNull(.funcref)
            for i in arguments.indices { arguments[i] = transform(arguments[i]) }
            self = .callIndirect(type: type, table: table, callee: transform(callee), arguments: arguments)
        case .memoryGrow(let memory, let delta):
            self = .memoryGrow(memory: memory, delta: transform(delta))
        case .memoryInit(let data, let memory, let destination, let source, let count):
            self = .memoryInit(data: data, memory: memory, destination: transform(destination),
                               source: transform(source), count: transform(count))
        case .memoryCopy(let destinationMemory, let sourceMemory, let destination, let source, let count):
            self = .memoryCopy(destinationMemory: destinationMemory, sourceMemory: sourceMemory,
                               destination: transform(destination), source: transform(source), count: transform(count))
        case .memoryFill(let memory, let destination, let value, let count):
            self = .memoryFill(memory: memory, destination: transform(destination), value: transform(value), count: transform(count))
        case .tableGet(let table, let index):
            self = .tableGet(table: table, index: transform(index))
        case .tableSet(let table, let index, let value):
            self = .tableSet(table: table, index: transform(index), value: transform(value))
        case .tableGrow(let table, let initial, let delta):
            self = .tableGrow(table: table, initial: transform(initial), delta: transform(delta))
        case .tableFill(let table, let destination, let value, let count):
            self = .tableFill(table: table, destination: transform(destination), value: transform(value), count: transform(count))
        case .tableCopy(let destinationTable, let sourceTable, let destination, let source, let count):
            self = .tableCopy(destinationTable: destinationTable, sourceTable: sourceTable,
                              destination: transform(destination), source: transform(source), count: transform(count))
        case .tableInit(let element, let table, let destination, let source, let count):
            self = .tableInit(element: element, table: table, destination: transform(destination),
                              source: transform(source), count: transform(count))
        case .refIsNull(let value):
            self = .refIsNull(transform(value))
        case .trapIf(let condition, let code):
            self = .trapIf(condition: transform(condition), code: code)
        }
    }
}

extension Terminator {
    /// The branch targets, in order (duplicates kept: a `br_table` may name a block twice).
    public var successors: [BlockCall] {
        switch self {
        case .jump(let call): [call]
        case .branch(_, let ifTrue, let ifFalse): [ifTrue, ifFalse]
        case .switchTable(_, let targets, let defaultTarget): targets + [defaultTarget]
        case .return, .trap: []
        }
    }

    /// Calls `body` with each value the terminator reads: its condition or index, return values and
    /// branch arguments.
    public func forEachOperand<E: Error>(_ body: (Value) throws(E) -> Void) throws(E) {
        switch self {
        case .jump(let call):
            for argument in call.arguments { try body(argument) }
        case .branch(let condition, let ifTrue, let ifFalse):
            try body(condition)
            for argument in ifTrue.arguments { try body(argument) }
            for argument in ifFalse.arguments { try body(argument) }
        case .switchTable(let index, let targets, let defaultTarget):
            try body(index)
            for target in targets { for argument in target.arguments { try body(argument) } }
            for argument in defaultTarget.arguments { try body(argument) }
        case .return(let values):
            for value in values { try body(value) }
        case .trap:
            break
        }
    }

    /// Rewrites every branch target in place.
    public mutating func mapSuccessors(_ transform: (inout BlockCall) -> Void) {
        // Each case drops this enum's references before the change, so that argument arrays are
        // uniquely referenced and changed in place rather than copied.
        switch self {
        case .jump(var call):
            self = .trap(.unreachable)
            transform(&call)
            self = .jump(call)
        case .branch(let condition, var ifTrue, var ifFalse):
            self = .trap(.unreachable)
            transform(&ifTrue)
            transform(&ifFalse)
            self = .branch(condition: condition, ifTrue: ifTrue, ifFalse: ifFalse)
        case .switchTable(let index, var targets, var defaultTarget):
            self = .trap(.unreachable)
            for i in targets.indices { transform(&targets[i]) }
            transform(&defaultTarget)
            self = .switchTable(index: index, targets: targets, defaultTarget: defaultTarget)
        case .return, .trap:
            break
        }
    }

    /// Replaces every value the terminator reads with `transform(v)`.
    public mutating func mapOperands(_ transform: (Value) -> Value) {
        switch self {
        case .branch(let condition, let ifTrue, let ifFalse):
            self = .branch(condition: transform(condition), ifTrue: ifTrue, ifFalse: ifFalse)
        case .switchTable(let index, let targets, let defaultTarget):
            self = .switchTable(index: transform(index), targets: targets, defaultTarget: defaultTarget)
        case .return(var values):
            self = .trap(.unreachable)
            for i in values.indices { values[i] = transform(values[i]) }
            self = .return(values)
            return
        case .jump, .trap:
            break
        }
        mapSuccessors { call in
            for i in call.arguments.indices { call.arguments[i] = transform(call.arguments[i]) }
        }
    }
}
