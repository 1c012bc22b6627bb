import Testing
import WasmBinary
@testable import WasmIR

@Suite("IR printer")
struct IRPrinterTests {
    /// fac(n) = n == 0 ? 1 : n * fac(n - 1), written as a loop over an accumulator.
    private func factorial() throws -> IRFunction {
        var builder = FunctionBuilder(index: 3, name: "fac", type: FunctionType(parameters: [.i64], results: [.i64]))
        let n = builder.declareVariable(.i64)
        let accumulator = builder.declareVariable(.i64)
        builder.defineVariable(n, builder.entryParameters[0])
        builder.defineVariable(accumulator, builder.append(.constant(.i64(1)), resultType: .i64))
        let header = builder.createBlock()
        let body = builder.createBlock()
        let exit = builder.createBlock()
        builder.terminate(.jump(BlockCall(header)))
        builder.switchToBlock(header)
        let zero = builder.append(.constant(.i64(0)), resultType: .i64)
        let done = builder.append(.plain(.i64Eq, [builder.useVariable(n), zero]), resultType: .i32)
        builder.terminate(.branch(condition: done, ifTrue: BlockCall(exit), ifFalse: BlockCall(body)))
        builder.sealBlock(body)
        builder.switchToBlock(body)
        let product = builder.append(.plain(.i64Mul, [builder.useVariable(accumulator), builder.useVariable(n)]), resultType: .i64)
        builder.defineVariable(accumulator, product)
        let one = builder.append(.constant(.i64(1)), resultType: .i64)
        builder.defineVariable(n, builder.append(.plain(.i64Sub, [builder.useVariable(n), one]), resultType: .i64))
        builder.terminate(.jump(BlockCall(header)))
        builder.sealBlock(header)
        builder.sealBlock(exit)
        builder.switchToBlock(exit)
        builder.terminate(.return([builder.useVariable(accumulator)]))
        return try builder.finish()
    }

    @Test func printsFactorial() throws {
        let text = printIR(try factorial())
        #expect(text == """
            function 3 "fac" (i64) -> (i64) {
            block0(v0: i64):
                v1 = i64.const 1
                jump block1(v0, v1)
            block1(v3: i64, v5: i64):
                v2 = i64.const 0
                v4 = i64.eq v3, v2
                br_if v4, block3, block2
            block2:
                v6 = i64.mul v5, v3
                v7 = i64.const 1
                v8 = i64.sub v3, v7
                jump block1(v8, v6)
            block3:
                return v5
            }

            """)
    }

    @Test func printsConstantsMemoryAccessesCallsAndTables() throws {
        var ir = HandBuiltFunction(parameters: [.i32], results: [.f64])
        let entry = ir.function.entry
        let address = ir.parameters(entry)[0]
        let half = ir.append(entry, .constant(.f32(0x3FC0_0000)), [.f32])[0]
        let loaded = ir.append(entry, .load(.f64Load, MemoryAccess(offset: 16, alignmentLog2: 3, size: 8), address: address), [.f64])[0]
        ir.append(entry, .store(.f32Store, MemoryAccess(offset: 4, alignmentLog2: 2, size: 4), address: address, value: half))
        let results = ir.append(entry, .call(function: 2, arguments: [address, half]), [.i32, .f64])
        let exit = ir.addBlock(parameters: [.f64])
        ir.terminate(entry, .switchTable(index: results[0], targets: [BlockCall(exit, [loaded]), BlockCall(exit, [results[1]])],
                                         defaultTarget: BlockCall(exit, [loaded])))
        ir.terminate(exit, .return(ir.parameters(exit)))
        try verifyIR(ir.function)
        #expect(printIR(ir.function) == """
            function 0 "test" (i32) -> (f64) {
            block0(v0: i32):
                v1 = f32.const 1.5 (0x3fc00000)
                v2 = f64.load v0 offset=16 align=8
                f32.store v0, v1 offset=4 align=4
                v3: i32, v4: f64 = call 2(v0, v1)
                br_table v3, [block1(v2), block1(v4)], block1(v2)
            block1(v5: f64):
                return v5
            }

            """)
    }
}
