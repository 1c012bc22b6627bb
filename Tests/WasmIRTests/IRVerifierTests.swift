import Testing
import WasmBinary
@testable import WasmIR

@Suite("IR verifier")
struct IRVerifierTests {
    /// block0(v0) branches on v0 to block1 or block2, both jump to block3(x).
    private func diamond() -> (HandBuiltFunction, then: BlockID, otherwise: BlockID, merge: BlockID) {
        var ir = HandBuiltFunction(parameters: [.i32], results: [.i32])
        let then = ir.addBlock()
        let otherwise = ir.addBlock()
        let merge = ir.addBlock(parameters: [.i32])
        let entry = ir.function.entry
        ir.terminate(entry, .branch(condition: ir.parameters(entry)[0], ifTrue: BlockCall(then), ifFalse: BlockCall(otherwise)))
        return (ir, then, otherwise, merge)
    }

    @Test func acceptsAWellFormedDiamond() {
        var (ir, then, otherwise, merge) = diamond()
        let one = ir.constant(then, 1)
        ir.terminate(then, .jump(BlockCall(merge, [one])))
        let two = ir.constant(otherwise, 2)
        ir.terminate(otherwise, .jump(BlockCall(merge, [two])))
        let sum = ir.append(merge, .plain(.i32Add, [ir.parameters(merge)[0], ir.parameters(ir.function.entry)[0]]), [.i32])
        ir.terminate(merge, .return(sum))
        #expect(verificationFailure(ir.function) == nil)
    }

    @Test func rejectsUseBeforeDefinitionInABlock() {
        var ir = HandBuiltFunction(results: [.i32])
        let entry = ir.function.entry
        let later = Value(UInt32(ir.function.valueTypes.count + 1))
        let sum = ir.append(entry, .plain(.i32Add, [later, later]), [.i32])
        _ = ir.constant(entry, 7)  // defines `later`
        ir.terminate(entry, .return(sum))
        let error = verificationFailure(ir.function)
        #expect(error?.message.contains("before its definition") == true)
        #expect(error?.block == entry)
        #expect(error?.location == .instruction(0))
    }

    @Test func rejectsAUseNotDominatedByItsDefinition() {
        var (ir, then, otherwise, merge) = diamond()
        let one = ir.constant(then, 1)
        ir.terminate(then, .jump(BlockCall(merge, [one])))
        let two = ir.constant(otherwise, 2)
        ir.terminate(otherwise, .jump(BlockCall(merge, [two])))
        // `one` is only defined on the then path.
        ir.terminate(merge, .return([one]))
        let error = verificationFailure(ir.function)
        #expect(error?.message.contains("not dominated") == true)
        #expect(error?.block == merge)
        #expect(error?.location == .terminator)
    }

    @Test func rejectsBranchArgumentCountMismatch() {
        var (ir, then, otherwise, merge) = diamond()
        let one = ir.constant(then, 1)
        ir.terminate(then, .jump(BlockCall(merge, [one, one])))
        let two = ir.constant(otherwise, 2)
        ir.terminate(otherwise, .jump(BlockCall(merge, [two])))
        ir.terminate(merge, .return([ir.parameters(merge)[0]]))
        let error = verificationFailure(ir.function)
        #expect(error?.message.contains("passes 2 arguments") == true)
        #expect(error?.block == then)
    }

    @Test func rejectsBranchArgumentTypeMismatch() {
        var (ir, then, otherwise, merge) = diamond()
        let wide = ir.append(then, .constant(.i64(1)), [.i64])[0]
        ir.terminate(then, .jump(BlockCall(merge, [wide])))
        let two = ir.constant(otherwise, 2)
        ir.terminate(otherwise, .jump(BlockCall(merge, [two])))
        ir.terminate(merge, .return([ir.parameters(merge)[0]]))
        #expect(verificationFailure(ir.function)?.message.contains("has type i64, expected i32") == true)
    }

    @Test func rejectsOperandOfTheWrongType() {
        var ir = HandBuiltFunction(parameters: [.i64], results: [.i32])
        let entry = ir.function.entry
        let one = ir.constant(entry, 1)
        let sum = ir.append(entry, .plain(.i32Add, [one, ir.parameters(entry)[0]]), [.i32])
        ir.terminate(entry, .return(sum))
        let error = verificationFailure(ir.function)
        #expect(error?.message.contains("i32.add operand") == true)
        #expect(error?.location == .instruction(1))
    }

    @Test func rejectsWrongResultTypeAndOperandCount() {
        var ir = HandBuiltFunction(results: [])
        let entry = ir.function.entry
        let one = ir.constant(entry, 1)
        ir.append(entry, .plain(.i32Eqz, [one]), [.i64])
        ir.terminate(entry, .return([]))
        #expect(verificationFailure(ir.function)?.message.contains("expected i32") == true)

        var other = HandBuiltFunction(results: [])
        let two = other.constant(other.function.entry, 2)
        other.append(other.function.entry, .plain(.i32Add, [two]), [.i32])
        other.terminate(other.function.entry, .return([]))
        #expect(verificationFailure(other.function)?.message.contains("takes 2 operands") == true)
    }

    @Test func rejectsReturnValuesThatDoNotMatchTheSignature() {
        var ir = HandBuiltFunction(results: [.f32])
        let entry = ir.function.entry
        let one = ir.constant(entry, 1)
        ir.terminate(entry, .return([one]))
        #expect(verificationFailure(ir.function)?.message.contains("return value") == true)

        var none = HandBuiltFunction(results: [.i32])
        none.terminate(none.function.entry, .return([]))
        #expect(verificationFailure(none.function)?.message.contains("returns 0 values") == true)
    }

    @Test func rejectsAMissingTerminator() {
        var ir = HandBuiltFunction()
        let next = ir.addBlock()
        ir.terminate(ir.function.entry, .jump(BlockCall(next)))
        let error = verificationFailure(ir.function)
        #expect(error?.message.contains("no terminator") == true)
        #expect(error?.block == next)
    }

    @Test func rejectsDoubleDefinitionAndUndefinedValues() {
        var ir = HandBuiltFunction()
        let entry = ir.function.entry
        let one = ir.constant(entry, 1)
        ir.function[entry].instructions.append(IRInstruction(results: [one], operation: .constant(.i32(2))))
        ir.terminate(entry, .return([]))
        #expect(verificationFailure(ir.function)?.message.contains("defined twice") == true)

        var orphan = HandBuiltFunction()
        _ = orphan.value(.i32)
        orphan.terminate(orphan.function.entry, .return([]))
        #expect(verificationFailure(orphan.function)?.message.contains("no definition") == true)

        var unknown = HandBuiltFunction()
        unknown.terminate(unknown.function.entry, .return([Value(40)]))
        unknown.function.type.results = [.i32]
        #expect(verificationFailure(unknown.function)?.message.contains("undefined v40") == true)
    }

    @Test func rejectsMisnumberedBlocksEntryMismatchAndBranchesToEntry() {
        var ir = HandBuiltFunction()
        let next = ir.addBlock()
        ir.terminate(ir.function.entry, .jump(BlockCall(next)))
        ir.terminate(next, .return([]))
        ir.function.blocks[1].id = BlockID(5)
        #expect(verificationFailure(ir.function)?.message.contains("has id block5") == true)

        var params = HandBuiltFunction(parameters: [.i32])
        params.terminate(params.function.entry, .return([]))
        params.function.type.parameters = [.i64]
        #expect(verificationFailure(params.function)?.message.contains("entry parameter") == true)

        var loop = HandBuiltFunction()
        loop.terminate(loop.function.entry, .jump(BlockCall(loop.function.entry)))
        #expect(verificationFailure(loop.function)?.message.contains("branch to the entry block") == true)
    }

    @Test func rejectsMemoryAccessOfTheWrongWidthAndNonIntegerAddresses() {
        var ir = HandBuiltFunction(results: [.i64])
        let entry = ir.function.entry
        let address = ir.constant(entry, 0)
        let loaded = ir.append(entry, .load(.i64Load, MemoryAccess(offset: 0, alignmentLog2: 3, size: 4), address: address), [.i64])
        ir.terminate(entry, .return(loaded))
        #expect(verificationFailure(ir.function)?.message.contains("memory access of 4 bytes") == true)

        // Without the module an i64 address may be a memory64 one; a float never is.
        var wide = HandBuiltFunction(results: [.i64])
        let wideAddress = wide.append(wide.function.entry, .constant(.f32(0)), [.f32])[0]
        let value = wide.append(wide.function.entry, .load(.i64Load, MemoryAccess(offset: 0, alignmentLog2: 3, size: 8), address: wideAddress), [.i64])
        wide.terminate(wide.function.entry, .return(value))
        #expect(verificationFailure(wide.function)?.message.contains("address") == true)
    }

    @Test func tailCallsEndTheirBlockReturningTheCallsResults() {
        var ir = HandBuiltFunction(results: [.i32])
        let entry = ir.function.entry
        let argument = ir.constant(entry, 1)
        let results = ir.append(entry, .call(function: 0, arguments: [argument]), [.i32])
        ir.function.blocks[0].instructions[1].isTailCall = true
        ir.terminate(entry, .return(results))
        #expect(verificationFailure(ir.function) == nil)

        var early = ir
        early.function.blocks[0].instructions.append(IRInstruction(results: [], operation: .globalSet(0, argument)))
        #expect(verificationFailure(early.function)?.message.contains("must end its block") == true)

        var other = ir
        other.function.blocks[0].terminator = .return([argument])
        #expect(verificationFailure(other.function)?.message.contains("return the call's results") == true)

        var notACall = ir
        notACall.function.blocks[0].instructions[0].isTailCall = true
        #expect(verificationFailure(notACall.function)?.message.contains("only a call") == true)
    }

    @Test func acceptsUnreachableBlocksThatOnlyUseTheirOwnValues() {
        var ir = HandBuiltFunction()
        let dead = ir.addBlock()
        ir.terminate(ir.function.entry, .return([]))
        let one = ir.constant(dead, 1)
        ir.terminate(dead, .branch(condition: one, ifTrue: BlockCall(dead), ifFalse: BlockCall(dead)))
        #expect(verificationFailure(ir.function) == nil)
    }

    @Test func moduleVariantChecksCallsAgainstTheirCallee() {
        var module = Module()
        module.types = [FunctionType(parameters: [], results: [.i32]), FunctionType(parameters: [.i32], results: [.i32])]
        module.functionTypeIndices = [0, 1]
        var ir = HandBuiltFunction(results: [.i32])
        let entry = ir.function.entry
        // Function 1 takes an i32 but is given an i64: only the module variant knows the callee.
        let argument = ir.append(entry, .constant(.i64(3)), [.i64])[0]
        let result = ir.append(entry, .call(function: 1, arguments: [argument]), [.i32])
        ir.terminate(entry, .return(result))
        var irModule = IRModule(module: module, functions: [ir.function])
        #expect(verificationFailure(ir.function) == nil)
        #expect(throws: IRVerificationError.self) { try verifyIR(irModule) }

        irModule.functions[0].blocks[0].instructions[0].operation = .constant(.i32(3))
        irModule.functions[0].valueTypes[Int(argument.index)] = .i32
        #expect(throws: Never.self) { try verifyIR(irModule) }

        irModule.functions[0].type = module.types[1]
        #expect(throws: IRVerificationError.self) { try verifyIR(irModule) }
    }

    @Test func moduleVariantChecksGlobalsTablesAndLanes() {
        var module = Module()
        module.types = [FunctionType(parameters: [], results: [])]
        module.functionTypeIndices = [0]
        module.globals = [Global(type: GlobalType(valueType: .i64, mutability: .constant),
                                 initializer: ConstantExpression(instructions: [.i64Const(0)], offset: 0))]
        module.tables = [TableType(elementType: .externref, limits: Limits(minimum: 1))]

        func failure(_ build: (inout HandBuiltFunction, BlockID) -> Void) -> String? {
            var ir = HandBuiltFunction()
            build(&ir, ir.function.entry)
            ir.terminate(ir.function.entry, .return([]))
            do {
                try verifyIR(IRModule(module: module, functions: [ir.function]))
                return nil
            } catch {
                return error.message
            }
        }
        #expect(failure { ir, entry in
            let value = ir.append(entry, .constant(.i64(1)), [.i64])[0]
            ir.append(entry, .globalSet(0, value))
        }?.contains("immutable") == true)
        #expect(failure { ir, entry in _ = ir.append(entry, .globalGet(0), [.i32]) }?.contains("expected i64") == true)
        #expect(failure { ir, entry in _ = ir.append(entry, .globalGet(3), [.i64]) }?.contains("not declared") == true)
        #expect(failure { ir, entry in
            let index = ir.constant(entry, 0)
            _ = ir.append(entry, .tableGet(table: 0, index: index), [.funcref])
        }?.contains("expected externref") == true)
        #expect(failure { ir, entry in
            let index = ir.constant(entry, 0)
            _ = ir.append(entry, .callIndirect(type: 0, table: 0, callee: index, arguments: []), [])
        }?.contains("not a funcref table") == true)
        #expect(failure { ir, entry in
            let vector = ir.append(entry, .constant(.v128(V128(bytes: Array(repeating: 0, count: 16)))), [.v128])[0]
            _ = ir.append(entry, .extractLane(.i32x4, lane: 4, vector), [.i32])
        }?.contains("out of range") == true)
        #expect(failure { ir, entry in
            let vector = ir.append(entry, .constant(.v128(V128(bytes: Array(repeating: 0, count: 16)))), [.v128])[0]
            _ = ir.append(entry, .shuffle(lanes: Array(repeating: 32, count: 16), vector, vector), [.v128])
        }?.contains("below 32") == true)
        #expect(failure { ir, entry in
            let index = ir.constant(entry, 0)
            _ = ir.append(entry, .tableGet(table: 0, index: index), [.externref])
        } == nil)
    }
}

@Suite("Dominator tree")
struct DominatorTreeTests {
    @Test func diamondAndLoop() {
        // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 3 -> 1 (loop), 4 unreachable
        let tree = DominatorTree(successors: [[1, 2], [3], [3], [1], [0]])
        #expect(tree.immediateDominators == [nil, BlockID(0), BlockID(0), BlockID(0), nil])
        #expect(tree.dominates(BlockID(0), BlockID(3)))
        #expect(!tree.dominates(BlockID(1), BlockID(3)))
        #expect(tree.dominates(BlockID(3), BlockID(3)))
        #expect(!tree.isReachable(BlockID(4)))
        #expect(!tree.dominates(BlockID(4), BlockID(0)))
        #expect(tree.reversePostOrder.first == BlockID(0))
        #expect(tree.reversePostOrder.count == 4)
    }

    @Test func longChainNeedsNoDeepRecursion() {
        let count = 200_000
        let successors = (0..<count).map { $0 + 1 < count ? [$0 + 1] : [] }
        let tree = DominatorTree(successors: successors)
        #expect(tree.dominates(BlockID(0), BlockID(UInt32(count - 1))))
        #expect(tree.immediateDominators[count - 1] == BlockID(UInt32(count - 2)))
    }
}
