import WasmBinary
import WasmIR

/// Where LLVM may find that control never goes on: a call of a defined function it may prove never
/// returns (every path ends in a trap), or a trapping operator of constants (a division by a zero
/// constant folds to the trap). Code after such a *cut* may be deleted as unreachable, and with it the
/// uses that kept a load alive, so `LoadAnchoring` reasons on the function as LLVM may see it: edges out
/// of a block with a cut removed, uses after a cut ignored.
struct NoReturnCuts: Sendable {
    /// Per block: the position of its first cut.
    let firstCut: [Int?]
    /// Dominators of the graph without the edges out of blocks that have a cut.
    let dominators: DominatorTree

    init(_ function: IRFunction, importedFunctionCount: Int, mayNotReturn: [Bool]) {
        let constants = Self.constantValues(function)
        firstCut = function.blocks.map { block in
            block.instructions.firstIndex {
                Self.isCut($0.operation, importedFunctionCount: importedFunctionCount, mayNotReturn: mayNotReturn,
                           constants: constants)
            }
        }
        let cuts = firstCut
        dominators = DominatorTree(successors: function.blocks.indices.map { index in
            cuts[index] != nil ? [] : (function.blocks[index].terminator?.successors.map { Int($0.block.index) } ?? [])
        })
    }

    /// Whether the instruction at `position` of `block` (the terminator at `instructions.count`) may still
    /// run once LLVM has deleted what follows cuts.
    func isLive(_ block: Int, _ position: Int) -> Bool {
        guard dominators.isReachable(BlockID(UInt32(block))) else { return false }
        guard let cut = firstCut[block] else { return true }
        return position <= cut
    }

    /// Whether the block's terminator, and so its edges, may still run.
    func continues(_ block: Int) -> Bool {
        dominators.isReachable(BlockID(UInt32(block))) && firstCut[block] == nil
    }

    private static func isCut(_ operation: Operation, importedFunctionCount: Int, mayNotReturn: [Bool],
                              constants: Set<Value>) -> Bool {
        switch operation {
        case .call(let callee, _):
            let defined = Int(callee) - importedFunctionCount
            return mayNotReturn.indices.contains(defined) && mayNotReturn[defined]
        case .plain(let op, let operands):
            return op.traps && operands.allSatisfy(constants.contains)
        default:
            return false
        }
    }

    private static func constantValues(_ function: IRFunction) -> Set<Value> {
        var constants: Set<Value> = []
        for block in function.blocks {
            for instruction in block.instructions {
                if case .constant = instruction.operation { constants.formUnion(instruction.results) }
            }
        }
        return constants
    }

    /// Per defined function: whether LLVM may prove it never returns. The least fixed point of "a return
    /// is reachable without passing a cut": a function counts as not returning until shown otherwise,
    /// which is the safe side (more cuts keep fewer loads unchecked).
    static func mayNotReturn(_ functions: [IRFunction], importedFunctionCount: Int) -> [Bool] {
        var returns = Array(repeating: false, count: functions.count)
        let constants = functions.map(constantValues)
        var changed = true
        while changed {
            changed = false
            let known = returns.map { !$0 }
            for (index, function) in functions.enumerated() where !returns[index] {
                if reachesReturn(function, importedFunctionCount: importedFunctionCount, mayNotReturn: known,
                                 constants: constants[index]) {
                    returns[index] = true
                    changed = true
                }
            }
        }
        return returns.map { !$0 }
    }

    private static func reachesReturn(_ function: IRFunction, importedFunctionCount: Int, mayNotReturn: [Bool],
                                      constants: Set<Value>) -> Bool {
        guard !function.blocks.isEmpty else { return false }
        var visited = Array(repeating: false, count: function.blocks.count)
        var pending = [0]
        visited[0] = true
        while let index = pending.popLast() {
            let block = function.blocks[index]
            let cut = block.instructions.contains {
                isCut($0.operation, importedFunctionCount: importedFunctionCount, mayNotReturn: mayNotReturn, constants: constants)
            }
            if cut { continue }
            if case .return? = block.terminator { return true }
            for successor in block.terminator?.successors ?? [] where !visited[Int(successor.block.index)] {
                visited[Int(successor.block.index)] = true
                pending.append(Int(successor.block.index))
            }
        }
        return false
    }
}
