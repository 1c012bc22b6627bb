import Testing
import WasmBinary
@testable import WasmIR

@Suite("SSA function builder")
struct FunctionBuilderTests {
    private func i32(_ builder: inout FunctionBuilder, _ value: Int32) -> Value {
        builder.append(.constant(.i32(UInt32(bitPattern: value))), resultType: .i32)
    }

    /// entry branches on its parameter to `then`/`otherwise`, both jump to `merge`, which returns x.
    /// `assign` decides what each arm stores in x (nil: no assignment).
    private func diamond(then thenValue: Int32?, otherwise otherwiseValue: Int32?) throws -> IRFunction {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [.i32], results: [.i32]))
        let x = builder.declareVariable(.i32)
        builder.defineVariable(x, i32(&builder, 100))
        let then = builder.createBlock()
        let otherwise = builder.createBlock()
        let merge = builder.createBlock()
        builder.terminate(.branch(condition: builder.entryParameters[0], ifTrue: BlockCall(then), ifFalse: BlockCall(otherwise)))
        for (block, value) in [(then, thenValue), (otherwise, otherwiseValue)] {
            builder.sealBlock(block)
            builder.switchToBlock(block)
            if let value { builder.defineVariable(x, i32(&builder, value)) }
            builder.terminate(.jump(BlockCall(merge)))
        }
        builder.sealBlock(merge)
        builder.switchToBlock(merge)
        builder.terminate(.return([builder.useVariable(x)]))
        let function = try builder.finish()
        try verifyIR(function)
        return function
    }

    @Test func diamondWithTwoDefinitionsGetsAMergeParameter() throws {
        let function = try diamond(then: 1, otherwise: 2)
        #expect(function.blocks.count == 4)
        #expect(function.blocks[3].parameters.count == 1)
        guard case .jump(let fromThen) = function.blocks[1].terminator,
              case .jump(let fromOtherwise) = function.blocks[2].terminator else {
            Issue.record("arms must jump to the merge block")
            return
        }
        #expect(fromThen.arguments != fromOtherwise.arguments)
        #expect(function.blocks[3].terminator == .return(function.blocks[3].parameters))
    }

    @Test func diamondWithOneDefinitionMergesItWithTheOuterValue() throws {
        let function = try diamond(then: 1, otherwise: nil)
        #expect(function.blocks[3].parameters.count == 1)
        guard case .jump(let fromOtherwise) = function.blocks[2].terminator else { return }
        // The else arm passes the value defined in the entry block.
        #expect(fromOtherwise.arguments == [function.blocks[0].instructions[0].results[0]])
    }

    @Test func diamondWithoutDefinitionsNeedsNoParameter() throws {
        let function = try diamond(then: nil, otherwise: nil)
        #expect(function.blocks[3].parameters.isEmpty)
        #expect(function.blocks[3].terminator == .return([function.blocks[0].instructions[0].results[0]]))
        // Dense numbering: the removed parameter left no hole.
        #expect(function.valueTypes.count == 2)
    }

    /// `n` counts down in a loop; `k` is only read. Returns the function and the header.
    private func countdown() throws -> IRFunction {
        var builder = FunctionBuilder(index: 1, name: "countdown", type: FunctionType(parameters: [.i32], results: [.i32]))
        let n = builder.declareVariable(.i32)
        let k = builder.declareVariable(.i32)
        builder.defineVariable(n, builder.entryParameters[0])
        builder.defineVariable(k, i32(&builder, 7))
        let header = builder.createBlock()
        let body = builder.createBlock()
        let exit = builder.createBlock()
        builder.terminate(.jump(BlockCall(header)))
        builder.switchToBlock(header)
        let done = builder.append(.plain(.i32Eqz, [builder.useVariable(n)]), resultType: .i32)
        builder.terminate(.branch(condition: done, ifTrue: BlockCall(exit), ifFalse: BlockCall(body)))
        builder.sealBlock(body)
        builder.switchToBlock(body)
        let decremented = builder.append(.plain(.i32Sub, [builder.useVariable(n), builder.useVariable(k)]), resultType: .i32)
        builder.defineVariable(n, decremented)
        builder.terminate(.jump(BlockCall(header)))
        builder.sealBlock(header)
        builder.sealBlock(exit)
        builder.switchToBlock(exit)
        builder.terminate(.return([builder.useVariable(n)]))
        let function = try builder.finish()
        try verifyIR(function)
        return function
    }

    @Test func loopCarriesOnlyTheVariableItChanges() throws {
        let function = try countdown()
        let header = function.blocks[1]
        #expect(header.parameters.count == 1, "only n changes in the loop; k's parameter is trivial")
        guard case .branch(_, let exit, _) = header.terminator else {
            Issue.record("header must branch")
            return
        }
        // The exit reads n through the header's parameter.
        #expect(function[exit.block].terminator == .return(header.parameters))
    }

    @Test func nestedLoopsResolveThroughBothHeaders() throws {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [.i32], results: [.i32]))
        let x = builder.declareVariable(.i32)
        builder.defineVariable(x, builder.entryParameters[0])
        let outer = builder.createBlock()
        let inner = builder.createBlock()
        let afterInner = builder.createBlock()
        let exit = builder.createBlock()
        builder.terminate(.jump(BlockCall(outer)))
        builder.switchToBlock(outer)
        builder.terminate(.jump(BlockCall(inner)))
        builder.switchToBlock(inner)
        builder.defineVariable(x, builder.append(.plain(.i32Add, [builder.useVariable(x), i32(&builder, 1)]), resultType: .i32))
        builder.terminate(.branch(condition: builder.useVariable(x), ifTrue: BlockCall(inner), ifFalse: BlockCall(afterInner)))
        builder.sealBlock(inner)
        builder.sealBlock(afterInner)
        builder.switchToBlock(afterInner)
        builder.terminate(.branch(condition: builder.useVariable(x), ifTrue: BlockCall(outer), ifFalse: BlockCall(exit)))
        builder.sealBlock(outer)
        builder.sealBlock(exit)
        builder.switchToBlock(exit)
        builder.terminate(.return([builder.useVariable(x)]))
        let function = try builder.finish()
        try verifyIR(function)
        // The inner header merges the outer header's x and its own increment; the outer header's
        // parameter merges the entry's x and the back edge's.
        #expect(function.blocks[1].parameters.count == 1)
        #expect(function.blocks[2].parameters.count == 1)
    }

    @Test func unassignedVariablesReadAsZero() throws {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [], results: [.f64, .funcref, .v128]))
        let f = builder.declareVariable(.f64)
        let r = builder.declareVariable(.funcref)
        let v = builder.declareVariable(.v128)
        let loop = builder.createBlock()
        let exit = builder.createBlock()
        builder.terminate(.jump(BlockCall(loop)))
        builder.switchToBlock(loop)
        let flag = i32(&builder, 0)
        builder.terminate(.branch(condition: flag, ifTrue: BlockCall(loop), ifFalse: BlockCall(exit)))
        builder.sealBlock(exit)
        builder.switchToBlock(exit)
        builder.terminate(.return([builder.useVariable(f), builder.useVariable(r), builder.useVariable(v)]))
        builder.sealBlock(loop)
        let function = try builder.finish()
        try verifyIR(function)
        let constants = function.blocks[0].instructions.map(\.operation)
        #expect(constants == [.constant(.f64(0)), .constant(.null(.funcref)), .constant(.v128(V128(bytes: Array(repeating: 0, count: 16))))])
    }

    @Test func longChainsOfMergesDoNotExhaustTheStack() throws {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [.i32], results: [.i32]))
        let x = builder.declareVariable(.i32)
        let y = builder.declareVariable(.i32)
        builder.defineVariable(x, builder.entryParameters[0])
        builder.defineVariable(y, builder.entryParameters[0])
        // 20 000 diamonds; only the last one assigns y, x is read once at the very end.
        let count = 20_000
        for index in 0..<count {
            let then = builder.createBlock()
            let merge = builder.createBlock()
            builder.terminate(.branch(condition: builder.entryParameters[0], ifTrue: BlockCall(then), ifFalse: BlockCall(merge)))
            builder.sealBlock(then)
            builder.switchToBlock(then)
            if index == count - 1 { builder.defineVariable(y, i32(&builder, 5)) }
            builder.terminate(.jump(BlockCall(merge)))
            builder.sealBlock(merge)
            builder.switchToBlock(merge)
        }
        let sum = builder.append(.plain(.i32Add, [builder.useVariable(x), builder.useVariable(y)]), resultType: .i32)
        builder.terminate(.return([sum]))
        let function = try builder.finish()
        try verifyIR(function)
        // Every merge parameter for x is trivial; only the last merge needs one for y.
        #expect(function.blocks.reduce(0) { $0 + $1.parameters.count } == 1 + 1)
    }

    @Test func finishDropsUnreachableBlocksAndRenumbers() throws {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [], results: [.i32]))
        let dead = builder.createBlock()
        let live = builder.createBlock()
        builder.terminate(.jump(BlockCall(live)))
        builder.switchToBlock(dead)
        _ = i32(&builder, 1)
        builder.terminate(.trap(.unreachable))
        builder.sealBlock(live)
        builder.switchToBlock(live)
        builder.terminate(.return([i32(&builder, 2)]))
        let function = try builder.finish()
        try verifyIR(function)
        #expect(function.blocks.count == 2)
        #expect(function.blocks[0].terminator == .jump(BlockCall(BlockID(1))))
        #expect(function.blocks[1].instructions.first?.results == [Value(0)])
    }

    @Test func misuseIsReportedByFinishInsteadOfTrapping() {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [], results: []))
        builder.terminate(.return([]))
        _ = i32(&builder, 1)
        #expect(throws: FunctionBuilderError.self) { _ = try builder.finish() }

        var sealed = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [], results: []))
        let target = sealed.createBlock()
        sealed.sealBlock(target)
        sealed.terminate(.jump(BlockCall(target)))
        #expect(throws: FunctionBuilderError.self) { _ = try sealed.finish() }

        var unterminated = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [], results: []))
        let next = unterminated.createBlock()
        unterminated.terminate(.jump(BlockCall(next)))
        #expect(throws: FunctionBuilderError.self) { _ = try unterminated.finish() }
    }

    @Test func finishRemovesParametersEveryEdgeGivesTheSameValue() throws {
        var builder = FunctionBuilder(index: 0, name: nil, type: FunctionType(parameters: [.i32], results: [.i32]))
        let one = i32(&builder, 1)
        let merge = builder.createBlock()
        let kept = builder.appendParameter(to: merge, type: .i32)
        let same = builder.appendParameter(to: merge, type: .i32)
        let next = builder.createBlock()
        builder.terminate(.branch(condition: builder.entryParameters[0], ifTrue: BlockCall(merge, [one, one]), ifFalse: BlockCall(next)))
        builder.sealBlock(next)
        builder.switchToBlock(next)
        builder.terminate(.jump(BlockCall(merge, [builder.entryParameters[0], one])))
        builder.sealBlock(merge)
        builder.switchToBlock(merge)
        let sum = builder.append(.plain(.i32Add, [kept, same]), resultType: .i32)
        builder.terminate(.return([sum]))
        let function = try builder.finish()
        try verifyIR(function)
        #expect(function.blocks[1].parameters.count == 1)
        #expect(function.blocks[1].instructions[0].operation == .plain(.i32Add, [function.blocks[1].parameters[0], one]))
    }
}
