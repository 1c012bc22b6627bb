import WasmBinary
import WasmIR

/// A `block`, `loop`, `if` or the function body while it is being translated.
struct TranslationFrame {
    enum Kind: Equatable {
        case function
        case block
        case loop(header: BlockID)
        /// `elseBlock` starts the else arm; it is entered with `ifParameters`, the values the `if` took.
        case `if`(elseBlock: BlockID, elseSeen: Bool)
    }

    var kind: Kind
    var parameterTypes: [ValueType]
    var resultTypes: [ValueType]
    /// Operand stack height below the frame's parameters.
    var stackHeight: Int
    /// The block after the construct, with the results as parameters; created by the first branch
    /// to it, so constructs nobody branches out of need no extra block.
    var destination: BlockID?
    var ifParameters: [Value] = []
}

/// Translates one function body, keeping the wasm operand stack as SSA values and the locals as
/// builder variables.
struct FunctionTranslator {
    let context: TranslationContext
    let index: UInt32
    let body: FunctionBody
    var builder: FunctionBuilder
    var scratch: TranslationScratch
    var stack: [Value]
    var frames: [TranslationFrame]
    /// False after `br`, `return`, `unreachable` and friends, until control can reach code again.
    var reachable = true
    /// How many constructs deep the translator is inside code it skips as unreachable.
    var unreachableDepth = 0
    var localCount = 0
    /// Index of the instruction being translated, for error offsets.
    var position = 0

    /// Locals beyond this many are refused rather than given memory for each.
    static let maximumLocalCount = 1 << 20

    init(context: TranslationContext, index: UInt32, name: String?, type: FunctionType, body: FunctionBody, scratch: TranslationScratch) {
        self.context = context
        self.index = index
        self.body = body
        self.builder = FunctionBuilder(index: index, name: name, type: type)
        builder.reserveCapacity(instructions: body.instructions.count)
        self.scratch = scratch
        stack = scratch.stack
        frames = scratch.frames
        stack.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
    }

    mutating func translate() throws(TranslationError) -> IRFunction {
        try declareLocals()
        let type = builder.signature
        frames.append(TranslationFrame(kind: .function, parameterTypes: [], resultTypes: type.results, stackHeight: 0))
        let instructions = body.instructions
        while position < instructions.count {
            guard !frames.isEmpty else { throw failure("instructions after the function's final end") }
            let instruction = instructions[position]
            if reachable {
                try translate(instruction)
            } else {
                try skipUnreachable(instruction)
            }
            position += 1
        }
        guard frames.isEmpty else { throw failure("function body ends inside \(frames.count) open constructs") }
        scratch.stack = stack
        scratch.frames = frames
        do {
            return try builder.finish()
        } catch {
            throw failure(error.description)
        }
    }

    /// Parameters are the entry block's parameters; other locals start undefined, which the builder
    /// reads as zero, so locals a function never reads cost nothing.
    private mutating func declareLocals() throws(TranslationError) {
        var total = builder.signature.parameters.count
        for declaration in body.locals {
            let (sum, overflow) = total.addingReportingOverflow(Int(declaration.count))
            guard !overflow, sum <= Self.maximumLocalCount else {
                throw failure("unsupported: more than \(Self.maximumLocalCount) locals", kind: .unsupported)
            }
            total = sum
        }
        for (parameter, value) in zip(builder.signature.parameters, builder.entryParameters) {
            let variable = builder.declareVariable(parameter)
            builder.defineVariable(variable, value)
        }
        for declaration in body.locals {
            for _ in 0..<declaration.count { _ = builder.declareVariable(declaration.type) }
        }
        localCount = total
    }

    // MARK: - Operand stack

    mutating func pop() throws(TranslationError) -> Value {
        guard let value = stack.popLast() else { throw failure("operand stack underflow") }
        return value
    }

    /// Removes and returns the top `count` values, deepest first.
    mutating func pop(_ count: Int) throws(TranslationError) -> [Value] {
        let values = try peek(count)
        // Element by element: cheaper than the general range removal for the usual one or two.
        for _ in 0..<count { stack.removeLast() }
        return values
    }

    /// The top `count` values, deepest first, left on the stack. Mutating only so that callers in
    /// mutating code pass `self` in place instead of copying the whole translator.
    mutating func peek(_ count: Int) throws(TranslationError) -> [Value] {
        guard count >= 0, count <= stack.count else { throw failure("operand stack underflow") }
        switch count {
        case 0: return []
        case 1: return [stack[stack.count - 1]]
        case 2: return [stack[stack.count - 2], stack[stack.count - 1]]
        default: return Array(stack[(stack.count - count)...])
        }
    }

    mutating func push(_ value: Value) {
        stack.append(value)
    }

    /// Drops everything above `height`: what dead code or a finished construct left behind.
    mutating func truncateStack(to height: Int) {
        while stack.count > max(height, 0) { stack.removeLast() }
    }

    func failure(_ message: String, kind: TranslationError.Kind = .translatorBug) -> TranslationError {
        let offset = position < body.instructionOffsets.count ? body.instructionOffsets[position] : nil
        return TranslationError(function: index, offset: offset, message: message, kind: kind)
    }
}
