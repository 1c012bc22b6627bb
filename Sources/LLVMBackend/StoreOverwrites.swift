import WasmBinary
import WasmIR

/// Which stores another store in the same function may overwrite completely, so that LLVM's dead-store
/// elimination could delete them: such a store does not keep the value it writes alive (`LoadAnchoring`).
///
/// Addresses are compared as LLVM can: a root value plus a constant (`add` of constants folded, constant
/// addresses with no root). Stores whose roots differ are assumed to be distinct, as LLVM cannot prove
/// them equal; different roots that happen to hold the same number are not a concern, since
/// dead-store elimination needs a proof.
struct StoreOverwrites {
    private struct Address: Hashable {
        var root: Value?
        var displacement: Int
    }

    private struct StoreRange {
        var block: BlockID
        var position: Int
        var root: Value?
        var start: Int
        var end: Int
    }

    private var overwritten: Set<[Int]> = []

    init(_ function: IRFunction) {
        var definitions: [Int: Operation] = [:]
        var stores: [StoreRange] = []
        for block in function.blocks {
            for instruction in block.instructions {
                if instruction.results.count == 1 { definitions[Int(instruction.results[0].index)] = instruction.operation }
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
        for block in function.blocks {
            for (position, instruction) in block.instructions.enumerated() {
                guard case .store(let op, let access, let pointer, _) = instruction.operation else { continue }
                let base = address(of: pointer)
                let start = base.displacement + Int(access.offset)
                stores.append(StoreRange(block: block.id, position: position, root: base.root,
                                         start: start, end: start + op.accessSize))
            }
        }
        let byRoot = Dictionary(grouping: stores.indices) { stores[$0].root }
        for group in byRoot.values where group.count > 1 {
            for first in group {
                for second in group where second != first {
                    let (a, b) = (stores[first], stores[second])
                    if b.start <= a.start && a.end <= b.end {
                        overwritten.insert([Int(a.block.index), a.position])
                        break
                    }
                }
            }
        }
    }

    /// Whether the store at `position` of `block` may be overwritten by another store of the function.
    func mayBeOverwritten(_ block: BlockID, _ position: Int) -> Bool {
        overwritten.contains([Int(block.index), position])
    }
}
