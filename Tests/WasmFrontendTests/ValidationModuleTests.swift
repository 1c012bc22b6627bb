import Testing
import WasmBinary
@testable import WasmFrontend

@Suite("Validation: module rules")
struct ValidationModuleTests {
    @Test func multipleMemoriesFrom3_0() {
        var module = Module()
        module.imports = [Import(module: "m", name: "mem", descriptor: .memory(MemoryType(limits: Limits(minimum: 0))))]
        module.memories = [MemoryType(limits: Limits(minimum: 0))]
        #expect(validationError(module) == nil)
        #expect(validationError(module, version: .v2)?.message == "multiple memories")
    }

    @Test func multipleTablesAreAllowed() {
        var module = Module()
        module.tables = [TableType(elementType: .funcref, limits: Limits(minimum: 0)),
                         TableType(elementType: .externref, limits: Limits(minimum: 0))]
        #expect(validationError(module) == nil)
    }

    @Test func limits() {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(minimum: 65537))]
        #expect(validationError(module)?.message == "memory size must be at most 65536 pages (4GiB)")
        module.memories = [MemoryType(limits: Limits(minimum: 2, maximum: 1))]
        #expect(validationError(module)?.message == "size minimum must not be greater than maximum")
        module.memories = []
        module.tables = [TableType(elementType: .funcref, limits: Limits(minimum: 2, maximum: 1))]
        #expect(validationError(module)?.message == "size minimum must not be greater than maximum")
    }

    @Test func startFunctionMustTakeAndReturnNothing() {
        var builder = ModuleBuilder()
        let function = builder.addFunction([.i32], [], body: [])
        builder.module.start = function
        #expect(validationError(builder.module)?.message == "start function")
        builder.module.start = 5
        #expect(validationError(builder.module)?.message == "unknown function 5")
    }

    @Test func exportNamesAreUniqueAndIndicesExist() {
        var builder = ModuleBuilder()
        let function = builder.addFunction(body: [])
        builder.module.exports = [Export(name: "a", descriptor: .function(function)),
                                  Export(name: "a", descriptor: .function(function))]
        #expect(validationError(builder.module)?.message == "duplicate export name")
        builder.module.exports = [Export(name: "g", descriptor: .global(1))]
        #expect(validationError(builder.module)?.message == "unknown global 1")
    }

    @Test func functionTypeIndexMustExist() {
        var module = Module()
        module.functionTypeIndices = [3]
        module.codes = [FunctionBody(locals: [], instructions: [.end], instructionOffsets: [0], byteRange: 0..<1)]
        #expect(validationError(module)?.message == "unknown type 3")
    }

    @Test func constantExpressionsAreConstantAndTyped() {
        var module = Module()
        let imported = GlobalType(valueType: .i32, mutability: .constant)
        module.imports = [Import(module: "m", name: "g", descriptor: .global(imported))]
        module.globals = [Global(type: GlobalType(valueType: .i32, mutability: .constant), initializer: constant(.globalGet(0)))]
        #expect(validationError(module) == nil)

        // 3.0 reads earlier defined globals too, never the global itself or later ones; 2.0 only imports.
        module.globals.append(Global(type: imported, initializer: constant(.globalGet(1))))
        #expect(validationError(module) == nil)
        #expect(validationError(module, version: .v2)?.message == "unknown global 1")
        module.globals[1].initializer = constant(.globalGet(2))
        #expect(validationError(module)?.message == "unknown global 2")

        // Extended constants: i32/i64 add, sub and mul over constant operands.
        module.globals[1].initializer = ConstantExpression(instructions: [.globalGet(0), .i32Const(2), .plain(.i32Mul)], offset: 0)
        #expect(validationError(module) == nil)
        #expect(validationError(module, version: .v2)?.message == "constant expression required")
        module.globals[1].initializer = constant(.plain(.i32Add))
        #expect(validationError(module)?.message == "type mismatch")
        module.globals[1].initializer = ConstantExpression(instructions: [.i32Const(1), .i32Const(2), .plain(.i32DivS)], offset: 0)
        #expect(validationError(module)?.message == "constant expression required")

        module.globals[1].initializer = constant(.i64Const(0))
        #expect(validationError(module)?.message == "type mismatch")

        module.globals[1].initializer = ConstantExpression(instructions: [], offset: 0)
        #expect(validationError(module)?.message == "type mismatch")

        module.imports[0].descriptor = .global(GlobalType(valueType: .i32, mutability: .variable))
        module.globals.removeLast()
        #expect(validationError(module)?.message == "constant expression required")
    }

    @Test func elementSegmentsMatchTheirTable() {
        var builder = ModuleBuilder()
        let function = builder.addFunction(body: [.refFunc(function: 0), .drop])
        builder.module.tables = [TableType(elementType: .externref, limits: Limits(minimum: 1))]
        builder.module.elements = [ElementSegment(type: .funcref, initializers: [constant(.refFunc(function: function))],
                                                  mode: .active(table: 0, offset: constant(.i32Const(0))))]
        #expect(validationError(builder.module)?.message == "type mismatch")
        builder.module.elements[0].mode = .declarative
        #expect(validationError(builder.module) == nil, "a declarative segment declares the function for ref.func")
        builder.module.elements[0].mode = .active(table: 3, offset: constant(.i32Const(0)))
        #expect(validationError(builder.module)?.message == "unknown table 3")
    }

    @Test func dataSegmentsNeedTheirMemory() {
        var module = Module()
        module.data = [DataSegment(bytes: [1], mode: .active(memory: 0, offset: constant(.i32Const(0))))]
        #expect(validationError(module)?.message == "unknown memory 0")
        module.memories = [MemoryType(limits: Limits(minimum: 1))]
        #expect(validationError(module) == nil)
        module.data[0].mode = .active(memory: 0, offset: constant(.f32Const(0)))
        #expect(validationError(module)?.message == "type mismatch")
    }

    @Test func queriesResolveImportsFirst() {
        var builder = ModuleBuilder()
        builder.module.types = [FunctionType(parameters: [.i64], results: [])]
        builder.module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        builder.addFunction([], [.f32], body: [.f32Const(0)])
        let module = builder.module
        #expect(module.functionType(ofFunction: 0) == FunctionType(parameters: [.i64], results: []))
        #expect(module.functionType(ofFunction: 1) == FunctionType(parameters: [], results: [.f32]))
        #expect(module.functionType(ofFunction: 2) == nil)
        #expect(module.blockSignature(.value(.i32)) == FunctionType(parameters: [], results: [.i32]))
        #expect(module.blockSignature(.typeIndex(9)) == nil)

        var tables = Module()
        let imported = TableType(elementType: .externref, limits: Limits(minimum: 1))
        let defined = TableType(elementType: .funcref, limits: Limits(minimum: 2))
        let importedGlobal = GlobalType(valueType: .f64, mutability: .constant)
        tables.imports = [Import(module: "m", name: "t", descriptor: .table(imported)),
                          Import(module: "m", name: "g", descriptor: .global(importedGlobal))]
        tables.tables = [defined]
        tables.globals = [Global(type: GlobalType(valueType: .i32, mutability: .variable), initializer: constant(.i32Const(0)))]
        #expect(tables.tableType(at: 0) == imported)
        #expect(tables.tableType(at: 1) == defined)
        #expect(tables.tableType(at: 2) == nil)
        #expect(tables.globalType(at: 0) == importedGlobal)
        #expect(tables.globalType(at: 1) == GlobalType(valueType: .i32, mutability: .variable))
        #expect(tables.globalType(at: 2) == nil)
    }
}
