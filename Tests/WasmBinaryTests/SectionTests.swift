import Testing
import WasmBinary

@Suite struct SectionTests {
    typealias B = ModuleBytes

    @Test func emptyModule() throws {
        let module = try decodeModule(B.header)
        #expect(module.types.isEmpty && module.codes.isEmpty && module.start == nil)
    }

    @Test func header() {
        #expect(B.failure([0x00, 0x61, 0x73]) == "unexpected end")
        #expect(B.failure([0x00, 0x61, 0x73, 0x6E, 0x01, 0, 0, 0]) == "magic header not detected")
        #expect(B.failure([0x00, 0x61, 0x73, 0x6D, 0x02, 0, 0, 0]) == "unknown binary version")
    }

    @Test func typesImportsAndExports() throws {
        let bytes = B.module(
            B.section(1, [0x01, 0x60, 0x02, 0x7F, 0x7E, 0x01, 0x7D]),
            B.section(2, [0x04]
                + B.name("env") + B.name("f") + [0x00, 0x00]
                + B.name("env") + B.name("t") + [0x01, 0x70, 0x01, 0x01, 0x02]
                + B.name("env") + B.name("m") + [0x02, 0x00, 0x03]
                + B.name("env") + B.name("g") + [0x03, 0x7C, 0x01]),
            B.section(7, [0x01] + B.name("f") + [0x00, 0x00]))
        let module = try decodeModule(bytes)
        #expect(module.types == [FunctionType(parameters: [.i32, .i64], results: [.f32])])
        #expect(module.imports.count == 4)
        #expect(module.imports[1].descriptor == .table(TableType(elementType: .funcref, limits: Limits(minimum: 1, maximum: 2))))
        #expect(module.imports[2].descriptor == .memory(MemoryType(limits: Limits(minimum: 3))))
        #expect(module.imports[3].descriptor == .global(GlobalType(valueType: .f64, mutability: .variable)))
        #expect(module.exports == [Export(name: "f", descriptor: .function(0))])
    }

    @Test func functionTypeForm() {
        #expect(B.failure(B.module(B.section(1, [0x01, 0x5D, 0x00, 0x00]))) == "malformed function type")
        // struct (0x5F), array, rec and sub are GC, which wasmc does not implement yet.
        #expect(B.failure(B.module(B.section(1, [0x01, 0x5F, 0x00, 0x00]))) == "unsupported: gc")
        #expect(B.failure(B.module(B.section(1, [0x01, 0x5F, 0x00, 0x00])), version: .v2) == "malformed function type")
        #expect(B.failure(B.module(B.section(1, [0x01, 0xE0, 0x7F, 0x00, 0x00]))) == "integer representation too long")
    }

    @Test func functionsAndCode() throws {
        let bytes = B.module(
            B.section(1, [0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F]),
            B.section(3, [0x01, 0x00]),
            // One local group (2 × i64); local.get 0; i32.const -1; i32.add; end
            B.section(10, [0x01, 0x09, 0x01, 0x02, 0x7E, 0x20, 0x00, 0x41, 0x7F, 0x6A, 0x0B]))
        let module = try decodeModule(bytes)
        let body = try #require(module.codes.first)
        #expect(body.locals.count == 1 && body.locals[0].count == 2 && body.locals[0].type == .i64)
        #expect(body.instructions == [.localGet(0), .i32Const(-1), .plain(.i32Add), .end])
        let bodyStart = body.byteRange.lowerBound
        #expect(body.instructionOffsets == [bodyStart + 3, bodyStart + 5, bodyStart + 7, bodyStart + 8])
    }

    @Test func inconsistentFunctionAndCode() {
        let bytes = B.module(B.section(1, [0x01, 0x60, 0x00, 0x00]), B.section(3, [0x01, 0x00]))
        #expect(B.failure(bytes) == "function and code section have inconsistent lengths")
    }

    @Test func globalsTablesMemoriesAndStart() throws {
        let bytes = B.module(
            B.section(1, [0x01, 0x60, 0x00, 0x00]),
            B.section(3, [0x01, 0x00]),
            B.section(4, [0x01, 0x6F, 0x00, 0x05]),
            B.section(5, [0x01, 0x01, 0x01, 0x02]),
            B.section(6, [0x01, 0x7F, 0x00, 0x41, 0x2A, 0x0B]),
            B.section(8, [0x00]),
            B.section(10, [0x01, 0x02, 0x00, 0x0B]))
        let module = try decodeModule(bytes)
        #expect(module.tables == [TableType(elementType: .externref, limits: Limits(minimum: 5))])
        #expect(module.memories == [MemoryType(limits: Limits(minimum: 1, maximum: 2))])
        #expect(module.globals.first?.initializer.instructions == [.i32Const(42)])
        #expect(module.start == 0)
    }

    @Test func elementEncodings() throws {
        let offset: [UInt8] = [0x41, 0x00, 0x0B]
        let refFunc: [UInt8] = [0xD2, 0x00, 0x0B]
        let segments: [[UInt8]] = [
            [0x00] + offset + [0x01, 0x00],
            [0x01, 0x00, 0x01, 0x00],
            [0x02, 0x00] + offset + [0x00, 0x01, 0x00],
            [0x03, 0x00, 0x01, 0x00],
            [0x04] + offset + [0x01] + refFunc,
            [0x05, 0x70, 0x01] + refFunc,
            [0x06, 0x00] + offset + [0x70, 0x01] + refFunc,
            [0x07, 0x70, 0x01] + refFunc,
        ]
        let bytes = B.module(
            B.section(1, [0x01, 0x60, 0x00, 0x00]),
            B.section(3, [0x01, 0x00]),
            B.section(9, [UInt8(segments.count)] + segments.flatMap { $0 }),
            B.section(10, [0x01, 0x02, 0x00, 0x0B]))
        let elements = try decodeModule(bytes).elements
        #expect(elements.count == 8)
        for element in elements {
            #expect(element.initializers.map(\.instructions) == [[.refFunc(function: 0)]])
        }
        let modes = elements.map { element -> String in
            switch element.mode {
            case .passive: "passive"
            case .declarative: "declarative"
            case .active(let table, let offset): "active \(table) \(offset.instructions)"
            }
        }
        let active = "active 0 \([Instruction.i32Const(0)])"
        #expect(modes == [active, "passive", active, "declarative", active, "passive", active, "declarative"])
    }

    @Test func dataEncodingsAndDataCount() throws {
        let bytes = B.module(
            B.section(5, [0x01, 0x00, 0x01]),
            B.section(12, [0x03]),
            B.section(11, [0x03, 0x00, 0x41, 0x00, 0x0B, 0x01, 0xAA, 0x01, 0x02, 0xBB, 0xCC,
                           0x02, 0x00, 0x41, 0x01, 0x0B, 0x00]))
        let module = try decodeModule(bytes)
        #expect(module.dataCount == 3)
        #expect(module.data.map(\.bytes) == [[0xAA], [0xBB, 0xCC], []])
        #expect(B.failure(B.module(B.section(12, [0x01]))) == "data count and data section have inconsistent lengths")
    }

    @Test func dataCountRequiredForDataIndices() {
        // data.drop 0 in a body without a data count section.
        let bytes = B.module(
            B.section(1, [0x01, 0x60, 0x00, 0x00]),
            B.section(3, [0x01, 0x00]),
            B.section(10, [0x01, 0x05, 0x00, 0xFC, 0x09, 0x00, 0x0B]))
        #expect(B.failure(bytes) == "data count section required")
    }

    @Test func sectionOrderAndSizes() {
        let type = B.section(1, [0x00])
        #expect(B.failure(B.module(type, type)) == "unexpected content after last section")
        #expect(B.failure(B.module(B.section(12, [0x00]), B.section(9, [0x00]))) == "unexpected content after last section")
        #expect(B.failure(B.module([0x0E, 0x00])) == "malformed section id")
        #expect(B.failure(B.module([0x0D, 0x00])) == "unsupported: exception handling")  // the tag section
        #expect(B.failure(B.module([0x0D, 0x00]), version: .v2) == "malformed section id")
        #expect(B.failure(B.module([0x01, 0x02, 0x00, 0x00])) == "section size mismatch")
        #expect(B.failure(B.module([0x01, 0x05, 0x00])) == "length out of bounds")
        // A vector claiming 2^32-1 entries with nothing behind it fails instead of allocating.
        #expect(B.failure(B.module(B.section(1, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]))) == "unexpected end of section or function")
    }

    @Test func customAndNameSections() throws {
        let functionNames: [UInt8] = [0x01, 0x00] + B.name("main")
        let localNames: [UInt8] = [0x01, 0x00, 0x01, 0x00] + B.name("x")
        let nameSection = B.name("name")
            + B.section(0, B.name("demo"))
            + B.section(1, functionNames)
            + B.section(2, localNames)
        let module = try decodeModule(B.module(B.section(0, nameSection), B.section(0, B.name("other") + [1, 2, 3])))
        #expect(module.customSections.map(\.name) == ["name", "other"])
        #expect(module.customSections[1].bytes == [1, 2, 3])
        #expect(module.names.moduleName == "demo")
        #expect(module.names.functionNames == [0: "main"])
        #expect(module.names.localNames == [0: [0: "x"]])

        // A broken name section is ignored, not fatal.
        let broken = B.name("name") + [0x01, 0x7F, 0x00]
        #expect(try decodeModule(B.module(B.section(0, broken))).names.functionNames.isEmpty)
    }
}
