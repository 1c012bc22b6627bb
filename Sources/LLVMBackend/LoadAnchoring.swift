import WasmBinary
import WasmIR

/// Decides which loads may rely on the guard pages in guard-page mode and which need an explicit bounds
/// check (see `docs/design/trapping-loads.md`).
///
/// LLVM treats a load as free of side effects: it deletes a load whose result is not used, narrows it to
/// the bytes that are used, and sinks it past other traps into the path that uses it. A guard-page fault
/// is then lost, or replaced by a later trap. A load is left unchecked only when it is *anchored*: the
/// byte it reads last (the one past the end when an access straddles it) reaches, through operators
/// that must read it (`ByteDemand`), an instruction LLVM must keep (an *anchor*: a store, a memory
/// address, a call argument the callee keeps, a trap check, a result every caller keeps), with no other
/// trap or side effect (a *barrier*) in between. Every other load gets the explicit check, which LLVM
/// can neither delete nor move, while the load itself stays optimizable.
struct LoadAnchoring {
    /// What one function's analysis needs to know of the others (by defined-function index).
    struct Interface {
        var importedFunctionCount: Int
        /// Bytes of each parameter that the function's body keeps before any barrier.
        var parameterMasks: [[ByteMask]]
        /// Bytes of each result that every direct caller keeps.
        var resultMasks: [[ByteMask]]
        /// Per defined function: whether LLVM may prove it never returns (`NoReturnCuts`).
        var mayNotReturn: [Bool]
    }

    /// Indexed by value: whether the load defining it needs an explicit check.
    private(set) var needsCheck: [Bool]
    /// Bytes of each parameter this function keeps before its first barrier.
    private(set) var entryParameterMasks: [ByteMask] = []
    /// For each direct call of a defined function: the callee and the bytes of each result kept here.
    private(set) var callResultMasks: [(callee: Int, masks: [ByteMask])] = []

    let function: IRFunction
    let interface: Interface
    let constants: FoldedConstants
    /// Per value: (block, segment) of its definition; a barrier's results live in the next segment.
    private var definitionSite: [(block: Int, segment: Int)]
    /// Per block and instruction position: the segment (barriers before it).
    private var segments: [[Int]] = []
    private var predecessorCounts: [Int]
    private var incomingArguments: [Int: [Value]] = [:]
    /// Per value: the instruction defining it, or (-1, -1) for a block parameter.
    private var definingInstruction: [(block: Int, position: Int)]
    private var globalDemand: [ByteMask]
    private var entryMasks: [Int: [ByteMask]] = [:]
    private var inProgress: Set<Int> = []
    let overwrites: StoreOverwrites
    /// Per value: the block of each user, and the user's result when LLVM could sink the user too.
    private var users: [[(block: Int, sinkableResult: Value?)]]
    /// Dominators as LLVM may see the graph, without the edges out of blocks with a cut.
    private let dominators: DominatorTree
    private let cuts: NoReturnCuts
    /// Blocks entered from a block they dominate.
    private var loopHeaders: Set<Int> = []

    /// What does not change between rounds of the module's fixed point.
    struct FunctionFacts: Sendable {
        let overwrites: StoreOverwrites
        let cuts: NoReturnCuts
        let constants: FoldedConstants

        init(_ function: IRFunction, interface: Interface) {
            constants = FoldedConstants(function)
            overwrites = StoreOverwrites(function, dominators: DominatorTree(function))
            cuts = NoReturnCuts(function, importedFunctionCount: interface.importedFunctionCount,
                                mayNotReturn: interface.mayNotReturn)
        }
    }

    init(_ function: IRFunction, interface: Interface, facts: FunctionFacts? = nil) {
        self.function = function
        self.interface = interface
        let valueCount = function.valueTypes.count
        needsCheck = Array(repeating: false, count: valueCount)
        definitionSite = Array(repeating: (-1, -1), count: valueCount)
        definingInstruction = Array(repeating: (-1, -1), count: valueCount)
        users = Array(repeating: [], count: valueCount)
        predecessorCounts = Array(repeating: 0, count: function.blocks.count)
        globalDemand = Array(repeating: 0, count: valueCount)
        let facts = facts ?? FunctionFacts(function, interface: interface)
        cuts = facts.cuts
        constants = facts.constants
        dominators = facts.cuts.dominators
        overwrites = facts.overwrites
        if !function.blocks.isEmpty { predecessorCounts[0] = 1 }  // the entry edge
        collectDefinitions()
        collectUsers()
        computeGlobalDemand()
        for block in function.blocks.indices { analyzeBlock(block) }
        let entry = entryMask(of: 0)
        entryParameterMasks = function.blocks.first.map { block in
            block.parameters.indices.map { predecessorCounts[0] > 1 ? globalDemand[Int(block.parameters[$0].index)] : entry[$0] }
        } ?? []
    }

    // MARK: - Definitions

    private mutating func collectDefinitions() {
        for (blockIndex, block) in function.blocks.enumerated() {
            for parameter in block.parameters { definitionSite[Int(parameter.index)] = (blockIndex, 0) }
            var segment = 0
            var blockSegments: [Int] = []
            for (position, instruction) in block.instructions.enumerated() {
                blockSegments.append(segment)
                let barrier = Self.isBarrier(instruction.operation)
                for result in instruction.results {
                    definitionSite[Int(result.index)] = (blockIndex, barrier ? segment + 1 : segment)
                    definingInstruction[Int(result.index)] = (blockIndex, position)
                }
                if barrier { segment += 1 }
            }
            blockSegments.append(segment)  // the terminator
            segments.append(blockSegments)
            // Edges out of a block with a cut may be gone (the block ends in the cut's trap), and so may
            // those a constant condition does not take.
            for call in cuts.edges(of: blockIndex) {
                if dominators.dominates(call.block, block.id) { loopHeaders.insert(Int(call.block.index)) }
                predecessorCounts[Int(call.block.index)] += 1
                for (argument, parameter) in zip(call.arguments, function[call.block].parameters) {
                    incomingArguments[Int(parameter.index), default: []].append(argument)
                }
            }
        }
    }

    func constant(_ value: Value) -> Constant? { constants.literals[value] }

    /// Records, for each value, the blocks of its users; a pure user (which LLVM may sink along with
    /// the value) is followed to its own users instead.
    private mutating func collectUsers() {
        for (blockIndex, block) in function.blocks.enumerated() {
            for (position, instruction) in block.instructions.enumerated() where cuts.isLive(blockIndex, position) {
                let sinkable = !Self.isBarrier(instruction.operation) && instruction.results.count == 1
                instruction.operation.forEachOperand { operand in
                    users[Int(operand.index)].append((blockIndex, sinkable ? instruction.results[0] : nil))
                }
            }
            guard cuts.continues(blockIndex) else { continue }
            var operands: [Value] = []
            switch block.terminator {
            case .branch(let condition, _, _)?: operands.append(condition)
            case .switchTable(let index, _, _)?: operands.append(index)
            case .return(let results)?: operands += results
            default: break
            }
            for call in cuts.edges(of: blockIndex) { operands += call.arguments }
            for operand in operands { users[Int(operand.index)].append((blockIndex, nil)) }
        }
    }

    /// The blocks where `value` is consumed by something LLVM cannot sink (following pure users).
    private func consumingBlocks(of value: Value) -> Set<Int>? {
        var blocks: Set<Int> = []
        var pending = [value]
        var seen: Set<Value> = [value]
        var budget = 256
        while let current = pending.popLast() {
            for user in users[Int(current.index)] {
                budget -= 1
                if budget < 0 { return nil }
                if let result = user.sinkableResult {
                    if seen.insert(result).inserted { pending.append(result) }
                } else {
                    blocks.insert(user.block)
                }
            }
        }
        return blocks
    }

    /// Whether LLVM must leave a load in its block: no single successor dominates all its uses, so
    /// sinking has nowhere to go (a load used in the block itself is pinned too). With no barrier after
    /// it in the block and its last byte demanded somewhere, it then runs, whole, before the branch.
    private func isPinned(_ value: Value, in block: Int) -> Bool {
        guard let blocks = consumingBlocks(of: value) else { return false }
        if blocks.contains(block) { return true }
        for call in cuts.edges(of: block) {
            // LLVM does not sink into a loop (a header is entered again from inside it).
            let successor = call.block
            if loopHeaders.contains(Int(successor.index)) { continue }
            if blocks.allSatisfy({ dominators.dominates(successor, BlockID(UInt32($0))) }) { return false }
        }
        return true
    }

    // MARK: - Demand through the whole function

    /// Bytes of each value that reach an anchor anywhere, through operators and block parameters (a least
    /// fixed point, so a loop-carried value nobody uses is not demanded). Used for real phis, whose
    /// incoming values are computed before the edge and only have to stay used.
    private mutating func computeGlobalDemand() {
        var worklist: [Value] = []
        func demand(_ value: Value, _ mask: ByteMask) {
            let index = Int(value.index)
            let grown = globalDemand[index] | mask
            if grown != globalDemand[index] {
                globalDemand[index] = grown
                worklist.append(value)
            }
        }
        for (blockIndex, block) in function.blocks.enumerated() {
            for (position, instruction) in block.instructions.enumerated() where cuts.isLive(blockIndex, position) {
                // A trapping operator's result carries its demand to the operands through `transfer` here.
                for anchor in anchors(of: instruction, block: blockIndex, position: position, resultKept: false) {
                    demand(anchor.value, anchor.mask)
                }
            }
            guard cuts.continues(blockIndex) else { continue }
            if case .return(let results)? = block.terminator {
                for (result, mask) in zip(results, resultMasks) { demand(result, mask) }
            }
            if let condition = block.terminator.flatMap(keptCondition) { demand(condition, 0xF) }
        }
        while let value = worklist.popLast() {
            let mask = globalDemand[Int(value.index)]
            let site = definingInstruction[Int(value.index)]
            if site.block >= 0 {
                let instruction = function.blocks[site.block].instructions[site.position]
                for (operand, operandMask) in transfer(instruction, resultMask: mask) { demand(operand, operandMask) }
                if let address = Self.loadAddress(instruction.operation) { demand(address, 0xF) }
            } else {
                for argument in incomingArguments[Int(value.index)] ?? [] { demand(argument, mask) }
            }
        }
    }

    private var resultMasks: [ByteMask] {
        let index = Int(function.index) - interface.importedFunctionCount
        return interface.resultMasks.indices.contains(index) ? interface.resultMasks[index] : []
    }

    /// The condition of a branch that chooses between blocks that differ: LLVM keeps it, so its whole
    /// value is read. Arms of the same shape may be merged (hoisting identical code empties them), which
    /// would leave the condition unused.
    func keptCondition(_ terminator: Terminator) -> Value? {
        /// The block without its value numbers: arms with the same shape could be merged.
        func shape(_ block: BlockID) -> String {
            let target = function[block]
            var text = target.instructions.map { instruction -> String in
                switch instruction.operation {
                case .plain(let op, _): op.name
                case .constant(let constant): "\(constant)"
                case .load(let op, let access, _): "\(op.name) \(access.offset)"
                case .store(let op, let access, _, _): "\(op.name) \(access.offset)"
                case .call(let callee, _): "call \(callee)"
                case .globalGet(let index): "global.get \(index)"
                case .globalSet(let index, _): "global.set \(index)"
                default: "\(Mirror(reflecting: instruction.operation).children.first?.label ?? "\(instruction.operation)")"
                }
            }.joined(separator: ";")
            switch target.terminator {
            case .jump(let call)?: text += "|jump \(call.block)"
            case .branch(_, let a, let b)?: text += "|branch \(a.block) \(b.block)"
            case .switchTable(_, let targets, let fallback)?: text += "|switch \((targets + [fallback]).map(\.block))"
            case .return?: text += "|return"
            case .trap(let code)?: text += "|trap \(code)"
            case nil: break
            }
            return text
        }
        /// Arms without an effect LLVM must keep may fold into one another (or into a select whose result
        /// may be dropped), so only effects that nothing can delete count: a trap, a store no later store
        /// overwrites, an opaque call. A trapping operator, a load or its check may fold away (constant
        /// operands, a range LLVM knows, a check implied by an earlier one); so may a defined callee (inlined,
        /// or found pure), a `global.set` written again later, and a segment drop (a store to the instance).
        func hasEffect(_ block: BlockID) -> Bool {
            let target = function[block]
            if case .trap? = target.terminator { return true }
            return target.instructions.indices.contains { position in
                switch target.instructions[position].operation {
                case .store:
                    !overwrites.mayBeOverwritten(block, position)
                case .call(let callee, _):
                    Int(callee) < interface.importedFunctionCount
                case .callIndirect, .memoryGrow, .memoryInit, .memoryCopy, .memoryFill, .tableGet, .tableSet, .tableGrow,
                     .tableFill, .tableCopy, .tableInit:
                    true
                default:
                    false
                }
            }
        }
        func differ(_ a: BlockID, _ b: BlockID) -> Bool {
            guard a != b else { return false }
            if function[a].instructions.count != function[b].instructions.count { return true }
            return shape(a) != shape(b)
        }
        switch terminator {
        case .branch(let condition, let ifTrue, let ifFalse):
            // A constant condition folds (its value may be known to LLVM only).
            guard !constants.isConstant(condition) else { return nil }
            guard hasEffect(ifTrue.block) || hasEffect(ifFalse.block) else { return nil }
            return differ(ifTrue.block, ifFalse.block) ? condition : nil
        case .switchTable(let index, let targets, let defaultTarget):
            guard !constants.isConstant(index) else { return nil }
            let blocks = (targets + [defaultTarget]).map(\.block)
            guard blocks.contains(where: hasEffect) else { return nil }
            return blocks.contains(where: { differ(blocks[0], $0) }) ? index : nil
        default:
            return nil
        }
    }

    // MARK: - Demand within a block, before the next barrier

    /// Bytes of the block's parameters kept before its first barrier.
    private mutating func entryMask(of block: Int) -> [ByteMask] {
        if let known = entryMasks[block] { return known }
        guard !inProgress.contains(block) else { return function.blocks[block].parameters.map { _ in 0 } }
        analyzeBlock(block)
        return entryMasks[block] ?? []
    }

    /// One backward pass: each value collects the demand of uses in its own segment; loads whose last
    /// byte is demanded are anchored.
    private mutating func analyzeBlock(_ blockIndex: Int) {
        if entryMasks[blockIndex] != nil { return }
        inProgress.insert(blockIndex)
        defer { inProgress.remove(blockIndex) }
        let block = function.blocks[blockIndex]
        var local: [Int: ByteMask] = [:]
        func demand(_ value: Value, _ mask: ByteMask, segment: Int) {
            let site = definitionSite[Int(value.index)]
            guard site.block == blockIndex, site.segment == segment, mask != 0 else { return }
            local[Int(value.index), default: 0] |= mask
        }
        let terminatorSegment = segments[blockIndex][block.instructions.count]
        if let condition = block.terminator.flatMap(keptCondition) { demand(condition, 0xF, segment: terminatorSegment) }
        switch block.terminator {
        case .return(let results)?:
            for (result, mask) in zip(results, resultMasks) { demand(result, mask, segment: terminatorSegment) }
        case .some:
            for call in cuts.edges(of: blockIndex) {
                let target = Int(call.block.index)
                let parameters = function[call.block].parameters
                let masks = predecessorCounts[target] > 1
                    ? parameters.map { globalDemand[Int($0.index)] }
                    : entryMask(of: target)  // LLVM folds a single-predecessor parameter and may sink into it
                for (argument, mask) in zip(call.arguments, masks) { demand(argument, mask, segment: terminatorSegment) }
            }
        case nil:
            break
        }
        for position in block.instructions.indices.reversed() {
            let instruction = block.instructions[position]
            let segment = segments[blockIndex][position]
            let barrier = Self.isBarrier(instruction.operation)
            let resultKept = instruction.results.contains { local[Int($0.index)] ?? 0 != 0 }
            for anchor in anchors(of: instruction, block: blockIndex, position: position, resultKept: resultKept)
            where !barrier || anchor.early {
                demand(anchor.value, anchor.mask, segment: segment)
            }
            if !barrier, let result = instruction.results.first, let mask = local[Int(result.index)] {
                for (operand, operandMask) in transfer(instruction, resultMask: mask) { demand(operand, operandMask, segment: segment) }
            }
            if let loaded = Self.lastLoadedByte(instruction), let result = instruction.results.first {
                let anchoredHere = (local[Int(result.index)] ?? 0) & loaded != 0
                let staysInBlock = segment == terminatorSegment && globalDemand[Int(result.index)] & loaded != 0
                    && isPinned(result, in: blockIndex)
                needsCheck[Int(result.index)] = !(anchoredHere || staysInBlock)
                // A load whose result is kept here is performed here, so its address is computed here.
                if local[Int(result.index)] ?? 0 != 0, let address = Self.loadAddress(instruction.operation) {
                    demand(address, 0xF, segment: segment)
                }
            }
            if case .call(let callee, _) = instruction.operation, callee >= interface.importedFunctionCount {
                callResultMasks.append((Int(callee) - interface.importedFunctionCount,
                                        instruction.results.map { local[Int($0.index)] ?? 0 }))
            }
        }
        entryMasks[blockIndex] = block.parameters.map { local[Int($0.index)] ?? 0 }
    }
}
