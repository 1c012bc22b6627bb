/// Completing a function: seal what is left, drop blocks no branch reaches, substitute removed
/// parameters and number blocks and values densely in definition order.
extension FunctionBuilder {
    /// The finished function. The builder is spent afterwards.
    public mutating func finish() throws(FunctionBuilderError) -> IRFunction {
        sealAllBlocks()
        if let misuse { throw misuse }
        removeTrivialParameters()

        // Blocks reachable from the entry, kept in creation order.
        let blockCount = function.blocks.count
        var reachable = [Bool](repeating: false, count: blockCount)
        var worklist: [Int] = [0]
        reachable[0] = true
        while let index = worklist.popLast() {
            guard let terminator = function.blocks[index].terminator else {
                throw FunctionBuilderError("\(function.blocks[index].id) has no terminator")
            }
            for call in terminator.successors where !reachable[Int(call.block.index)] {
                reachable[Int(call.block.index)] = true
                worklist.append(Int(call.block.index))
            }
        }
        var newBlockIndex = [UInt32](repeating: .max, count: blockCount)
        var keptCount: UInt32 = 0
        for index in 0..<blockCount where reachable[index] {
            newBlockIndex[index] = keptCount
            keptCount += 1
        }

        // New value numbers in order of definition.
        var newValueIndex = [UInt32](repeating: .max, count: function.valueTypes.count)
        var valueTypes: [IRType] = []
        valueTypes.reserveCapacity(function.valueTypes.count)
        func number(_ value: Value) {
            newValueIndex[Int(value.index)] = UInt32(truncatingIfNeeded: valueTypes.count)
            valueTypes.append(function.valueTypes[Int(value.index)])
        }
        for index in 0..<blockCount where reachable[index] {
            for parameter in function.blocks[index].parameters { number(parameter) }
            for instruction in function.blocks[index].instructions {
                for result in instruction.results { number(result) }
            }
        }

        // A removed parameter takes the number of the value it stands for.
        for index in aliases.indices where aliases[index] != .max {
            newValueIndex[index] = newValueIndex[Int(resolve(Value(UInt32(index))).index)]
        }
        var undefinedUse: Value?
        let renumber: (Value) -> Value = { value in
            let index = Int(value.index)
            guard index < newValueIndex.count, newValueIndex[index] != .max else {
                if undefinedUse == nil { undefinedUse = value }
                return value
            }
            return Value(newValueIndex[index])
        }

        // Take the blocks out so each is rewritten in place rather than copied.
        var oldBlocks: [IRBlock] = []
        swap(&oldBlocks, &function.blocks)
        var blocks: [IRBlock] = []
        blocks.reserveCapacity(Int(keptCount))
        for index in 0..<blockCount where reachable[index] {
            var block = IRBlock(id: BlockID(0))
            swap(&block, &oldBlocks[index])
            block.id = BlockID(newBlockIndex[index])
            for i in block.parameters.indices { block.parameters[i] = renumber(block.parameters[i]) }
            for i in block.instructions.indices {
                for r in block.instructions[i].results.indices {
                    block.instructions[i].results[r] = renumber(block.instructions[i].results[r])
                }
                block.instructions[i].operation.mapOperands(renumber)
            }
            block.terminator?.mapOperands(renumber)
            block.terminator?.mapSuccessors { call in call.block = BlockID(newBlockIndex[Int(call.block.index)]) }
            blocks.append(block)
        }
        if let undefinedUse { throw FunctionBuilderError("\(undefinedUse) is used but defined in no reachable block") }

        var result = function
        result.blocks = blocks
        result.valueTypes = valueTypes
        function = result
        return result
    }

    /// Removing one trivial parameter can make others trivial (a loop header's parameter whose only
    /// other argument was a removed parameter); repeat to a fixed point, as Braun et al. do through
    /// the users of each removed phi. Entry parameters are the function's and stay.
    mutating func removeTrivialParameters() {
        var changed = true
        while changed {
            changed = false
            for index in function.blocks.indices.dropFirst() {
                var position = function.blocks[index].parameters.count - 1
                while position >= 0 {
                    let parameter = function.blocks[index].parameters[position]
                    if removeIfTrivial(parameter, of: BlockID(UInt32(index))) != parameter { changed = true }
                    position -= 1
                }
            }
        }
    }
}
