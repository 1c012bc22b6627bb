import WasmBinary

/// Variables: on-the-fly SSA construction (Braun et al.), iterative so that long chains of blocks
/// cannot exhaust the native stack.
extension FunctionBuilder {
    /// A step of variable resolution: look a variable up in a block, or, once every predecessor has
    /// been looked up, bind the results to a new block parameter's incoming edges.
    enum ResolutionTask {
        case lookUp(BlockID)
        case bindArguments(block: BlockID, parameter: Value)
    }

    public mutating func declareVariable(_ type: IRType) -> Variable {
        let variable = Variable(UInt32(truncatingIfNeeded: variableTypes.count))
        variableTypes.append(type)
        lastDefinitionBlock.append(.max)
        lastDefinitionValue.append(Value(0))
        return variable
    }

    public func type(of variable: Variable) -> IRType? {
        Int(variable.index) < variableTypes.count ? variableTypes[Int(variable.index)] : nil
    }

    /// Assigns `value` to `variable` at the current point of the current block.
    public mutating func defineVariable(_ variable: Variable, _ value: Value) {
        guard let block = currentBlock else { return record("definition of \(variable) outside any block") }
        guard let type = type(of: variable) else { return record("definition of undeclared \(variable)") }
        guard Int(value.index) < function.valueTypes.count else { return record("\(variable) assigned unknown \(value)") }
        if self.type(of: value) != type { record("\(variable) of type \(type) assigned \(value) of type \(self.type(of: value))") }
        setDefinition(variable, block, value)
    }

    /// The value `variable` holds at the current point of the current block. A variable never assigned
    /// reads as zero (or null), like a wasm local.
    public mutating func useVariable(_ variable: Variable) -> Value {
        guard let block = currentBlock else {
            record("use of \(variable) outside any block")
            return makeValue(.i32)
        }
        let index = Int(variable.index)
        if index < lastDefinitionBlock.count, lastDefinitionBlock[index] == block.index {
            let stored = lastDefinitionValue[index]
            guard aliases[Int(stored.index)] != .max else { return stored }
            // Remember the replacement, so later reads do not walk the alias chain again.
            let value = resolve(stored)
            setDefinition(variable, block, value)
            return value
        }
        return useVariable(variable, in: block)
    }

    /// Declares that every predecessor of `block` is known, completing its pending parameters.
    public mutating func sealBlock(_ block: BlockID) {
        guard isValid(block) else { return record("seal of missing \(block)") }
        let index = Int(block.index)
        guard !sealed[index] else { return }
        sealed[index] = true
        let pending = incompleteParameters[index]
        incompleteParameters[index] = []
        var arguments: [Value] = []
        for (variable, parameter) in pending {
            arguments.removeAll(keepingCapacity: true)
            for predecessor in predecessors[index] {
                arguments.append(useVariable(variable, in: predecessor))
            }
            _ = bind(parameter, of: block, to: arguments[...])
        }
    }

    public mutating func sealAllBlocks() {
        for index in function.blocks.indices where !sealed[index] {
            sealBlock(BlockID(UInt32(index)))
        }
    }

    // MARK: - Resolution

    func key(_ variable: Variable, _ block: BlockID) -> UInt64 {
        UInt64(variable.index) << 32 | UInt64(block.index)
    }

    /// The variable's value at the end of `block` as far as known. The last definition of each
    /// variable is cached beside the table, which answers most reads in the block being built.
    func definition(of variable: Variable, in block: BlockID) -> Value? {
        let index = Int(variable.index)
        if lastDefinitionBlock[index] == block.index { return lastDefinitionValue[index] }
        return definitions[key(variable, block)]
    }

    mutating func setDefinition(_ variable: Variable, _ block: BlockID, _ value: Value) {
        definitions.set(key(variable, block), value)
        lastDefinitionBlock[Int(variable.index)] = block.index
        lastDefinitionValue[Int(variable.index)] = value
    }

    /// Points every removed parameter straight at its final replacement (path compression), so that
    /// long chains — one per nesting level of loops — are walked once, not once per lookup.
    mutating func compressAliases() {
        var path: [Int] = []
        for start in aliases.indices where aliases[start] != .max {
            path.removeAll(keepingCapacity: true)
            var current = start
            while aliases[current] != .max {
                path.append(current)
                current = Int(aliases[current])
            }
            for index in path { aliases[index] = UInt32(current) }
        }
    }

    /// The value replacing `value`, following chains of removed parameters.
    func resolve(_ value: Value) -> Value {
        var current = value
        while Int(current.index) < aliases.count, aliases[Int(current.index)] != .max {
            current = Value(aliases[Int(current.index)])
        }
        return current
    }

    mutating func useVariable(_ variable: Variable, in block: BlockID) -> Value {
        guard let type = type(of: variable) else {
            record("use of undeclared \(variable)")
            return makeValue(.i32)
        }
        if let stored = definition(of: variable, in: block) {
            let value = resolve(stored)
            if value != stored { setDefinition(variable, block, value) }
            return value
        }

        // Borrow the scratch stacks (swap, so they stay uniquely referenced and are not copied).
        var tasks: [ResolutionTask] = []
        var results: [Value] = []
        var chain: [BlockID] = []
        swap(&tasks, &pendingTasks)
        swap(&results, &pendingResults)
        swap(&chain, &pendingChain)
        defer {
            swap(&tasks, &pendingTasks)
            swap(&results, &pendingResults)
            swap(&chain, &pendingChain)
        }
        // Element-wise clearing: the general range removal costs more than these few elements.
        while tasks.popLast() != nil {}
        while results.popLast() != nil {}
        tasks.append(.lookUp(block))
        while let task = tasks.popLast() {
            switch task {
            case .lookUp(let start):
                // Walk up single-predecessor chains of sealed blocks: no parameter is needed there.
                while chain.popLast() != nil {}
                var current = start
                var found: Value?
                while true {
                    if let value = definition(of: variable, in: current) {
                        found = resolve(value)
                        break
                    }
                    let index = Int(current.index)
                    guard sealed[index], predecessors[index].count == 1 else { break }
                    chain.append(current)
                    current = predecessors[index][0]
                    // A cycle of single-predecessor blocks is code no branch from the entry reaches.
                    if current == start || chain.count > function.blocks.count { break }
                }
                let value: Value
                let index = Int(current.index)
                if let found {
                    value = found
                } else if sealed[index], predecessors[index].count > 1 {
                    value = appendParameterForVariable(type, to: current)
                    setDefinition(variable, current, value)
                    for block in chain.reversed() { setDefinition(variable, block, value) }
                    tasks.append(.bindArguments(block: current, parameter: value))
                    for predecessor in predecessors[index].reversed() {
                        tasks.append(.lookUp(predecessor))
                    }
                    continue
                } else if sealed[index] {
                    // The entry, code no branch reaches, or a cycle of such code: the initial value.
                    value = appendZero(type, to: current)
                    setDefinition(variable, current, value)
                } else {
                    // Unsealed: more predecessors may come; the parameter's arguments wait for sealing.
                    value = appendParameterForVariable(type, to: current)
                    setDefinition(variable, current, value)
                    incompleteParameters[index].append((variable, value))
                }
                for block in chain.reversed() { setDefinition(variable, block, value) }
                results.append(value)
            case .bindArguments(let block, let parameter):
                let incoming = predecessors[Int(block.index)]
                let first = results.count - incoming.count
                guard first >= 0 else {
                    record("variable resolution lost track of its arguments")
                    return parameter
                }
                let value = bind(parameter, of: block, to: results[first...])
                for _ in 0..<incoming.count { results.removeLast() }
                results.append(value)
            }
        }
        return results.last.map(resolve) ?? makeValue(type)
    }

    private mutating func appendParameterForVariable(_ type: IRType, to block: BlockID) -> Value {
        let value = makeValue(type)
        function.blocks[Int(block.index)].parameters.append(value)
        return value
    }

    /// Appends the zero of `type` to `block`'s instructions: before its terminator, so the value is
    /// available to the branch arguments and to code after the current point.
    private mutating func appendZero(_ type: IRType, to block: BlockID) -> Value {
        let value = makeValue(type)
        let constant: Constant = switch type {
        case .i32: .i32(0)
        case .i64: .i64(0)
        case .f32: .f32(0)
        case .f64: .f64(0)
        case .v128: .v128(V128(bytes: [UInt8](repeating: 0, count: 16)))
        case .funcref: .null(.funcref)
        case .externref: .null(.externref)
        }
        function.blocks[Int(block.index)].instructions.append(IRInstruction(results: [value], operation: .constant(constant)))
        return value
    }

    /// Completes a variable's parameter with its incoming values, one per predecessor in order.
    /// When they are all one value (Braun's trivial phi) the parameter is dropped before any edge is
    /// touched — most parameters end this way — and the value is returned instead.
    private mutating func bind(_ parameter: Value, of block: BlockID, to arguments: ArraySlice<Value>) -> Value {
        let index = Int(block.index)
        var same: Value?
        var trivial = true
        for argument in arguments {
            let argument = resolve(argument)
            if argument == parameter || argument == same { continue }
            if same != nil {
                trivial = false
                break
            }
            same = argument
        }
        if trivial, let same, let position = function.blocks[index].parameters.lastIndex(of: parameter) {
            function.blocks[index].parameters.remove(at: position)
            aliases[Int(parameter.index)] = same.index
            return same
        }
        for (predecessor, argument) in zip(predecessors[index], arguments) {
            appendArgument(argument, from: predecessor, to: block)
        }
        return parameter
    }

    /// Adds `argument` to every edge from `predecessor` to `block`.
    private mutating func appendArgument(_ argument: Value, from predecessor: BlockID, to block: BlockID) {
        function.blocks[Int(predecessor.index)].terminator?.mapSuccessors { call in
            if call.block == block { call.arguments.append(argument) }
        }
    }

    /// Braun's trivial-phi removal: a parameter whose incoming arguments are all one value `v` (or
    /// the parameter itself) is replaced by `v`. Returns what the parameter now stands for.
    mutating func removeIfTrivial(_ parameter: Value, of block: BlockID) -> Value {
        let index = Int(block.index)
        guard let position = function.blocks[index].parameters.lastIndex(of: parameter) else { return parameter }
        var same: Value?
        var trivial = true
        var malformed = false
        /// Folds one edge's argument into `same`; false once two different values are seen.
        func consider(_ call: BlockCall) -> Bool {
            guard call.block == block else { return true }
            guard position < call.arguments.count else {
                malformed = true
                return false
            }
            let argument = resolve(call.arguments[position])
            if argument == parameter || argument == same { return true }
            if same != nil { return false }
            same = argument
            return true
        }
        edges: for predecessor in predecessors[index] {
            switch function.blocks[Int(predecessor.index)].terminator {
            case .jump(let call):
                trivial = consider(call)
            case .branch(_, let ifTrue, let ifFalse):
                trivial = consider(ifTrue) && consider(ifFalse)
            case .switchTable(_, let targets, let defaultTarget):
                trivial = consider(defaultTarget)
                for target in targets where trivial { trivial = consider(target) }
            case .return, .trap, nil:
                break
            }
            if !trivial { break edges }
        }
        if malformed { record("edge to \(block) lacks the argument for \(parameter)") }
        // Only self-references: the block is unreachable; keep the parameter.
        guard trivial, let same else { return parameter }
        function.blocks[index].parameters.remove(at: position)
        for predecessor in predecessors[index] {
            function.blocks[Int(predecessor.index)].terminator?.mapSuccessors { call in
                if call.block == block, position < call.arguments.count { call.arguments.remove(at: position) }
            }
        }
        aliases[Int(parameter.index)] = same.index
        return same
    }
}
