import Testing
import WasmBinary

@Suite struct InstructionTests {
    typealias B = ModuleBytes

    /// Decodes one function body (no locals) made of `code` followed by `end`.
    private func decodeBody(_ code: [UInt8]) throws -> [Instruction] {
        let body: [UInt8] = [0x00] + code + [0x0B]
        let bytes = B.module(
            B.section(1, [0x01, 0x60, 0x00, 0x00]),
            B.section(3, [0x01, 0x00]),
            B.section(12, [0x01]),
            B.section(10, [0x01] + B.unsignedLEB(UInt64(body.count)) + body),
            B.section(11, [0x01, 0x01, 0x00]))
        let instructions = try decodeModule(bytes).codes[0].instructions
        #expect(instructions.last == .end)
        return Array(instructions.dropLast())
    }

    private func bodyFailure(_ code: [UInt8], version: SpecVersion = .v3) -> String? {
        let body: [UInt8] = [0x00] + code
        return B.failure(B.module(
            B.section(1, [0x01, 0x60, 0x00, 0x00]),
            B.section(3, [0x01, 0x00]),
            B.section(10, [0x01] + B.unsignedLEB(UInt64(body.count)) + body)), version: version)
    }

    @Test func control() throws {
        #expect(try decodeBody([0x02, 0x40, 0x0B, 0x03, 0x7F, 0x0B, 0x04, 0x00, 0x05, 0x0B])
            == [.block(.empty), .end, .loop(.value(.i32)), .end, .if(.typeIndex(0)), .else, .end])
        #expect(try decodeBody([0x0E, 0x02, 0x00, 0x01, 0x02, 0x11, 0x03, 0x01])
            == [.brTable(depths: [0, 1], defaultDepth: 2), .callIndirect(type: 3, table: 1)])
        #expect(try decodeBody([0x1C, 0x01, 0x7B, 0x1B]) == [.select(.v128), .select(nil)])
    }

    @Test func memoryAndConstants() throws {
        #expect(try decodeBody([0x28, 0x02, 0x10, 0x3F, 0x00, 0x40, 0x00])
            == [.load(.i32Load, MemArg(alignment: 2, offset: 16)), .memorySize(memory: 0), .memoryGrow(memory: 0)])
        #expect(try decodeBody([0x43, 0x00, 0x00, 0x80, 0x3F, 0x42, 0x7F]) == [.f32Const(0x3F80_0000), .i64Const(-1)])
        #expect(try decodeBody([0xFC, 0x08, 0x00, 0x00, 0xFC, 0x0A, 0x00, 0x00, 0xFC, 0x0B, 0x00])
            == [.memoryInit(data: 0, memory: 0), .memoryCopy(destination: 0, source: 0), .memoryFill(memory: 0)])
        // Multi-memory (3.0): memory indices in place of 2.0's zero bytes, and memarg flag bit 6.
        #expect(try decodeBody([0x3F, 0x01, 0x28, 0x42, 0x03, 0x10, 0xFC, 0x0A, 0x02, 0x01])
            == [.memorySize(memory: 1), .load(.i32Load, MemArg(alignment: 2, offset: 16, memory: 3)),
                .memoryCopy(destination: 2, source: 1)])
        #expect(bodyFailure([0x28, 0x80, 0x01, 0x00, 0x0B]) == "malformed memop flags")
        #expect(bodyFailure([0x3F, 0x01, 0x0B], version: .v2) == "zero byte expected")
        #expect(bodyFailure([0x28, 0x42, 0x00, 0x10, 0x0B], version: .v2) == "malformed memop flags")
    }

    @Test func referencesAndTables() throws {
        #expect(try decodeBody([0xD0, 0x70, 0xD1, 0xD2, 0x05, 0x25, 0x01, 0xFC, 0x0E, 0x01, 0x02])
            == [.refNull(.funcref), .refIsNull, .refFunc(function: 5), .tableGet(table: 1), .tableCopy(destination: 1, source: 2)])
        #expect(bodyFailure([0xD0, 0x7F, 0x0B]) == "malformed reference type")
    }

    @Test func vectorInstructions() throws {
        let constant: [UInt8] = Array(0..<16)
        let decoded = try decodeBody([0xFD, 0x0C] + constant + [0xFD, 0x0D] + constant
            + [0xFD, 0x15, 0x03, 0xFD, 0x17, 0x04, 0xFD, 0x1B, 0x01, 0xFD, 0x54, 0x00, 0x00, 0x07, 0xFD, 0x5D, 0x03, 0x00,
               0xFD, 0xAE, 0x01])
        #expect(decoded == [
            .v128Const(V128(bytes: constant)), .shuffle(lanes: constant),
            .extractLane(.i8x16S, lane: 3), .replaceLane(.i8x16, lane: 4), .extractLane(.i32x4, lane: 1),
            .laneAccess(.load8Lane, MemArg(alignment: 0, offset: 0), lane: 7), .load(.v128Load64Zero, MemArg(alignment: 3, offset: 0)),
            .plain(try #require(PlainOp(prefix: 0xFD, opcode: 0xAE))),
        ])
    }

    @Test func bodyEnds() {
        #expect(bodyFailure([0x01]) == "unexpected end of section or function")
        #expect(bodyFailure([0x05, 0x0B]) == "END opcode expected")
        #expect(bodyFailure([0x0B, 0x01]) == "section size mismatch")
        #expect(bodyFailure([0xFF, 0x0B]) == "illegal opcode ff")
    }
}
