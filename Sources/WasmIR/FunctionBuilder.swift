import WasmBinary

/// A mutable variable of the source program (a wasm local) that the builder turns into SSA values.
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    public let index: UInt32
    public init(_ index: UInt32) { self.index = index }
    public var description: String { "var\(index)" }
}

/// Misuse of the builder (a translator bug, never the input's fault), reported by `finish()`.
public struct FunctionBuilderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "IR construction: \(message)" }
}

/// Builds an `IRFunction` in SSA form from code that reads and writes variables, after Braun et al.,
/// "Simple and Efficient Construction of Static Single Assignment Form" (CC 2013), with block
/// parameters in place of phis — the model of cranelift-frontend's `FunctionBuilder`.
///
/// Usage: create blocks, `switchToBlock`, `append` instructions, `defineVariable`/`useVariable`,
/// `terminate` each block, and `sealBlock` a block once all its predecessors have branched to it.
/// Explicit block parameters (`appendParameter`) must be added before the first branch to the block.
/// Misuse never traps: it is recorded and `finish()` throws it.
public struct FunctionBuilder {
    var function: IRFunction
    public private(set) var currentBlock: BlockID?

    var sealed: [Bool] = []
    /// Distinct predecessors of each block, in the order their branches were added.
    var predecessors: [[BlockID]] = []
    /// Parameters added for variables while a block was unsealed; they get arguments at sealing.
    var incompleteParameters: [[(variable: Variable, parameter: Value)]] = []
    var variableTypes: [IRType] = []
    /// The value of each variable at the end of each block, keyed by `variable << 32 | block`.
    var definitions = DefinitionTable()
    /// Per variable: the block and value of its most recent definition (`.max`: none yet).
    var lastDefinitionBlock: [UInt32] = []
    var lastDefinitionValue: [Value] = []
    /// For values replaced by another (removed trivial parameters): the replacement, else `.max`.
    var aliases: [UInt32] = []
    var misuse: FunctionBuilderError?

    // Scratch stacks of `useVariable`, kept to reuse their storage.
    var pendingTasks: [ResolutionTask] = []
    var pendingResults: [Value] = []
    var pendingChain: [BlockID] = []

    /// Starts a function whose entry block (current, sealed) has the signature's parameters.
    public init(index: UInt32, name: String?, type: FunctionType) {
        function = IRFunction(index: index, name: name, type: type)
        let entry = createBlock()
        for parameter in type.parameters { _ = appendParameter(to: entry, type: parameter) }
        sealed[0] = true
        currentBlock = entry
    }

    /// Sizes the builder's tables for a function of about `instructionCount` wasm instructions,
    /// sparing the rehashing and regrowth of large functions.
    public mutating func reserveCapacity(instructions instructionCount: Int) {
        let estimate = max(0, min(instructionCount, 1 << 24))
        function.valueTypes.reserveCapacity(estimate)
        aliases.reserveCapacity(estimate)
        if estimate > 64, definitions.isEmpty { definitions = DefinitionTable(minimumCapacity: estimate) }
    }

    public var signature: FunctionType { function.type }
    public var entryParameters: [Value] { function.blocks[0].parameters }

    // MARK: - Values and blocks

    public func type(of value: Value) -> IRType {
        Int(value.index) < function.valueTypes.count ? function.valueTypes[Int(value.index)] : .i32
    }

    mutating func makeValue(_ type: IRType) -> Value {
        let value = Value(UInt32(truncatingIfNeeded: function.valueTypes.count))
        function.valueTypes.append(type)
        aliases.append(.max)
        return value
    }

    public mutating func createBlock() -> BlockID {
        let block = BlockID(UInt32(truncatingIfNeeded: function.blocks.count))
        function.blocks.append(IRBlock(id: block))
        sealed.append(false)
        predecessors.append([])
        incompleteParameters.append([])
        return block
    }

    func isValid(_ block: BlockID) -> Bool { Int(block.index) < function.blocks.count }

    /// Adds a parameter to `block`; only before anything branches to it.
    public mutating func appendParameter(to block: BlockID, type: IRType) -> Value {
        let value = makeValue(type)
        guard isValid(block) else {
            record("parameter for missing \(block)")
            return value
        }
        if !predecessors[Int(block.index)].isEmpty { record("parameter added to \(block) after branches to it") }
        function.blocks[Int(block.index)].parameters.append(value)
        return value
    }

    public func parameters(of block: BlockID) -> [Value] {
        isValid(block) ? function.blocks[Int(block.index)].parameters : []
    }

    public func hasPredecessors(_ block: BlockID) -> Bool {
        isValid(block) && !predecessors[Int(block.index)].isEmpty
    }

    public func isTerminated(_ block: BlockID) -> Bool {
        isValid(block) && function.blocks[Int(block.index)].terminator != nil
    }

    /// Makes `block` the one `append` and `terminate` work on.
    public mutating func switchToBlock(_ block: BlockID) {
        guard isValid(block) else {
            record("switch to missing \(block)")
            return
        }
        currentBlock = block
    }

    // MARK: - Instructions

    /// Appends an instruction with results of the given types to the current block.
    @discardableResult
    public mutating func append(_ operation: Operation, resultTypes: [IRType]) -> [Value] {
        var results: [Value] = []
        results.reserveCapacity(resultTypes.count)
        for type in resultTypes { results.append(makeValue(type)) }
        appendInstruction(IRInstruction(results: results, operation: operation))
        return results
    }

    /// Appends an instruction with one result.
    public mutating func append(_ operation: Operation, resultType: IRType) -> Value {
        let result = makeValue(resultType)
        appendInstruction(IRInstruction(results: [result], operation: operation))
        return result
    }

    /// Appends an instruction without results.
    public mutating func append(_ operation: Operation) {
        appendInstruction(IRInstruction(results: [], operation: operation))
    }

    private mutating func appendInstruction(_ instruction: consuming IRInstruction) {
        guard let block = currentBlock else { return record("instruction outside any block") }
        guard function.blocks[Int(block.index)].terminator == nil else {
            return record("instruction after the terminator of \(block)")
        }
        function.blocks[Int(block.index)].instructions.append(instruction)
    }

    /// Marks the current block's last instruction, a call, as a tail call (see `IRInstruction.isTailCall`).
    public mutating func markTailCall() {
        guard let block = currentBlock, let last = function.blocks[Int(block.index)].instructions.indices.last else {
            return record("tail call mark without a call")
        }
        function.blocks[Int(block.index)].instructions[last].isTailCall = true
    }

    /// Ends the current block and records it as a predecessor of each target.
    public mutating func terminate(_ terminator: Terminator) {
        guard let block = currentBlock else { return record("terminator outside any block") }
        guard function.blocks[Int(block.index)].terminator == nil else {
            return record("second terminator for \(block)")
        }
        for call in terminator.successors {
            let target = Int(call.block.index)
            guard isValid(call.block) else { return record("branch to missing \(call.block)") }
            guard !sealed[target] else { return record("branch from \(block) to sealed \(call.block)") }
            let expected = function.blocks[target].parameters.count - incompleteParameters[target].count
            guard call.arguments.count == expected else {
                return record("branch to \(call.block) with \(call.arguments.count) arguments, expected \(expected)")
            }
            // A block terminates once, so its duplicate edges (br_table) arrive back to back.
            if predecessors[target].last != block {
                predecessors[target].append(block)
            }
        }
        function.blocks[Int(block.index)].terminator = terminator
    }

    mutating func record(_ message: String) {
        if misuse == nil { misuse = FunctionBuilderError(message) }
    }
}
