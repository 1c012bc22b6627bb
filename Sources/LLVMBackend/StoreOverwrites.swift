import WasmBinary
import WasmIR

/// Which stores a later store may overwrite before anything reads them, so that LLVM's dead-store
/// elimination could delete them: such a store does not keep the value it writes alive (`LoadAnchoring`).
///
/// Addresses are compared as LLVM can: a root value plus a constant (`add` of constants folded, constant
/// addresses with no root). As for dead-store elimination, a store is overwritable when every path from
/// it reaches a store covering it before anything that may read the stored bytes (a load that may
/// alias, a call, a runtime helper, a trap, a return); a search too long to settle counts as overwritable.
struct StoreOverwrites {
    private struct Address: Equatable {
        var root: Value?
        var displacement: Int
    }

    private struct Access {
        var address: Address
        var start: Int
        var end: Int
        var isStore: Bool
    }

    private var overwritten: Set<[Int]> = []
    /// Bounds the walk from each store; a store the walk cannot settle counts as overwritable.
    private static let searchBudget = 256

    init(_ function: IRFunction, dominators: DominatorTree) {
        var definitions: [Int: Operation] = [:]
        for block in function.blocks {
            for instruction in block.instructions where instruction.results.count == 1 {
                definitions[Int(instruction.results[0].index)] = instruction.operation
            }
        }
        func address(of value: Value, depth: Int = 0) -> Address {
            guard depth < 16, let definition = definitions[Int(value.index)] else { return Address(root: value, displacement: 0) }
            switch definition {
            case .constant(.i32(let bits)):
                return Address(root: nil, displacement: Int(bits))
            case .plain(.i32Add, let operands):
                for (index, operand) in operands.enumerated() {
                    if case .constant(.i32(let bits))? = definitions[Int(operand.index)] {
                        var inner = address(of: operands[1 - index], depth: depth + 1)
                        inner.displacement += Int(Int32(bitPattern: bits))
                        return inner
                    }
                }
                return Address(root: value, displacement: 0)
            default:
                return Address(root: value, displacement: 0)
            }
        }
        func access(_ operation: Operation) -> Access? {
            switch operation {
            case .store(let op, let memoryAccess, let pointer, _):
                let base = address(of: pointer)
                // A memory64 offset may exceed Int: wrap, as the 64-bit address arithmetic does.
                let start = base.displacement &+ Int(truncatingIfNeeded: memoryAccess.offset)
                return Access(address: base, start: start, end: start &+ op.accessSize, isStore: true)
            case .load(let op, let memoryAccess, let pointer):
                let base = address(of: pointer)
                let start = base.displacement &+ Int(truncatingIfNeeded: memoryAccess.offset)
                return Access(address: base, start: start, end: start &+ op.accessSize, isStore: false)
            default:
                return nil
            }
        }

        for (blockIndex, block) in function.blocks.enumerated() {
            for (position, instruction) in block.instructions.enumerated() {
                guard let stored = access(instruction.operation), stored.isStore else { continue }
                var budget = Self.searchBudget
                var visiting: Set<[Int]> = []
                /// Whether every path from `from` in `current` overwrites the store before anything may
                /// read it. Past a loop's back edge one SSA value may hold another address, so equal
                /// roots prove nothing there; the store reached again is not its own killer.
                func killed(_ current: Int, from: Int, looped: Bool) -> Bool {
                    let instructions = function.blocks[current].instructions
                    for index in from..<instructions.count {
                        budget -= 1
                        if budget < 0 { return true }  // unsettled: assume the worst
                        if current == blockIndex && index == position { return false }
                        let operation = instructions[index].operation
                        if let other = access(operation) {
                            let sameRoot = other.address.root == stored.address.root && (!looped || stored.address.root == nil)
                            if other.isStore {
                                if sameRoot && other.start <= stored.start && stored.end <= other.end { return true }
                                continue
                            }
                            // A load LLVM cannot prove disjoint may read the stored bytes.
                            let disjoint = other.address.root == stored.address.root && !looped
                                && (other.end <= stored.start || stored.end <= other.start)
                            if !disjoint { return false }
                            continue
                        }
                        if Self.mayRead(operation) { return false }
                    }
                    guard let terminator = function.blocks[current].terminator else { return false }
                    let successors = terminator.successors.map(\.block)
                    // Returns and traps observe memory.
                    guard !successors.isEmpty else { return false }
                    for next in successors {
                        let crosses = looped || dominators.dominates(next, BlockID(UInt32(current)))
                        let key = [Int(next.index), crosses ? 1 : 0]
                        if visiting.contains(key) { return false }  // a cycle with no overwrite
                        visiting.insert(key)
                        defer { visiting.remove(key) }
                        if !killed(Int(next.index), from: 0, looped: crosses) { return false }
                    }
                    return true
                }
                if killed(blockIndex, from: position + 1, looped: false) { overwritten.insert([blockIndex, position]) }
            }
        }
    }

    /// Operations other than plain loads after which memory may be observed.
    private static func mayRead(_ operation: Operation) -> Bool {
        switch operation {
        case .constant, .select, .shuffle, .extractLane, .replaceLane, .globalGet, .globalSet, .memorySize,
             .tableSize, .refNull, .refIsNull, .refFunc, .dataDrop, .elemDrop:
            return false
        case .plain(let op, _):
            // A trapping operator's trap path calls the runtime.
            return op.traps
        default:
            return true
        }
    }

    /// Whether the store at `position` of `block` may be overwritten before it is read.
    func mayBeOverwritten(_ block: BlockID, _ position: Int) -> Bool {
        overwritten.contains([Int(block.index), position])
    }
}
