import Testing
@testable import WasmBinary

@Suite struct LEB128Tests {
    private func unsigned(_ bytes: [UInt8], bits: Int = 32) throws(WasmError) -> UInt64 {
        var reader = ByteReader(bytes)
        let value = try reader.readUnsigned(bits: bits)
        #expect(reader.isAtEnd)
        return value
    }

    private func signed(_ bytes: [UInt8], bits: Int) throws(WasmError) -> Int64 {
        var reader = ByteReader(bytes)
        let value = try reader.readSigned(bits: bits)
        #expect(reader.isAtEnd)
        return value
    }

    /// The reason `body` failed with, or nil when it succeeded.
    private func reason(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? WasmError)?.message ?? "\(error)"
        }
    }

    @Test func unsignedValues() throws {
        #expect(try unsigned([0x00]) == 0)
        #expect(try unsigned([0x7F]) == 127)
        #expect(try unsigned([0x80, 0x01]) == 128)
        #expect(try unsigned([0xE5, 0x8E, 0x26]) == 624_485)
        #expect(try unsigned([0x80, 0x80, 0x80, 0x80, 0x00]) == 0)  // padded zero, 5 bytes is allowed
        #expect(try unsigned([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == UInt64(UInt32.max))
    }

    @Test func unsignedLimits() {
        #expect(reason { _ = try unsigned([0x80, 0x80, 0x80, 0x80, 0x80, 0x00]) } == "integer representation too long")
        #expect(reason { _ = try unsigned([0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) } == "integer too large")
        #expect(reason { _ = try unsigned([0xFF, 0xFF, 0xFF, 0xFF, 0x4F]) } == "integer too large")
        #expect(reason { _ = try unsigned([0x80, 0x80]) } == "unexpected end")
    }

    @Test func signedValues() throws {
        #expect(try signed([0x7F], bits: 32) == -1)
        #expect(try signed([0x3F], bits: 32) == 63)
        #expect(try signed([0xC0, 0x00], bits: 32) == 64)
        #expect(try signed([0x80, 0x80, 0x80, 0x80, 0x78], bits: 32) == Int64(Int32.min))
        #expect(try signed([0xFF, 0xFF, 0xFF, 0xFF, 0x07], bits: 32) == Int64(Int32.max))
        #expect(try signed([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F], bits: 64) == Int64.min)
        #expect(try signed([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], bits: 33) == Int64(UInt32.max))
    }

    @Test func signedLimits() {
        // Unused bits of the last byte must repeat the sign bit.
        #expect(reason { _ = try signed([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], bits: 32) } == "integer too large")
        #expect(reason { _ = try signed([0x80, 0x80, 0x80, 0x80, 0x70], bits: 32) } == "integer too large")
        #expect(reason { _ = try signed([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], bits: 32) } == "integer representation too long")
        #expect(reason { _ = try signed([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], bits: 64) } == "integer too large")
        #expect(reason { _ = try signed([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7E], bits: 64) } == "integer too large")
        #expect(reason { _ = try signed([0xFF], bits: 64) } == "unexpected end")
    }

    @Test func hostileLengthFailsWithoutAllocating() {
        var reader = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x00, 0x00])
        #expect(reason { _ = try reader.readLength() } == "length out of bounds")
    }

    @Test func utf8() {
        #expect(decodeUTF8([0x61, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80][...]) == "aé😀")
        #expect(decodeUTF8([0xC0, 0x80][...]) == nil)  // overlong
        #expect(decodeUTF8([0xED, 0xA0, 0x80][...]) == nil)  // surrogate
        #expect(decodeUTF8([0xF4, 0x90, 0x80, 0x80][...]) == nil)  // above U+10FFFF
        #expect(decodeUTF8([0xE2, 0x82][...]) == nil)  // truncated
    }
}
