import WasmBinary

/// Validates function bodies with the spec's operand-stack/control-stack algorithm. One instance is
/// reused for every body of a module so the stacks keep their storage.
/// > Note: https://webassembly.github.io/spec/core/appendix/algorithm.html
struct FunctionValidator {
    let context: ValidationContext
    let plainSignatures = PlainSignature.table
    /// The operand stack; nil is the "Unknown" type produced by popping below an unreachable frame.
    private(set) var operands: [ValueType?] = []
    private(set) var frames: [ControlFrame] = []
    var locals = LocalTypes()
    /// Offset of the instruction being validated, for error messages.
    var offset = 0

    init(context: ValidationContext) {
        self.context = context
        operands.reserveCapacity(64)
        frames.reserveCapacity(16)
    }

    /// Validates one body against its declared type.
    mutating func validate(_ body: FunctionBody, type: FunctionType) throws(WasmError) {
        operands.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        offset = body.byteRange.lowerBound
        try locals.reset(parameters: type.parameters, declarations: body.locals, at: offset)
        frames.append(ControlFrame(kind: .function, parameters: [], results: type.results, height: 0))
        let offsets = body.instructionOffsets
        for (index, instruction) in body.instructions.enumerated() {
            if index < offsets.count { offset = offsets[index] }
            guard !frames.isEmpty else { throw .malformed(at: offset, "operators remaining after end of function") }
            try validate(instruction)
        }
        guard frames.isEmpty else { throw .malformed(at: body.byteRange.upperBound, "unexpected end of section or function") }
    }

    // MARK: Operand stack

    func typeMismatch() -> WasmError { .invalid(at: offset, "type mismatch") }

    mutating func push(_ type: ValueType?) { operands.append(type) }

    mutating func push(_ types: [ValueType]) {
        for type in types { operands.append(type) }
    }

    /// Pops any operand; nil means Unknown.
    mutating func pop() throws(WasmError) -> ValueType? {
        let top = frames.count - 1
        if operands.count == frames[top].height {
            if frames[top].isUnreachable { return nil }
            throw typeMismatch()
        }
        return operands.removeLast()
    }

    /// Pops an operand that must have type `expected`; returns what was there (nil for Unknown).
    @discardableResult
    mutating func pop(_ expected: ValueType) throws(WasmError) -> ValueType? {
        let actual = try pop()
        if let actual, actual != expected { throw typeMismatch() }
        return actual
    }

    mutating func pop(_ types: [ValueType]) throws(WasmError) {
        var index = types.count
        while index > 0 {
            index -= 1
            try pop(types[index])
        }
    }

    /// Checks that the top of the stack matches `types` without changing it, which is what the spec's
    /// `push_vals(pop_vals(types))` amounts to.
    func peek(_ types: [ValueType]) throws(WasmError) {
        let frame = frames[frames.count - 1]
        var position = operands.count
        var index = types.count
        while index > 0 {
            index -= 1
            position -= 1
            if position < frame.height {
                if frame.isUnreachable { return }
                throw typeMismatch()
            }
            if let actual = operands[position], actual != types[index] { throw typeMismatch() }
        }
    }

    // MARK: Control stack

    mutating func pushFrame(_ kind: ControlFrame.Kind, _ signature: FunctionType) {
        frames.append(ControlFrame(kind: kind, parameters: signature.parameters, results: signature.results,
                                   height: operands.count))
        push(signature.parameters)
    }

    mutating func popFrame() throws(WasmError) -> ControlFrame {
        guard let frame = frames.last else { throw .malformed(at: offset, "unexpected end") }
        try pop(frame.results)
        guard operands.count == frame.height else { throw typeMismatch() }
        return frames.removeLast()
    }

    /// Drops the current frame's operands and makes the rest of it stack-polymorphic.
    mutating func markUnreachable() {
        let top = frames.count - 1
        operands.removeLast(operands.count - frames[top].height)
        frames[top].isUnreachable = true
    }

    /// The types a branch to relative depth `depth` carries.
    func labelTypes(_ depth: UInt32) throws(WasmError) -> [ValueType] {
        guard depth < frames.count else { throw .invalid(at: offset, "unknown label \(depth)") }
        return frames[frames.count - 1 - Int(depth)].labelTypes
    }

    func blockSignature(_ blockType: BlockType) throws(WasmError) -> FunctionType {
        switch blockType {
        case .empty: FunctionType(parameters: [], results: [])
        case .value(let type): FunctionType(parameters: [], results: SingleResult.of(type))
        case .typeIndex(let index): try context.type(index, at: offset)
        }
    }
}
