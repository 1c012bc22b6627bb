import WasmBinary
import WasmIR

/// Executes translated IR directly, for the integer subset of wasm, so that tests can check what the
/// IR computes — not only its shape — against the spec suite's expected results before any backend
/// exists. Values are held as 64-bit patterns (an i32 zero-extended). Anything outside the subset
/// (float arithmetic, SIMD, tables, bulk memory, imports) stops with `unsupported`.
struct IRInterpreter {
    enum Stop: Error, Equatable {
        case trap(TrapCode)
        case unsupported(String)
    }

    let module: IRModule
    var globals: [UInt64]
    var memory: [UInt8] = []
    var memoryMaximumPages: UInt64 = 0
    private var depth = 0
    /// Deep enough for the suite's recursive tests, shallow enough for the test thread's stack.
    static let maximumDepth = 1000

    init(_ module: IRModule) throws(Stop) {
        self.module = module
        globals = []
        guard module.module.imports.isEmpty else { throw .unsupported("imports") }
        for global in module.module.globals {
            guard global.initializer.instructions.count == 1 else { throw .unsupported("global initializer") }
            switch global.initializer.instructions[0] {
            case .i32Const(let value): globals.append(UInt64(UInt32(bitPattern: value)))
            case .i64Const(let value): globals.append(UInt64(bitPattern: value))
            default: throw .unsupported("global initializer")
            }
        }
        if let declared = module.module.memories.first {
            guard declared.limits.minimum <= 256 else { throw .unsupported("memory of \(declared.limits.minimum) pages") }
            memory = [UInt8](repeating: 0, count: Int(declared.limits.minimum) * MemoryType.pageSize)
            memoryMaximumPages = UInt64(declared.limits.maximum ?? MemoryType.maximumPageCount)
        }
        for segment in module.module.data {
            guard case .active(_, let offsetExpression) = segment.mode else { continue }
            guard offsetExpression.instructions.count == 1, case .i32Const(let offset) = offsetExpression.instructions[0] else {
                throw .unsupported("data offset")
            }
            let start = Int(UInt32(bitPattern: offset))
            guard start + segment.bytes.count <= memory.count else { throw .unsupported("data segment out of bounds") }
            memory.replaceSubrange(start..<(start + segment.bytes.count), with: segment.bytes)
        }
        if let start = module.module.start { _ = try call(start, []) }
    }

    /// The byte index of an access, or a trap when it leaves memory.
    private func address(_ base: UInt64, _ access: MemoryAccess) throws(Stop) -> Int {
        let start = (base & 0xFFFF_FFFF) + UInt64(access.offset)
        guard start + UInt64(access.size) <= UInt64(memory.count) else { throw .trap(.memoryOutOfBounds) }
        return Int(start)
    }

    private func read(_ at: Int, _ size: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<size { value |= UInt64(memory[at + index]) << UInt64(8 * index) }
        return value
    }

    private mutating func write(_ at: Int, _ size: Int, _ value: UInt64) {
        for index in 0..<size { memory[at + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
    }

    private static func signExtend(_ value: UInt64, bytes: Int) -> UInt64 {
        let shift = UInt64(64 - 8 * bytes)
        return UInt64(bitPattern: Int64(bitPattern: value << shift) >> Int64(shift))
    }

    /// No memory and no mutable global: invocations cannot affect each other.
    var isStateless: Bool {
        memory.isEmpty && module.module.memories.isEmpty && !module.module.globals.contains { $0.type.mutability == .variable }
    }

    /// The function exported as `name`, in the function index space.
    func exportedFunction(_ name: String) -> UInt32? {
        // Wasm names are compared by code points: Swift's `==` would equate canonically equivalent
        // strings ("Å" precomposed and decomposed), which the suite exports as different functions.
        for export in module.module.exports where export.name.unicodeScalars.elementsEqual(name.unicodeScalars) {
            if case .function(let index) = export.descriptor { return index }
        }
        return nil
    }

    mutating func call(_ index: UInt32, _ arguments: [UInt64]) throws(Stop) -> [UInt64] {
        let position = Int(index) - module.module.importedFunctionCount
        guard position >= 0, position < module.functions.count else { throw .unsupported("call of an import") }
        guard depth < Self.maximumDepth else { throw .trap(.callStackExhausted) }
        depth += 1
        defer { depth -= 1 }
        return try run(module.functions[position], arguments)
    }

    private mutating func run(_ function: IRFunction, _ arguments: [UInt64]) throws(Stop) -> [UInt64] {
        var registers = [UInt64](repeating: 0, count: function.valueTypes.count)
        var block = function.blocks[0]
        for (parameter, argument) in zip(block.parameters, arguments) { registers[Int(parameter.index)] = argument }
        while true {
            for instruction in block.instructions {
                let results = try execute(instruction.operation, function, &registers)
                for (result, value) in zip(instruction.results, results) { registers[Int(result.index)] = value }
            }
            let target: BlockCall
            switch block.terminator {
            case .jump(let call):
                target = call
            case .branch(let condition, let ifTrue, let ifFalse):
                target = UInt32(truncatingIfNeeded: registers[Int(condition.index)]) != 0 ? ifTrue : ifFalse
            case .switchTable(let index, let targets, let defaultTarget):
                let selector = Int(UInt32(truncatingIfNeeded: registers[Int(index.index)]))
                target = selector < targets.count ? targets[selector] : defaultTarget
            case .return(let values):
                return values.map { registers[Int($0.index)] }
            case .trap(let code):
                throw .trap(code)
            case nil:
                throw .unsupported("unterminated block")
            }
            // Block arguments bind all at once: read every argument before writing any parameter.
            let values = target.arguments.map { registers[Int($0.index)] }
            block = function[target.block]
            for (parameter, value) in zip(block.parameters, values) { registers[Int(parameter.index)] = value }
        }
    }

    private mutating func execute(_ operation: Operation, _ function: IRFunction, _ registers: inout [UInt64]) throws(Stop) -> [UInt64] {
        func value(_ v: Value) -> UInt64 { registers[Int(v.index)] }
        switch operation {
        case .constant(let constant):
            switch constant {
            case .i32(let bits): return [UInt64(bits)]
            case .i64(let bits): return [bits]
            case .f32(let bits): return [UInt64(bits)]
            case .f64(let bits): return [bits]
            default: throw .unsupported("constant \(constant)")
            }
        case .plain(let op, let operands):
            return [try Self.evaluate(op, operands.map(value))]
        case .select(let condition, let ifTrue, let ifFalse):
            return [UInt32(truncatingIfNeeded: value(condition)) != 0 ? value(ifTrue) : value(ifFalse)]
        case .globalGet(let index):
            guard Int(index) < globals.count else { throw .unsupported("global") }
            return [globals[Int(index)]]
        case .globalSet(let index, let newValue):
            guard Int(index) < globals.count else { throw .unsupported("global") }
            globals[Int(index)] = value(newValue)
            return []
        case .call(let callee, let arguments):
            return try call(callee, arguments.map(value))
        case .load(let op, let access, let base):
            let raw = read(try address(value(base), access), access.size)
            switch op {
            case .i32Load, .f32Load, .i64Load, .f64Load, .i32Load8U, .i32Load16U, .i64Load8U, .i64Load16U, .i64Load32U:
                return [raw]
            case .i32Load8S, .i32Load16S:
                return [Self.signExtend(raw, bytes: access.size) & 0xFFFF_FFFF]
            case .i64Load8S, .i64Load16S, .i64Load32S:
                return [Self.signExtend(raw, bytes: access.size)]
            default:
                throw .unsupported(op.name)
            }
        case .store(let op, let access, let base, let stored):
            guard op != .v128Store else { throw .unsupported(op.name) }
            write(try address(value(base), access), access.size, value(stored))
            return []
        case .memorySize:
            return [UInt64(memory.count / MemoryType.pageSize)]
        case .memoryGrow(_, let delta):
            let pages = UInt64(memory.count / MemoryType.pageSize)
            let added = value(delta) & 0xFFFF_FFFF
            guard pages + added <= memoryMaximumPages else { return [0xFFFF_FFFF] }
            // Growth the module allows but this test harness will not allocate.
            guard pages + added <= 256 else { throw .unsupported("memory of \(pages + added) pages") }
            memory.append(contentsOf: [UInt8](repeating: 0, count: Int(added) * MemoryType.pageSize))
            return [pages]
        case .trapIf(let condition, let code):
            if UInt32(truncatingIfNeeded: value(condition)) != 0 { throw .trap(code) }
            return []
        default:
            throw .unsupported("\(operation)")
        }
    }

    /// Integer operators with wasm semantics, traps included.
    static func evaluate(_ op: PlainOp, _ operands: [UInt64]) throws(Stop) -> UInt64 {
        let a = operands.first ?? 0
        let b = operands.count > 1 ? operands[1] : 0
        let a32 = UInt32(truncatingIfNeeded: a), b32 = UInt32(truncatingIfNeeded: b)
        let s32 = Int32(bitPattern: a32), t32 = Int32(bitPattern: b32)
        let s64 = Int64(bitPattern: a), t64 = Int64(bitPattern: b)
        func flag(_ condition: Bool) -> UInt64 { condition ? 1 : 0 }
        func word(_ value: UInt32) -> UInt64 { UInt64(value) }
        switch op {
        case .i32Eqz: return flag(a32 == 0)
        case .i32Eq: return flag(a32 == b32)
        case .i32Ne: return flag(a32 != b32)
        case .i32LtS: return flag(s32 < t32)
        case .i32LtU: return flag(a32 < b32)
        case .i32GtS: return flag(s32 > t32)
        case .i32GtU: return flag(a32 > b32)
        case .i32LeS: return flag(s32 <= t32)
        case .i32LeU: return flag(a32 <= b32)
        case .i32GeS: return flag(s32 >= t32)
        case .i32GeU: return flag(a32 >= b32)
        case .i64Eqz: return flag(a == 0)
        case .i64Eq: return flag(a == b)
        case .i64Ne: return flag(a != b)
        case .i64LtS: return flag(s64 < t64)
        case .i64LtU: return flag(a < b)
        case .i64GtS: return flag(s64 > t64)
        case .i64GtU: return flag(a > b)
        case .i64LeS: return flag(s64 <= t64)
        case .i64LeU: return flag(a <= b)
        case .i64GeS: return flag(s64 >= t64)
        case .i64GeU: return flag(a >= b)
        case .i32Clz: return UInt64(a32.leadingZeroBitCount)
        case .i32Ctz: return UInt64(a32.trailingZeroBitCount)
        case .i32Popcnt: return UInt64(a32.nonzeroBitCount)
        case .i32Add: return word(a32 &+ b32)
        case .i32Sub: return word(a32 &- b32)
        case .i32Mul: return word(a32 &* b32)
        case .i32DivS:
            guard t32 != 0 else { throw .trap(.integerDivideByZero) }
            guard !(s32 == .min && t32 == -1) else { throw .trap(.integerOverflow) }
            return word(UInt32(bitPattern: s32 / t32))
        case .i32DivU:
            guard b32 != 0 else { throw .trap(.integerDivideByZero) }
            return word(a32 / b32)
        case .i32RemS:
            guard t32 != 0 else { throw .trap(.integerDivideByZero) }
            return t32 == -1 ? 0 : word(UInt32(bitPattern: s32 % t32))
        case .i32RemU:
            guard b32 != 0 else { throw .trap(.integerDivideByZero) }
            return word(a32 % b32)
        case .i32And: return word(a32 & b32)
        case .i32Or: return word(a32 | b32)
        case .i32Xor: return word(a32 ^ b32)
        case .i32Shl: return word(a32 << (b32 & 31))
        case .i32ShrS: return word(UInt32(bitPattern: s32 >> Int32(b32 & 31)))
        case .i32ShrU: return word(a32 >> (b32 & 31))
        case .i32Rotl: return word(a32 << (b32 & 31) | a32 >> ((32 - (b32 & 31)) & 31))
        case .i32Rotr: return word(a32 >> (b32 & 31) | a32 << ((32 - (b32 & 31)) & 31))
        case .i64Clz: return UInt64(a.leadingZeroBitCount)
        case .i64Ctz: return UInt64(a.trailingZeroBitCount)
        case .i64Popcnt: return UInt64(a.nonzeroBitCount)
        case .i64Add: return a &+ b
        case .i64Sub: return a &- b
        case .i64Mul: return a &* b
        case .i64DivS:
            guard t64 != 0 else { throw .trap(.integerDivideByZero) }
            guard !(s64 == .min && t64 == -1) else { throw .trap(.integerOverflow) }
            return UInt64(bitPattern: s64 / t64)
        case .i64DivU:
            guard b != 0 else { throw .trap(.integerDivideByZero) }
            return a / b
        case .i64RemS:
            guard t64 != 0 else { throw .trap(.integerDivideByZero) }
            return t64 == -1 ? 0 : UInt64(bitPattern: s64 % t64)
        case .i64RemU:
            guard b != 0 else { throw .trap(.integerDivideByZero) }
            return a % b
        case .i64And: return a & b
        case .i64Or: return a | b
        case .i64Xor: return a ^ b
        case .i64Shl: return a << (b & 63)
        case .i64ShrS: return UInt64(bitPattern: s64 >> Int64(b & 63))
        case .i64ShrU: return a >> (b & 63)
        case .i64Rotl: return a << (b & 63) | a >> ((64 - (b & 63)) & 63)
        case .i64Rotr: return a >> (b & 63) | a << ((64 - (b & 63)) & 63)
        case .i32WrapI64: return word(a32)
        case .i64ExtendI32S: return UInt64(bitPattern: Int64(s32))
        case .i64ExtendI32U: return UInt64(a32)
        case .i32Extend8S: return word(UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: a32))))
        case .i32Extend16S: return word(UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: a32))))
        case .i64Extend8S: return UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: a)))
        case .i64Extend16S: return UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: a)))
        case .i64Extend32S: return UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: a)))
        default: throw .unsupported(op.name)
        }
    }
}
