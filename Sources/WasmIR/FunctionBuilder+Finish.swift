/// Completing a function: seal what is left, drop blocks no branch reaches, substitute removed
/// parameters and close the gaps they leave in the value numbering.
extension FunctionBuilder {
    /// The finished function. The builder is spent afterwards.
    ///
    /// Values keep their creation order; only values that disappeared (removed parameters, code no
    /// branch reaches) are squeezed out, so functions without such values are not rewritten at all.
    public mutating func finish() throws(FunctionBuilderError) -> IRFunction {
        sealAllBlocks()
        if let misuse { throw misuse }
        removeTrivialParameters()
        compressAliases()

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
        var keptBlockCount: UInt32 = 0
        for index in 0..<blockCount where reachable[index] {
            newBlockIndex[index] = keptBlockCount
            keptBlockCount += 1
        }

        // Values that disappeared: removed parameters and whatever unreachable blocks define.
        let valueCount = function.valueTypes.count
        var gone = [Bool](repeating: false, count: valueCount)
        var anyGone = false
        for index in aliases.indices where aliases[index] != .max {
            gone[index] = true
            anyGone = true
        }
        for index in 0..<blockCount where !reachable[index] {
            for parameter in function.blocks[index].parameters {
                gone[Int(parameter.index)] = true
                anyGone = true
            }
            for instruction in function.blocks[index].instructions {
                for result in instruction.results {
                    gone[Int(result.index)] = true
                    anyGone = true
                }
            }
        }
        let allBlocksKept = Int(keptBlockCount) == blockCount
        if !anyGone && allBlocksKept { return function }

        // Close the gaps; a removed parameter takes the number of the value it stands for.
        var newValueIndex = [UInt32](repeating: .max, count: valueCount)
        var valueTypes: [IRType] = []
        valueTypes.reserveCapacity(valueCount)
        for index in 0..<valueCount where !gone[index] {
            newValueIndex[index] = UInt32(truncatingIfNeeded: valueTypes.count)
            valueTypes.append(function.valueTypes[index])
        }
        for index in aliases.indices where aliases[index] != .max {
            let target = Int(resolve(Value(UInt32(index))).index)
            newValueIndex[index] = gone[target] ? .max : newValueIndex[target]
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
        blocks.reserveCapacity(Int(keptBlockCount))
        for index in 0..<blockCount where reachable[index] {
            var block = IRBlock(id: BlockID(0))
            swap(&block, &oldBlocks[index])
            block.id = BlockID(newBlockIndex[index])
            if anyGone {
                for i in block.parameters.indices { block.parameters[i] = renumber(block.parameters[i]) }
                for i in block.instructions.indices {
                    for r in block.instructions[i].results.indices {
                        block.instructions[i].results[r] = renumber(block.instructions[i].results[r])
                    }
                    block.instructions[i].operation.mapOperands(renumber)
                }
                block.terminator?.mapOperands(renumber)
            }
            if !allBlocksKept {
                block.terminator?.mapSuccessors { call in call.block = BlockID(newBlockIndex[Int(call.block.index)]) }
            }
            blocks.append(block)
        }
        if let undefinedUse { throw FunctionBuilderError("\(undefinedUse) is used but defined in no reachable block") }

        function.blocks = blocks
        if anyGone { function.valueTypes = valueTypes }
        return function
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
