import Testing
import WasmBinary
import WasmFrontend
import WasmIR

@Suite("Translation to SSA")
struct TranslationTests {
    private let i64ToI64 = FunctionType(parameters: [.i64], results: [.i64])
    private let i32ToI32 = FunctionType(parameters: [.i32], results: [.i32])

    @Test func recursiveFactorialWithIfElse() throws {
        var module = singleFunctionModule(i64ToI64, [
            .localGet(0), .plain(.i64Eqz),
            .if(.value(.i64)),
            .i64Const(1),
            .else,
            .localGet(0), .localGet(0), .i64Const(1), .plain(.i64Sub), .call(function: 0), .plain(.i64Mul),
            .end,
        ])
        module.names.functionNames[0] = "fac"
        let function = try translatedAndVerified(module)
        #expect(function.name == "fac")
        #expect(printIR(function) == """
            function 0 "fac" (i64) -> (i64) {
            block0(v0: i64):
                v1 = i64.eqz v0
                br_if v1, block1, block2
            block1:
                v2 = i64.const 1
                jump block3(v2)
            block2:
                v4 = i64.const 1
                v5 = i64.sub v0, v4
                v6: i64 = call 0(v5)
                v7 = i64.mul v0, v6
                jump block3(v7)
            block3(v3: i64):
                return v3
            }

            """)
    }

    @Test func countingLoopCarriesTheLocalInTheHeader() throws {
        let module = singleFunctionModule(i32ToI32, locals: [(1, .i32)], [
            .loop(.empty),
            .localGet(1), .i32Const(1), .plain(.i32Add), .localSet(1),
            .localGet(1), .localGet(0), .plain(.i32LtU), .brIf(depth: 0),
            .end,
            .localGet(1),
        ])
        let function = try translatedAndVerified(module)
        #expect(printIR(function) == """
            function 0 (i32) -> (i32) {
            block0(v0: i32):
                v5 = i32.const 0
                jump block1(v5)
            block1(v1: i32):
                v2 = i32.const 1
                v3 = i32.add v1, v2
                v4 = i32.lt_u v3, v0
                br_if v4, block1(v3), block2
            block2:
                return v3
            }

            """)
    }

    @Test func branchTableToNestedBlocks() throws {
        let module = singleFunctionModule(i32ToI32, [
            .block(.empty),
            .block(.empty),
            .localGet(0),
            .brTable(depths: [0, 1], defaultDepth: 0),
            .end,
            .i32Const(20), .return,
            .end,
            .i32Const(10),
        ])
        let function = try translatedAndVerified(module)
        #expect(printIR(function) == """
            function 0 (i32) -> (i32) {
            block0(v0: i32):
                br_table v0, [block1, block2], block1
            block1:
                v1 = i32.const 20
                return v1
            block2:
                v2 = i32.const 10
                return v2
            }

            """)
    }

    @Test func loopWithBranchTableContinuesOrLeaves() throws {
        // Counts the parameter down; br_table restarts the loop for a non-zero count and leaves at 0.
        let module = singleFunctionModule(i32ToI32, [
            .block(.empty),
            .loop(.empty),
            .localGet(0), .i32Const(1), .plain(.i32Sub), .localTee(0),
            .brTable(depths: [1], defaultDepth: 0),
            .end,
            .end,
            .localGet(0),
        ])
        let function = try translatedAndVerified(module)
        #expect(printIR(function) == """
            function 0 (i32) -> (i32) {
            block0(v0: i32):
                jump block1(v0)
            block1(v1: i32):
                v2 = i32.const 1
                v3 = i32.sub v1, v2
                br_table v3, [block2], block1(v3)
            block2:
                return v3
            }

            """)
    }

    @Test func deadCodeAfterBranchesIsSkipped() throws {
        let module = singleFunctionModule(i32ToI32, [
            .block(.value(.i32)),
            .i32Const(1),
            .br(depth: 0),
            .i32Const(2), .drop, .unreachable,
            .block(.empty), .loop(.empty), .br(depth: 5), .end, .end,
            .if(.empty), .else, .end,
            .end,
            .return,
            .i32Const(3), .plain(.i32Add),
        ])
        let function = try translatedAndVerified(module)
        // Only the constant 1 survives; the block's destination carries it to the return.
        #expect(function.operations == [.constant(.i32(1))])
        #expect(function.blocks.count == 2)
    }

    @Test func multiValueBlockAndLoopWithParameters() throws {
        let pair = FunctionType(parameters: [.i32, .i32], results: [.i32, .i32])
        let countdown = FunctionType(parameters: [.i32], results: [.i32])
        let module = translationModule(types: [pair, countdown], functions: [(0, [], [
            .localGet(1), .localGet(0),
            .block(.typeIndex(0)),  // either leaves with its parameters or replaces them
            .localGet(0), .brIf(depth: 0),
            .drop, .drop, .i32Const(7), .i32Const(8),
            .end,
            .loop(.typeIndex(1)),
            .i32Const(1), .plain(.i32Sub), .localTee(1), .localGet(1), .brIf(depth: 0),
            .end,
        ])])
        let function = try translatedAndVerified(module)
        // The loop header takes the loop's parameter.
        #expect(function.blocks.contains { $0.parameters.count == 1 && $0.id != function.entry })
        #expect(function.type.results == [.i32, .i32])
    }

    @Test func ifWithoutElsePassesItsParametersThrough() throws {
        let type = FunctionType(parameters: [.i32], results: [.i32])
        let module = translationModule(types: [i32ToI32, type], functions: [(0, [], [
            .i32Const(5), .localGet(0),
            .if(.typeIndex(1)),
            .i32Const(1), .plain(.i32Add),
            .end,
        ])])
        let function = try translatedAndVerified(module)
        #expect(printIR(function) == """
            function 0 (i32) -> (i32) {
            block0(v0: i32):
                v1 = i32.const 5
                br_if v0, block1, block2
            block1:
                v2 = i32.const 1
                v3 = i32.add v1, v2
                jump block3(v3)
            block2:
                jump block3(v1)
            block3(v4: i32):
                return v4
            }

            """)
    }

    @Test func declaredLocalsStartAtZero() throws {
        let type = FunctionType(parameters: [], results: [.i64, .f32, .f64, .v128, .funcref, .externref])
        let module = singleFunctionModule(type, locals: [(1, .i64), (1, .f32), (1, .f64), (1, .v128), (2, .funcref), (1, .externref)], [
            .localGet(0), .localGet(1), .localGet(2), .localGet(3), .localGet(5), .localGet(6),
        ])
        let function = try translatedAndVerified(module)
        #expect(function.operations == [
            .constant(.i64(0)), .constant(.f32(0)), .constant(.f64(0)),
            .constant(.v128(V128(bytes: Array(repeating: 0, count: 16)))), .constant(.null(.funcref)), .constant(.null(.externref)),
        ])
    }

    @Test func memoryAccessesCarryTheirStaticFacts() throws {
        let type = FunctionType(parameters: [.i32], results: [.i64])
        let module = singleFunctionModule(type, [
            .localGet(0), .localGet(0), .store(.i32Store16, MemArg(alignment: 1, offset: 6)),
            .localGet(0), .load(.i64Load32U, MemArg(alignment: 2, offset: 12)),
        ])
        var withMemory = module
        withMemory.memories = [MemoryType(limits: Limits(minimum: 1))]
        let function = try translatedAndVerified(withMemory)
        #expect(function.operations == [
            .store(.i32Store16, MemoryAccess(offset: 6, alignmentLog2: 1, size: 2), address: Value(0), value: Value(0)),
            .load(.i64Load32U, MemoryAccess(offset: 12, alignmentLog2: 2, size: 4), address: Value(0)),
        ])
    }

    @Test func brIfToTheFunctionLabelReturns() throws {
        let module = singleFunctionModule(i32ToI32, [
            .i32Const(1), .localGet(0), .brIf(depth: 0), .drop, .i32Const(2),
        ])
        let function = try translatedAndVerified(module)
        #expect(printIR(function) == """
            function 0 (i32) -> (i32) {
            block0(v0: i32):
                v1 = i32.const 1
                br_if v0, block1(v1), block2
            block1(v2: i32):
                return v2
            block2:
                v3 = i32.const 2
                jump block1(v3)
            }

            """)
    }

    @Test func deepNestingTranslatesWithoutRecursion() throws {
        // 10 000 nested loops each reading the parameter, then as many nested ifs assigning it:
        // long chains of removed parameters and of dominators, handled iteratively and in linear time.
        let depth = 10_000
        var body: [Instruction] = []
        for _ in 0..<depth { body += [.loop(.empty), .localGet(0), .brIf(depth: 0)] }
        for _ in 0..<depth { body += [.localGet(0), .if(.empty), .i32Const(1), .localSet(0)] }
        for _ in 0..<depth { body += [.else, .i32Const(2), .localSet(0), .end] }
        body += Array(repeating: .end, count: depth) + [.localGet(0)]
        let function = try translatedAndVerified(singleFunctionModule(i32ToI32, body))
        // Every loop header's parameter for the unchanged local is trivial and removed.
        #expect(function.blocks.prefix(depth + 1).allSatisfy { $0.id == function.entry || $0.parameters.isEmpty })
        #expect(!printIR(function).isEmpty)
    }

    @Test func unreachableBecomesATrap() throws {
        let module = singleFunctionModule(i32ToI32, [.unreachable])
        let function = try translatedAndVerified(module)
        #expect(function.terminators == [.trap(.unreachable)])
    }

    @Test func namesComeFromTheNameSectionThenExports() throws {
        var module = translationModule(types: [i32ToI32], functions: [(0, [], [.localGet(0)]), (0, [], [.localGet(0)]), (0, [], [.localGet(0)])])
        module.imports = [Import(module: "env", name: "f", descriptor: .function(typeIndex: 0))]
        module.names.functionNames[1] = "named"
        module.exports = [Export(name: "exported", descriptor: .function(2)), Export(name: "again", descriptor: .function(2))]
        let irModule = try translateModule(module)
        #expect(irModule.functions.map(\.name) == ["named", "exported", nil])
        #expect(irModule.functions.map(\.index) == [1, 2, 3])
        try verifyIR(irModule)
    }

    @Test func unexpectedShapesThrowInsteadOfCrashing() {
        let bodies: [[Instruction]] = [
            [.drop],                                   // stack underflow
            [.localGet(9)],                            // undeclared local
            [.br(depth: 4)],                           // branch past the function
            [.else],                                   // else without if
            [.end, .i32Const(1)],                      // code after the final end
            [.call(function: 7)],                      // undeclared callee
            [.block(.typeIndex(40)), .end],            // undeclared block type
            [.globalGet(3)],                           // undeclared global
        ]
        for body in bodies {
            #expect(throws: TranslationError.self, "\(body)") { _ = try translateModule(singleFunctionModule(i32ToI32, body)) }
        }
        var unterminated = singleFunctionModule(i32ToI32, [.i32Const(1)])
        unterminated.codes[0].instructions.removeLast()
        #expect(throws: TranslationError.self) { _ = try translateModule(unterminated) }
        var hugeLocals = singleFunctionModule(i32ToI32, locals: [(UInt32.max, .i32), (UInt32.max, .i64)], [.i32Const(0)])
        #expect(throws: TranslationError.self) { _ = try translateModule(hugeLocals) }
        hugeLocals.codes = []
        #expect(throws: TranslationError.self) { _ = try translateModule(hugeLocals) }
    }

    @Test func translateFunctionPicksOneDefinedFunction() throws {
        var module = translationModule(types: [i32ToI32], functions: [(0, [], [.localGet(0)]), (0, [], [.i32Const(4)])])
        module.imports = [Import(module: "env", name: "f", descriptor: .function(typeIndex: 0))]
        let function = try translateFunction(1, in: module)
        #expect(function.index == 2)
        #expect(function.operations == [.constant(.i32(4))])
        #expect(throws: TranslationError.self) { _ = try translateFunction(2, in: module) }
        let translator = try ModuleTranslator(module)
        #expect(try translator.translateFunction(0) == (try translateModule(module)).functions[0])
        #expect(throws: TranslationError.self) { _ = try translateFunction(-1, in: module) }
    }
}
