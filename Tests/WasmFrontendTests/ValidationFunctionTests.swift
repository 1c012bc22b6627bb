import Testing
import WasmBinary
@testable import WasmFrontend

@Suite("Validation: function bodies")
struct ValidationFunctionTests {
    @Test func acceptsWellTypedArithmetic() {
        let module = singleFunction([.i32, .i32], [.i32], [.localGet(0), .localGet(1), .plain(.i32Add)])
        #expect(validationError(module) == nil)
    }

    @Test func rejectsOperandOfWrongType() {
        let module = singleFunction([], [.i32], [.i64Const(1), .i32Const(2), .plain(.i32Add)])
        #expect(validationError(module) == .invalid(at: 102, "type mismatch"))
    }

    @Test func rejectsMissingAndSurplusResults() {
        #expect(validationError(singleFunction([], [.i32], []))?.message == "type mismatch")
        #expect(validationError(singleFunction([], [], [.i32Const(1)]))?.message == "type mismatch")
    }

    @Test func unreachableMakesTheStackPolymorphic() {
        let module = singleFunction([], [.i32], [.unreachable, .plain(.i32Add)])
        #expect(validationError(module) == nil)
        let mismatch = singleFunction([], [.i32], [.unreachable, .i64Const(0), .plain(.i32Add)])
        #expect(validationError(mismatch)?.message == "type mismatch")
    }

    @Test func blockCannotReachOutsideItsFrame() {
        let module = singleFunction([], [], [.i32Const(1), .block(.empty), .drop, .end, .drop])
        #expect(validationError(module)?.message == "type mismatch")
    }

    @Test func multiValueBlockTakesParameters() {
        var builder = ModuleBuilder()
        let pair = builder.addType([.i32, .i32], [.i32])
        builder.addFunction([], [.i32], body: [.i32Const(1), .i32Const(2), .block(.typeIndex(pair)), .plain(.i32Add), .end])
        #expect(validationError(builder.module) == nil)
        builder.addFunction([], [.i32], body: [.block(.typeIndex(9)), .end])
        #expect(validationError(builder.module)?.message == "unknown type 9")
    }

    @Test func ifWithoutElseMustKeepItsTypes() {
        let good = singleFunction([.i32], [], [.localGet(0), .if(.empty), .end])
        #expect(validationError(good) == nil)
        let bad = singleFunction([.i32], [.i32], [.localGet(0), .if(.value(.i32)), .i32Const(1), .end])
        #expect(validationError(bad)?.message == "type mismatch")
        let withElse = singleFunction([.i32], [.i32], [.localGet(0), .if(.value(.i32)), .i32Const(1), .else, .i32Const(2), .end])
        #expect(validationError(withElse) == nil)
    }

    @Test func loopLabelCarriesParameters() {
        var builder = ModuleBuilder()
        let type = builder.addType([.i32], [.f32])
        builder.addFunction([], [.f32], body: [.i32Const(0), .loop(.typeIndex(type)), .br(depth: 0), .end])
        #expect(validationError(builder.module) == nil)
    }

    @Test func branchDepthAndArity() {
        #expect(validationError(singleFunction([], [], [.br(depth: 1)]))?.message == "unknown label 1")
        let wrongValue = singleFunction([], [.i32], [.block(.value(.i32)), .i64Const(1), .br(depth: 0), .end])
        #expect(validationError(wrongValue)?.message == "type mismatch")
        let brIf = singleFunction([.i32], [.i32], [.block(.value(.i32)), .i32Const(1), .localGet(0), .brIf(depth: 0), .end])
        #expect(validationError(brIf) == nil)
    }

    @Test func branchTableTargetsMustAgree() {
        let good = singleFunction([.i32], [.i32], [
            .block(.value(.i32)), .i32Const(7), .localGet(0), .brTable(depths: [0], defaultDepth: 1), .end,
        ])
        #expect(validationError(good) == nil)
        let arity = singleFunction([.i32], [.i32], [
            .block(.empty), .i32Const(7), .localGet(0), .brTable(depths: [0], defaultDepth: 1), .end, .i32Const(0),
        ])
        #expect(validationError(arity)?.message == "type mismatch")
        // After `unreachable` the operands are Unknown, so targets of different types are all satisfied.
        let polymorphic = singleFunction([], [], [
            .block(.value(.f32)), .block(.value(.i64)), .unreachable, .brTable(depths: [0], defaultDepth: 1),
            .end, .drop, .f32Const(0), .end, .drop,
        ])
        #expect(validationError(polymorphic) == nil)
        // A known operand must suit every target.
        let known = singleFunction([], [], [
            .block(.value(.f32)), .block(.value(.i64)), .i64Const(0), .i32Const(0), .brTable(depths: [0], defaultDepth: 1),
            .end, .drop, .f32Const(0), .end, .drop,
        ])
        #expect(validationError(known)?.message == "type mismatch")
    }

    @Test func returnChecksFunctionResults() {
        #expect(validationError(singleFunction([], [.i32], [.i32Const(1), .return])) == nil)
        #expect(validationError(singleFunction([], [.i32], [.f32Const(0), .return]))?.message == "type mismatch")
    }

    @Test func selectRules() {
        let numeric = singleFunction([], [.i64], [.i64Const(1), .i64Const(2), .i32Const(0), .select(nil)])
        #expect(validationError(numeric) == nil)
        let reference = singleFunction([], [], [.refNull(.funcref), .refNull(.funcref), .i32Const(0), .select(nil), .drop])
        #expect(validationError(reference)?.message == "type mismatch")
        let typed = singleFunction([], [], [.refNull(.funcref), .refNull(.funcref), .i32Const(0), .select(.funcref), .drop])
        #expect(validationError(typed) == nil)
        let unknown = singleFunction([], [.i32], [.unreachable, .select(nil)])
        #expect(validationError(unknown) == nil)
    }

    @Test func localsIncludeDeclaredRuns() {
        let module = singleFunction([.i32], [.f64], locals: [(3, .i64), (2, .f64)], [.localGet(5)])
        #expect(validationError(module) == nil)
        let outside = singleFunction([.i32], [], locals: [(3, .i64)], [.localGet(4), .drop])
        #expect(validationError(outside)?.message == "unknown local 4")
        let huge = singleFunction([], [], locals: [(UInt32.max, .i32), (UInt32.max, .i32)], [])
        #expect(validationError(huge)?.kind == .malformed)
    }

    @Test func globalsMustExistAndBeMutableToSet() {
        let module = singleFunction([], [], [.i32Const(1), .globalSet(0)]) { module in
            module.globals = [Global(type: GlobalType(valueType: .i32, mutability: .constant), initializer: constant(.i32Const(0)))]
        }
        #expect(validationError(module)?.message == "immutable global")
        #expect(validationError(module, version: .v2)?.message == "global is immutable")
        #expect(validationError(singleFunction([], [], [.globalGet(3), .drop]))?.message == "unknown global 3")
    }

    @Test func memoryAccessNeedsMemoryAndNaturalAlignment() {
        let load: [Instruction] = [.i32Const(0), .load(.i32Load, MemArg(alignment: 2, offset: 0)), .drop]
        #expect(validationError(singleFunction([], [], load))?.message == "unknown memory 0")
        let withMemory: (inout Module) -> Void = { $0.memories = [MemoryType(limits: Limits(minimum: 1))] }
        #expect(validationError(singleFunction([], [], load, configure: withMemory)) == nil)
        let overAligned: [Instruction] = [.i32Const(0), .load(.i32Load, MemArg(alignment: 3, offset: 0)), .drop]
        #expect(validationError(singleFunction([], [], overAligned, configure: withMemory))?.message
                == "alignment must not be larger than natural")
    }

    @Test func laneIndicesAreBounded() {
        let extract = singleFunction([], [.i32], [.v128Const(V128(bytes: Array(repeating: 0, count: 16))), .extractLane(.i32x4, lane: 4)])
        #expect(validationError(extract)?.message == "invalid lane index")
        let shuffle = singleFunction([], [.v128], [
            .v128Const(V128(bytes: Array(repeating: 0, count: 16))), .v128Const(V128(bytes: Array(repeating: 0, count: 16))),
            .shuffle(lanes: Array(repeating: 31, count: 16)),
        ])
        #expect(validationError(shuffle) == nil)
    }

    @Test func bulkMemoryNeedsDataCount() {
        let body: [Instruction] = [.dataDrop(data: 1)]
        let counted = singleFunction([], [], body) { module in
            module.dataCount = 1
            module.data = [DataSegment(bytes: [], mode: .passive)]
        }
        #expect(validationError(counted)?.message == "unknown data segment 1")
        #expect(validationError(singleFunction([], [], body))?.kind == .malformed)
    }

    @Test func tableOperationsCheckElementTypes() {
        let tables: (inout Module) -> Void = { module in
            module.tables = [TableType(elementType: .funcref, limits: Limits(minimum: 1)),
                             TableType(elementType: .externref, limits: Limits(minimum: 1))]
        }
        let copy = singleFunction([], [], [.i32Const(0), .i32Const(0), .i32Const(0), .tableCopy(destination: 0, source: 1)], configure: tables)
        #expect(validationError(copy)?.message == "type mismatch")
        let indirect = singleFunction([], [], [.i32Const(0), .callIndirect(type: 0, table: 1)], configure: tables)
        #expect(validationError(indirect)?.message == "type mismatch")
        let set = singleFunction([], [], [.i32Const(0), .refNull(.externref), .tableSet(table: 1)], configure: tables)
        #expect(validationError(set) == nil)
        #expect(validationError(singleFunction([], [], [.tableSize(table: 0), .drop]))?.message == "unknown table 0")
        #expect(validationError(singleFunction([], [], [.elemDrop(element: 0)]))?.message == "unknown elem segment 0")
    }

    @Test func tailCallsNeedTheCallersResultsAndAddressTypedIndices() {
        // Function 0: (i32) -> (i32), calling itself; then (i32) -> (): a result mismatch.
        let same = singleFunction([.i32], [.i32], [.localGet(0), .returnCall(function: 0)])
        #expect(validationError(same) == nil)
        var differentResults = ModuleBuilder()
        let callee = differentResults.addFunction([.i32], [.i32], body: [.localGet(0)])
        _ = differentResults.addFunction([.i32], [], body: [.localGet(0), .returnCall(function: callee)])
        #expect(validationError(differentResults.module)?.message == "type mismatch")
        // Code after a tail call is unreachable, so its stack is polymorphic.
        let thenAnything = singleFunction([.i32], [.i32], [.localGet(0), .returnCall(function: 0), .plain(.i32Add)])
        #expect(validationError(thenAnything) == nil)
        let table64: (inout Module) -> Void = { module in
            module.tables = [TableType(elementType: .funcref, limits: Limits(minimum: 1, is64: true))]
        }
        let indirect64 = singleFunction([.i32], [.i32], [.localGet(0), .i64Const(0), .returnCallIndirect(type: 0, table: 0)], configure: table64)
        #expect(validationError(indirect64) == nil)
        let indirect32 = singleFunction([.i32], [.i32], [.localGet(0), .i32Const(0), .returnCallIndirect(type: 0, table: 0)], configure: table64)
        #expect(validationError(indirect32)?.message == "type mismatch")
    }

    @Test func refFuncNeedsADeclaration() {
        var builder = ModuleBuilder()
        let function = builder.addFunction(body: [.refFunc(function: 0), .drop])
        #expect(validationError(builder.module)?.message == "undeclared function reference")
        builder.module.exports = [Export(name: "f", descriptor: .function(function))]
        #expect(validationError(builder.module) == nil)
        builder.module.codes[0].instructions[0] = .refFunc(function: 7)
        #expect(validationError(builder.module)?.message == "unknown function 7")
    }

    @Test func refIsNullWantsAReference() {
        #expect(validationError(singleFunction([], [.i32], [.refNull(.externref), .refIsNull])) == nil)
        #expect(validationError(singleFunction([], [.i32], [.i32Const(0), .refIsNull]))?.message == "type mismatch")
    }
}
