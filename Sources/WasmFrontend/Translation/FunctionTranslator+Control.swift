import WasmBinary
import WasmIR

/// Structured control flow to blocks with parameters. A `block` continues in the current IR block;
/// its destination block exists only if something branches out of it. A `loop` gets a header whose
/// parameters are the loop's parameters, sealed at `end` once every back edge is known. An `if`
/// branches to a then block and an else block; the else arm reuses the values the `if` took.
extension FunctionTranslator {
    mutating func blockSignature(_ blockType: BlockType) throws(TranslationError) -> FunctionType {
        guard let signature = context.module.blockSignature(blockType) else {
            throw failure("block type refers to an undeclared type")
        }
        return signature
    }

    mutating func translateBlock(_ blockType: BlockType) throws(TranslationError) {
        let signature = try blockSignature(blockType)
        guard stack.count >= signature.parameters.count else { throw failure("operand stack underflow") }
        frames.append(TranslationFrame(kind: .block, parameterTypes: signature.parameters, resultTypes: signature.results,
                                       stackHeight: stack.count - signature.parameters.count))
    }

    mutating func translateLoop(_ blockType: BlockType) throws(TranslationError) {
        let signature = try blockSignature(blockType)
        let header = builder.createBlock()
        var headerParameters: [Value] = []
        for type in signature.parameters { headerParameters.append(builder.appendParameter(to: header, type: type)) }
        let arguments = try pop(signature.parameters.count)
        builder.terminate(.jump(BlockCall(header, arguments)))
        builder.switchToBlock(header)
        frames.append(TranslationFrame(kind: .loop(header: header), parameterTypes: signature.parameters,
                                       resultTypes: signature.results, stackHeight: stack.count))
        stack.append(contentsOf: headerParameters)
    }

    mutating func translateIf(_ blockType: BlockType) throws(TranslationError) {
        let signature = try blockSignature(blockType)
        let condition = try pop()
        let parameters = try peek(signature.parameters.count)
        let thenBlock = builder.createBlock()
        let elseBlock = builder.createBlock()
        builder.terminate(.branch(condition: condition, ifTrue: BlockCall(thenBlock), ifFalse: BlockCall(elseBlock)))
        builder.sealBlock(thenBlock)
        builder.sealBlock(elseBlock)
        builder.switchToBlock(thenBlock)
        frames.append(TranslationFrame(kind: .if(elseBlock: elseBlock, elseSeen: false), parameterTypes: signature.parameters,
                                       resultTypes: signature.results, stackHeight: stack.count - parameters.count,
                                       ifParameters: parameters))
    }

    mutating func translateElse() throws(TranslationError) {
        guard let top = frames.indices.last, case .if(let elseBlock, false) = frames[top].kind else {
            throw failure("else without a matching if")
        }
        if reachable {
            try jumpToDestination(of: top)
        }
        truncateStack(to: frames[top].stackHeight)
        stack.append(contentsOf: frames[top].ifParameters)
        frames[top].kind = .if(elseBlock: elseBlock, elseSeen: true)
        builder.switchToBlock(elseBlock)
        reachable = true
    }

    mutating func translateEnd() throws(TranslationError) {
        guard let top = frames.indices.last else { throw failure("end without an open construct") }
        switch frames[top].kind {
        case .loop(let header):
            // Every back edge is in place: the header's variables can be completed.
            builder.sealBlock(header)
            if !reachable { truncateStack(to: frames[top].stackHeight) }
            frames.removeLast()
            return
        case .if(let elseBlock, false):
            // No else arm: it passes the parameters through, as the results.
            if reachable { try jumpToDestination(of: top) }
            truncateStack(to: frames[top].stackHeight)
            stack.append(contentsOf: frames[top].ifParameters)
            builder.switchToBlock(elseBlock)
            reachable = true
        case .block, .function, .if:
            break
        }
        let frame = frames[top]
        if let destination = frame.destination {
            if reachable { try jumpToDestination(of: top) }
            truncateStack(to: frame.stackHeight)
            builder.switchToBlock(destination)
            builder.sealBlock(destination)
            stack.append(contentsOf: builder.parameters(of: destination))
            reachable = true
        } else if !reachable {
            truncateStack(to: frame.stackHeight)
        }
        frames.removeLast()
        if frame.kind == .function, reachable {
            builder.terminate(.return(try pop(frame.resultTypes.count)))
            reachable = false
        }
    }

    /// Ends the current block with a jump to the frame's destination, passing the results.
    private mutating func jumpToDestination(of frameIndex: Int) throws(TranslationError) {
        let destination = destination(of: frameIndex)
        let results = try pop(frames[frameIndex].resultTypes.count)
        builder.terminate(.jump(BlockCall(destination, results)))
    }

    /// The frame's destination block, created with the results as parameters on first request.
    private mutating func destination(of frameIndex: Int) -> BlockID {
        if let destination = frames[frameIndex].destination { return destination }
        let destination = builder.createBlock()
        for type in frames[frameIndex].resultTypes { _ = builder.appendParameter(to: destination, type: type) }
        frames[frameIndex].destination = destination
        return destination
    }

    /// The frame a branch of this depth leaves (or, for a loop, restarts).
    private mutating func frameIndex(forDepth depth: UInt32) throws(TranslationError) -> Int {
        guard Int(depth) < frames.count else { throw failure("branch depth \(depth) exceeds the nesting") }
        return frames.count - 1 - Int(depth)
    }

    /// Where a branch to the frame goes and with which values from the top of the stack.
    private mutating func branchTarget(_ frameIndex: Int) throws(TranslationError) -> BlockCall {
        if case .loop(let header) = frames[frameIndex].kind {
            return BlockCall(header, try peek(frames[frameIndex].parameterTypes.count))
        }
        return BlockCall(destination(of: frameIndex), try peek(frames[frameIndex].resultTypes.count))
    }

    mutating func translateBranch(depth: UInt32) throws(TranslationError) {
        let target = try frameIndex(forDepth: depth)
        if frames[target].kind == .function {
            // Leaving the function body is returning; no block needed.
            try translateReturn()
            return
        }
        builder.terminate(.jump(try branchTarget(target)))
        reachable = false
    }

    mutating func translateBranchIf(depth: UInt32) throws(TranslationError) {
        let condition = try pop()
        let taken = try branchTarget(try frameIndex(forDepth: depth))
        let next = builder.createBlock()
        builder.terminate(.branch(condition: condition, ifTrue: taken, ifFalse: BlockCall(next)))
        builder.sealBlock(next)
        builder.switchToBlock(next)
    }

    mutating func translateBranchTable(depths: [UInt32], defaultDepth: UInt32) throws(TranslationError) {
        let index = try pop()
        var targets: [BlockCall] = []
        targets.reserveCapacity(depths.count)
        for depth in depths { targets.append(try branchTarget(try frameIndex(forDepth: depth))) }
        let defaultTarget = try branchTarget(try frameIndex(forDepth: defaultDepth))
        builder.terminate(.switchTable(index: index, targets: targets, defaultTarget: defaultTarget))
        reachable = false
    }

    mutating func translateReturn() throws(TranslationError) {
        builder.terminate(.return(try peek(builder.signature.results.count)))
        reachable = false
    }

    mutating func translateUnreachable() {
        builder.terminate(.trap(.unreachable))
        reachable = false
    }

    /// Unreachable code is not translated; only its nesting is tracked, to find the `else` or `end`
    /// where control can flow again (like Cranelift's `translate_unreachable_operator`).
    mutating func skipUnreachable(_ instruction: Instruction) throws(TranslationError) {
        switch instruction {
        case .block, .loop, .if:
            unreachableDepth += 1
        case .else:
            if unreachableDepth == 0 { try translateElse() }
        case .end:
            if unreachableDepth > 0 {
                unreachableDepth -= 1
            } else {
                try translateEnd()
            }
        default:
            break
        }
    }
}
