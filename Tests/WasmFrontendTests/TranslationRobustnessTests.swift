import Testing
import WasmBinary
import WasmFrontend
import WasmIR

/// The translator assumes validated input but must survive anything: random instruction sequences
/// either translate or throw `TranslationError`, and the verifier and printer handle whatever comes
/// out (ill-typed IR included, since the input was never validated) without trapping.
@Suite("Translation robustness")
struct TranslationRobustnessTests {
    /// SplitMix64, so failures reproduce.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let pool: [Instruction] = [
        .unreachable, .nop, .block(.empty), .block(.value(.i32)), .loop(.empty), .loop(.value(.i64)), .if(.empty),
        .if(.value(.i32)), .if(.typeIndex(0)), .block(.typeIndex(1)), .else, .end, .end, .br(depth: 0), .br(depth: 1),
        .brIf(depth: 0), .brIf(depth: 2), .brTable(depths: [0, 1], defaultDepth: 0), .return, .call(function: 0),
        .callIndirect(type: 0, table: 0), .drop, .select(nil), .localGet(0), .localGet(1), .localSet(1), .localTee(0),
        .globalGet(0), .globalSet(0), .i32Const(1), .i64Const(2), .f32Const(0), .f64Const(0), .plain(.i32Add),
        .plain(.i32Eqz), .plain(.i64Mul), .load(.i32Load, MemArg(alignment: 2, offset: 0)),
        .store(.i32Store, MemArg(alignment: 2, offset: 0)), .memoryGrow(memory: 0), .refNull(.funcref), .refIsNull,
        .tableGet(table: 0), .memoryFill(memory: 0),
    ]

    @Test func randomBodiesNeverCrash() {
        var generator = Generator(state: 0x5EED)
        var module = Module()
        module.types = [FunctionType(parameters: [.i32], results: [.i32]), FunctionType(parameters: [.i32], results: [.i32, .i32])]
        module.globals = [Global(type: GlobalType(valueType: .i32, mutability: .variable),
                                 initializer: ConstantExpression(instructions: [.i32Const(0)], offset: 0))]
        module.tables = [TableType(elementType: .funcref, limits: Limits(minimum: 1))]
        module.memories = [MemoryType(limits: Limits(minimum: 1))]
        var translated = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            var body: [Instruction] = []
            for _ in 0..<length { body.append(Self.pool.randomElement(using: &generator)!) }
            body.append(.end)
            module.functionTypeIndices = [0]
            module.codes = [FunctionBody(locals: [(1, .i32)], instructions: body,
                                         instructionOffsets: Array(body.indices), byteRange: 0..<body.count)]
            guard let irModule = try? translateModule(module) else { continue }
            translated += 1
            // Unvalidated input may give ill-typed IR: the verifier must say so, not trap.
            _ = try? verifyIR(irModule)
            _ = printIR(irModule)
        }
        // Some random bodies are well formed enough to translate; the point is that none trapped.
        #expect(translated > 30, "only \(translated) random bodies translated")
    }
}
