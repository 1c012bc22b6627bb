import WasmBinary
import WasmIR

/// Decides which loads may rely on the guard pages in guard-page mode and which need an explicit bounds
/// check (see `docs/design/trapping-loads.md`).
///
/// LLVM treats a load as free of side effects: it deletes a load whose result is not used, narrows it when
/// only some bytes are used, and sinks it past other traps into the path that uses it. A guard-page fault
/// is then lost, or replaced by a later trap. A load is left unchecked only when it is *anchored*: a chain
/// of operators that need every bit of their operand leads from its result to an instruction LLVM must
/// keep and that needs every bit of the value (a full-width store, a memory address, an import call, a
/// trap check), with no other trap or side effect in between in the same block. Every other load gets
/// the explicit check, which LLVM can neither delete nor move, while the load itself stays optimizable.
struct LoadAnchoring {
    /// Indexed by value: whether the load defining it needs an explicit check.
    private(set) var needsCheck: [Bool]

    /// A read of a value by an instruction or terminator, as far as anchoring is concerned.
    private enum UseRole {
        /// The instruction needs every bit of the value and is never deleted. `early`: it reads the value
        /// before it can trap itself (a store, a call's argument, a divisor), so the load may be followed
        /// directly by it; otherwise (a dividend, a `call_indirect` argument) the value is read only after
        /// the instruction's own checks, which a load must not be moved past.
        case anchor(early: Bool)
        /// Every bit of the value matters to `result`: the value is anchored when `result` is.
        case propagates(to: Value)
        /// A branch argument bound to `parameter` of `target`.
        case branchArgument(target: BlockID, parameter: Value)
        /// Anything else: the use may be deleted, or may need only some of the bits.
        case other
    }

    private struct Use {
        var block: BlockID
        /// Instruction index in the block; the terminator's is the instruction count.
        var position: Int
        var role: UseRole
    }

    /// Bounds the search per load; a load the search cannot settle is checked.
    private static let searchBudget = 256

    init(_ function: IRFunction, importedFunctionCount: Int) {
        let valueCount = function.valueTypes.count
        needsCheck = Array(repeating: false, count: valueCount)
        var constants = Array(repeating: false, count: valueCount)
        var uses = Array(repeating: [Use](), count: valueCount)
        var predecessorCounts = Array(repeating: 0, count: function.blocks.count)
        var barrierPositions = Array(repeating: [Int](), count: function.blocks.count)
        var loads: [(value: Value, block: BlockID, position: Int)] = []

        for block in function.blocks {
            for (position, instruction) in block.instructions.enumerated() {
                let operation = instruction.operation
                if case .constant = operation { instruction.results.forEach { constants[Int($0.index)] = true } }
                if Self.isBarrier(operation) { barrierPositions[Int(block.id.index)].append(position) }
                switch operation {
                case .load, .laneAccess(_, _, _, _, _) where !instruction.results.isEmpty:
                    loads.append((instruction.results[0], block.id, position))
                default: break
                }
            }
            let terminatorPosition = block.instructions.count
            for call in block.terminator?.blockCalls ?? [] {
                predecessorCounts[Int(call.block.index)] += 1
                let parameters = function[call.block].parameters
                for (argument, parameter) in zip(call.arguments, parameters) {
                    uses[Int(argument.index)].append(Use(block: block.id, position: terminatorPosition,
                                                         role: .branchArgument(target: call.block, parameter: parameter)))
                }
            }
        }
        let overwritable = StoreOverwrites(function)
        for block in function.blocks {
            for (position, instruction) in block.instructions.enumerated() {
                var roles = Self.operandRoles(instruction, constants: constants, importedFunctionCount: importedFunctionCount)
                if case .store = instruction.operation, overwritable.mayBeOverwritten(block.id, position) {
                    // Dead-store elimination may delete this store, and with it the only use of the value.
                    roles[1].1 = .other
                }
                for (operand, role) in roles {
                    uses[Int(operand.index)].append(Use(block: block.id, position: position, role: role))
                }
            }
        }

        let demanded = Self.demandedValues(uses: uses, valueCount: valueCount)
        let search = AnchorSearch(function: function, uses: uses, demanded: demanded,
                                  predecessorCounts: predecessorCounts, barrierPositions: barrierPositions)
        for load in loads {
            needsCheck[Int(load.value.index)] = !search.isAnchored(load.value, in: load.block, at: load.position)
        }
    }

    /// Values whose every bit reaches an anchor somewhere in the function, through operators that need
    /// all of their bits and through block parameters (a least fixed point, so a loop-carried value that
    /// is never used is not demanded).
    private static func demandedValues(uses: [[Use]], valueCount: Int) -> [Bool] {
        var demanded = Array(repeating: false, count: valueCount)
        var dependents = Array(repeating: [Value](), count: valueCount)
        var worklist: [Value] = []
        for (index, valueUses) in uses.enumerated() {
            for use in valueUses {
                switch use.role {
                case .anchor(_):
                    if !demanded[index] { demanded[index] = true; worklist.append(Value(UInt32(index))) }
                case .propagates(let result):
                    dependents[Int(result.index)].append(Value(UInt32(index)))
                case .branchArgument(_, let parameter):
                    dependents[Int(parameter.index)].append(Value(UInt32(index)))
                case .other:
                    break
                }
            }
        }
        while let value = worklist.popLast() {
            for source in dependents[Int(value.index)] where !demanded[Int(source.index)] {
                demanded[Int(source.index)] = true
                worklist.append(source)
            }
        }
        return demanded
    }

    /// The in-block search from a load to its anchor.
    private struct AnchorSearch {
        let function: IRFunction
        let uses: [[Use]]
        let demanded: [Bool]
        let predecessorCounts: [Int]
        let barrierPositions: [[Int]]

        /// The position of the first trap or side effect after `position` in `block`, or the terminator's.
        func barrierLimit(in block: BlockID, after position: Int) -> Int {
            barrierPositions[Int(block.index)].first { $0 > position } ?? function[block].instructions.count
        }

        func isAnchored(_ load: Value, in block: BlockID, at position: Int) -> Bool {
            var budget = LoadAnchoring.searchBudget
            return reachesAnchor(load, in: block, limit: barrierLimit(in: block, after: position), budget: &budget)
        }

        /// Whether `value` reaches an anchor in `block` at or before `limit` (the first barrier, which may
        /// itself be the anchor), or leaves the block through a branch when no barrier follows.
        private func reachesAnchor(_ value: Value, in block: BlockID, limit: Int, budget: inout Int) -> Bool {
            let terminatorPosition = function[block].instructions.count
            for use in uses[Int(value.index)] where use.block == block && use.position <= limit {
                budget -= 1
                if budget < 0 { return false }
                switch use.role {
                case .anchor(let early):
                    if use.position < limit || early { return true }
                case .propagates(let result):
                    if use.position < limit, reachesAnchor(result, in: block, limit: limit, budget: &budget) { return true }
                case .branchArgument(let target, let parameter):
                    guard limit == terminatorPosition else { continue }
                    if predecessorCounts[Int(target.index)] > 1 {
                        // A real phi: the value is computed before the edge; it only has to stay used.
                        if demanded[Int(parameter.index)] { return true }
                    } else if reachesAnchor(parameter, in: target, limit: barrierLimit(in: target, after: -1), budget: &budget) {
                        // A single predecessor: LLVM folds the parameter away and may sink into the target.
                        return true
                    }
                case .other:
                    continue
                }
            }
            return false
        }
    }
}

// MARK: - Classification of operations

extension LoadAnchoring {
    /// Instructions a load must not be moved across: anything that traps (other than another memory
    /// access, which traps the same way) or has a side effect.
    private static func isBarrier(_ operation: Operation) -> Bool {
        switch operation {
        case .store, .call, .callIndirect, .globalSet, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy,
             .memoryFill, .tableGet, .tableSet, .tableGrow, .tableFill, .tableCopy, .tableInit, .elemDrop, .trapIf:
            return true
        case .laneAccess(let op, _, _, _, _):
            return op.isStore
        case .plain(let op, _):
            return PlainOpDemand.of(op) == .trapping
        case .constant, .select, .load, .shuffle, .extractLane, .replaceLane, .globalGet, .memorySize, .tableSize,
             .refNull, .refIsNull, .refFunc:
            return false
        }
    }

    /// The role of each operand of `instruction`.
    private static func operandRoles(_ instruction: IRInstruction, constants: [Bool],
                                     importedFunctionCount: Int) -> [(Value, UseRole)] {
        let result = instruction.results.first
        func propagating(_ operand: Value) -> UseRole { result.map { .propagates(to: $0) } ?? .other }
        switch instruction.operation {
        case .constant, .globalGet, .memorySize, .dataDrop, .tableSize, .elemDrop, .refNull, .refFunc:
            return []
        case .plain(let op, let operands):
            let hasConstant = operands.contains { constants[Int($0.index)] }
            let hasRepeat = Set(operands).count < operands.count
            return operands.enumerated().map { index, operand in
                switch PlainOpDemand.of(op) {
                case .trapping:
                    // Division checks the divisor first and reads the dividend after; conversions read their one operand.
                    return (operand, .anchor(early: operands.count == 1 || index == 1))
                case .always where !hasRepeat: return (operand, propagating(operand))
                case .withoutConstants where !hasConstant && !hasRepeat: return (operand, propagating(operand))
                case .firstOperand where index == 0 && !hasRepeat: return (operand, propagating(operand))
                default: return (operand, .other)
                }
            }
        case .select(let condition, let ifTrue, let ifFalse):
            let passes = ifTrue != ifFalse && !constants[Int(condition.index)]
            return [(condition, .other), (ifTrue, passes ? propagating(ifTrue) : .other),
                    (ifFalse, passes ? propagating(ifFalse) : .other)]
        case .load(_, _, let address):
            return [(address, .anchor(early: true))]
        case .store(let op, _, let address, let stored):
            return [(address, .anchor(early: true)), (stored, op.storesWholeValue ? .anchor(early: true) : .other)]
        case .laneAccess(_, _, _, let address, let vector):
            return [(address, .anchor(early: true)), (vector, .other)]
        case .shuffle(_, let first, let second):
            return [(first, .other), (second, .other)]
        case .extractLane(_, _, let vector):
            return [(vector, .other)]
        case .replaceLane(_, _, let vector, let scalar):
            return [(vector, .other), (scalar, .other)]
        case .globalSet(_, let stored):
            // A later write to the same global may make this one dead.
            return [(stored, .other)]
        case .call(let function, let arguments):
            // A defined callee may be inlined and ignore the argument; an import is opaque.
            let role: UseRole = function < importedFunctionCount ? .anchor(early: true) : .other
            return arguments.map { ($0, role) }
        case .callIndirect(_, _, let callee, let arguments):
            // The callee index is checked (bounds, signature) before the arguments are passed.
            return arguments.map { ($0, .anchor(early: false)) } + [(callee, .anchor(early: true))]
        case .memoryGrow, .memoryInit, .memoryCopy, .memoryFill, .tableGet, .tableSet, .tableGrow,
             .tableFill, .tableCopy, .tableInit, .refIsNull, .trapIf:
            // Runtime calls and checks that compare the whole value (`ref.is_null` is a compare too).
            return instruction.operation.operands.map { ($0, .anchor(early: true)) }
        }
    }
}

extension StoreOp {
    /// Whether the store writes every bit of its value operand (no truncating store).
    var storesWholeValue: Bool {
        switch self {
        case .i32Store, .i64Store, .f32Store, .f64Store, .v128Store: true
        case .i32Store8, .i32Store16, .i64Store8, .i64Store16, .i64Store32: false
        }
    }
}

extension Terminator {
    /// The branch targets with their arguments.
    var blockCalls: [BlockCall] {
        switch self {
        case .jump(let call): [call]
        case .branch(_, let ifTrue, let ifFalse): [ifTrue, ifFalse]
        case .switchTable(_, let targets, let defaultTarget): targets + [defaultTarget]
        case .return, .trap: []
        }
    }
}
