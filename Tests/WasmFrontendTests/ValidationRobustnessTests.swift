import Testing
import WasmBinary
@testable import WasmFrontend

/// Random instruction sequences over random module shapes: validation must accept or reject each
/// with an error, never trap (no force-unwrap, out-of-range index or overflow on hostile values).
@Suite("Validation: robustness")
struct ValidationRobustnessTests {
    @Test func randomBodiesNeverTrap() {
        var generator = SplitMix(seed: 0x5EED_1234)
        var accepted = 0
        var rejected = 0
        for _ in 0..<10000 {
            let module = randomModule(&generator)
            if validationError(module) == nil { accepted += 1 } else { rejected += 1 }
        }
        // Both outcomes must occur, or the generator is not exercising the validator.
        print("random modules: \(accepted) accepted, \(rejected) rejected")
        #expect(accepted > 100, "only \(accepted) random modules validated")
        #expect(rejected > 100, "only \(rejected) random modules were rejected")
    }

    private func randomModule(_ g: inout SplitMix) -> Module {
        var module = Module()
        let valueTypes: [ValueType] = [.i32, .i64, .f32, .f64, .v128, .funcref, .externref]
        module.types = (0..<g.below(4) + 1).map { _ in
            FunctionType(parameters: (0..<g.below(3)).map { _ in g.pick(valueTypes) },
                         results: (0..<g.below(2)).map { _ in g.pick(valueTypes) })
        }
        if g.below(2) == 0 { module.memories = [MemoryType(limits: Limits(minimum: 1))] }
        if g.below(2) == 0 { module.tables = [TableType(elementType: g.below(2) == 0 ? .funcref : .externref, limits: Limits(minimum: 1))] }
        if g.below(2) == 0 {
            module.globals = [Global(type: GlobalType(valueType: .i32, mutability: g.below(2) == 0 ? .variable : .constant),
                                     initializer: ConstantExpression(instructions: [.i32Const(1)], offset: 0))]
        }
        if g.below(3) == 0 {
            module.elements = [ElementSegment(type: .funcref, initializers: [ConstantExpression(instructions: [.refFunc(function: 0)], offset: 0)],
                                              mode: .declarative)]
        }
        if g.below(3) == 0 {
            module.dataCount = 1
            module.data = [DataSegment(bytes: [], mode: .passive)]
        }
        let functionCount = g.below(3) + 1
        for _ in 0..<functionCount {
            let typeIndex = UInt32(g.below(module.types.count))
            // A mostly straight-line body, with random structure, closed by enough `end`s to be well nested.
            var body: [Instruction] = []
            var depth = 0
            for _ in 0..<g.below(12) {
                let instruction = randomInstruction(&g, types: module.types.count)
                switch instruction {
                case .block, .loop, .if: depth += 1
                case .end where depth == 0: continue
                case .end: depth -= 1
                default: break
                }
                body.append(instruction)
            }
            body += Array(repeating: .end, count: depth + 1)
            module.functionTypeIndices.append(typeIndex)
            module.codes.append(FunctionBody(locals: g.below(2) == 0 ? [] : [(UInt32(g.below(3)), g.pick(valueTypes))],
                                             instructions: body, instructionOffsets: Array(body.indices),
                                             byteRange: 0..<body.count))
        }
        return module
    }

    private func randomInstruction(_ g: inout SplitMix, types: Int) -> Instruction {
        let index = g.below(8) == 0 ? UInt32.max : UInt32(g.below(3))
        let memArg = MemArg(alignment: UInt32(g.below(5)), offset: 0)
        let block: BlockType = switch g.below(3) {
        case 0: .empty
        case 1: .value(.i32)
        default: .typeIndex(UInt32(g.below(types + 1)))
        }
        let zero = V128(bytes: Array(repeating: 0, count: 16))
        let choices: [Instruction] = [
            .unreachable, .nop, .block(block), .loop(block), .if(block), .else, .end, .br(depth: index),
            .brIf(depth: index), .brTable(depths: [index, 0], defaultDepth: UInt32(g.below(2))), .return,
            .call(function: index), .callIndirect(type: index, table: 0), .drop, .select(nil), .select(.i64),
            .localGet(index), .localSet(index), .localTee(index), .globalGet(index), .globalSet(index),
            .tableGet(table: index), .tableSet(table: 0), .tableInit(element: index, table: 0), .elemDrop(element: index),
            .tableCopy(destination: 0, source: index), .tableGrow(table: 0), .tableSize(table: index), .tableFill(table: 0),
            .load(.i32Load, memArg), .load(.v128Load, memArg), .store(.i64Store8, memArg),
            .laneAccess(.load16Lane, memArg, lane: UInt8(g.below(10))), .memorySize(memory: 0), .memoryGrow(memory: 0),
            .memoryInit(data: index, memory: 0), .dataDrop(data: index), .memoryCopy(destination: 0, source: 0),
            .memoryFill(memory: 0), .i32Const(7), .i64Const(7), .f32Const(0), .f64Const(0), .v128Const(zero),
            .refNull(.funcref), .refNull(.externref), .refIsNull, .refFunc(function: index),
            .plain(g.pick(PlainOp.allCases)), .plain(g.pick(PlainOp.allCases)), .plain(.i32Add),
            .shuffle(lanes: (0..<16).map { _ in UInt8(g.below(40)) }), .extractLane(.i8x16S, lane: UInt8(g.below(20))),
            .replaceLane(.f64x2, lane: UInt8(g.below(3))),
        ]
        return g.pick(choices)
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}
