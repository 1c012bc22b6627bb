import WasmBinary
import WasmIR

/// Where LLVM may find that control never goes on: a call of a defined function it may prove never
/// returns (every path ends in a trap), or a trapping operator of constants (a division by a zero
/// constant folds to the trap). Code after such a *cut* may be deleted as unreachable, and with it the
/// uses that kept a load alive; so may the arm a constant condition never takes (code after a loop
/// that never exits). `LoadAnchoring` reasons on the function as LLVM may see it: edges out of a block
/// with a cut and edges a constant condition does not take removed, uses after a cut ignored.
struct NoReturnCuts: Sendable {
    /// Per block: the position of its first cut.
    let firstCut: [Int?]
    /// Per block: the edges that remain.
    let liveEdges: [[BlockCall]]
    /// Dominators of the graph of the edges that remain.
    let dominators: DominatorTree

    init(_ function: IRFunction, importedFunctionCount: Int, mayNotReturn: [Bool]) {
        let constants = FoldedConstants(function)
        firstCut = function.blocks.map { block in
            block.instructions.firstIndex {
                Self.isCut($0.operation, importedFunctionCount: importedFunctionCount, mayNotReturn: mayNotReturn,
                           constants: constants)
            }
        }
        let cuts = firstCut
        liveEdges = function.blocks.indices.map { index in
            cuts[index] != nil ? [] : Self.takenEdges(function.blocks[index].terminator, constants: constants)
        }
        dominators = DominatorTree(successors: liveEdges.map { $0.map { Int($0.block.index) } })
    }

    /// Whether the instruction at `position` of `block` (the terminator at `instructions.count`) may still
    /// run once LLVM has deleted what follows cuts.
    func isLive(_ block: Int, _ position: Int) -> Bool {
        guard dominators.isReachable(BlockID(UInt32(block))) else { return false }
        guard let cut = firstCut[block] else { return true }
        return position <= cut
    }

    /// Whether the block's terminator may still run.
    func continues(_ block: Int) -> Bool {
        dominators.isReachable(BlockID(UInt32(block))) && firstCut[block] == nil
    }

    /// The edges out of `block` that may still be taken.
    func edges(of block: Int) -> [BlockCall] {
        dominators.isReachable(BlockID(UInt32(block))) ? liveEdges[block] : []
    }

    /// A terminator's edges, without those a constant condition or index never takes.
    private static func takenEdges(_ terminator: Terminator?, constants: FoldedConstants) -> [BlockCall] {
        switch terminator {
        case .branch(let condition, let ifTrue, let ifFalse)?:
            guard case .i32(let bits)? = constants.literals[condition] else { return [ifTrue, ifFalse] }
            return [bits != 0 ? ifTrue : ifFalse]
        case .switchTable(let index, let targets, let defaultTarget)?:
            guard case .i32(let bits)? = constants.literals[index] else { return targets + [defaultTarget] }
            return [Int(bits) < targets.count ? targets[Int(bits)] : defaultTarget]
        case let terminator?:
            return terminator.successors
        case nil:
            return []
        }
    }

    private static func isCut(_ operation: Operation, importedFunctionCount: Int, mayNotReturn: [Bool],
                              constants: FoldedConstants) -> Bool {
        switch operation {
        case .call(let callee, _):
            let defined = Int(callee) - importedFunctionCount
            return mayNotReturn.indices.contains(defined) && mayNotReturn[defined]
        case .plain(let op, let operands):
            return op.traps && operands.allSatisfy(constants.isConstant)
        default:
            return false
        }
    }

    /// Per defined function: whether LLVM may prove it never returns. The least fixed point of "a return
    /// is reachable without passing a cut": a function counts as not returning until shown otherwise,
    /// which is the safe side (more cuts keep fewer loads unchecked).
    static func mayNotReturn(_ functions: [IRFunction], importedFunctionCount: Int) -> [Bool] {
        var returns = Array(repeating: false, count: functions.count)
        let constants = functions.map(FoldedConstants.init)
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
                                      constants: FoldedConstants) -> Bool {
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
            for successor in takenEdges(block.terminator, constants: constants) where !visited[Int(successor.block.index)] {
                visited[Int(successor.block.index)] = true
                pending.append(Int(successor.block.index))
            }
        }
        return false
    }
}
