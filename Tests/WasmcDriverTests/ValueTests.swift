import Foundation
import Testing
import WasmBinary
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

@Suite("Value parsing and printing")
struct ValueTests {
    @Test(arguments: [
        ("42", ValueType.i32, "i32:42"),
        ("-1", .i32, "i32:-1"),
        ("4294967295", .i32, "i32:-1"),
        ("0x7fc00000", .i32, "i32:2143289344"),
        ("-9223372036854775808", .i64, "i64:-9223372036854775808"),
        ("1_000", .i64, "i64:1000"),
        ("1.5", .f32, "f32:1.5 (0x3fc00000)"),
        ("nan", .f32, "f32:nan (0x7fc00000)"),
        ("-inf", .f32, "f32:-inf (0xff800000)"),
        ("nan:0x200000", .f32, "f32:nan:0x200000 (0x7fa00000)"),
        ("-nan:0x1", .f32, "f32:-nan:0x1 (0xff800001)"),
        ("0x1p-149", .f32, "f32:1e-45 (0x00000001)"),
        ("-0", .f64, "f64:-0.0 (0x8000000000000000)"),
        ("0x1.fffffffffffffp1023", .f64, "f64:1.7976931348623157e+308 (0x7fefffffffffffff)"),
        ("i32x4 1 2 3 -1", .v128, "v128:0xffffffff000000030000000200000001"),
        ("0x1", .v128, "v128:0x00000000000000000000000000000001"),
        ("null", .funcref, "funcref:null"),
        ("7", .externref, "externref:7"),
    ])
    func parsesAndPrints(text: String, type: ValueType, printed: String) throws {
        #expect(try WasmValue.parse(text, as: type).description == printed)
    }

    @Test(arguments: [
        ("4294967296", ValueType.i32), ("-2147483649", .i32), ("18446744073709551616", .i64), ("x", .i32),
        ("1e40", .f32), ("nan:0x0", .f32), ("nan:0x800000", .f32), ("", .f64), ("1.5", .i32),
        ("i32x4 1 2 3", .v128), ("0x" + String(repeating: "f", count: 33), .v128), ("1", .funcref), ("-1", .externref),
    ])
    func rejectsBadConstants(text: String, type: ValueType) {
        #expect(throws: ValueParseError.self) { try WasmValue.parse(text, as: type) }
    }

    @Test func vectorLanesRoundTrip() throws {
        let vector = try #require(V128Bits(lanes: [1, 0xFF, 0x8000, 0], bitWidth: 32))
        #expect(vector.lanes(bitWidth: 32) == [1, 0xFF, 0x8000, 0])
        #expect(vector.lanes(bitWidth: 64) == [0xFF_0000_0001, 0x8000])
        #expect(V128Bits(lanes: [1, 2, 3], bitWidth: 32) == nil)
    }
}

@Suite("NaN classification and expectations")
struct ExpectationTests {
    @Test func canonicalAndArithmeticF32() {
        #expect(NaNPattern.canonical.matchesF32(0x7FC0_0000))
        #expect(NaNPattern.canonical.matchesF32(0xFFC0_0000))
        #expect(!NaNPattern.canonical.matchesF32(0x7FC0_0001))
        #expect(!NaNPattern.canonical.matchesF32(0x7F80_0000))
        #expect(NaNPattern.arithmetic.matchesF32(0x7FC0_0001))
        #expect(NaNPattern.arithmetic.matchesF32(0xFFFF_FFFF))
        #expect(!NaNPattern.arithmetic.matchesF32(0x7FA0_0000), "a signalling NaN is not arithmetic")
        #expect(!NaNPattern.arithmetic.matchesF32(0x3F80_0000))
    }

    @Test func canonicalAndArithmeticF64() {
        #expect(NaNPattern.canonical.matchesF64(0x7FF8_0000_0000_0000))
        #expect(NaNPattern.canonical.matchesF64(0xFFF8_0000_0000_0000))
        #expect(!NaNPattern.canonical.matchesF64(0x7FF8_0000_0000_0001))
        #expect(NaNPattern.arithmetic.matchesF64(0x7FFC_0000_0000_0001))
        #expect(!NaNPattern.arithmetic.matchesF64(0x7FF4_0000_0000_0000))
        #expect(!NaNPattern.arithmetic.matchesF64(0x7FF0_0000_0000_0000), "infinity is not a NaN")
    }

    @Test func floatsCompareBitForBit() {
        #expect(ExpectedValue.exact(.f32(0)).matches(.f32(0)))
        #expect(!ExpectedValue.exact(.f32(0)).matches(.f32(0x8000_0000)), "-0 differs from 0")
        #expect(!ExpectedValue.exact(.f64(0x7FF8_0000_0000_0000)).matches(.f64(0x7FF8_0000_0000_0001)))
        #expect(!ExpectedValue.exact(.i32(1)).matches(.i64(1)), "types must agree")
    }

    private func decode(_ json: String) throws -> WastJSONValue {
        try JSONDecoder().decode(WastJSONValue.self, from: Data(json.utf8))
    }

    @Test func jsonScalarsAndPatterns() throws {
        #expect(try decode(#"{"type":"i32","value":"4294967295"}"#).argument() == .i32(0xFFFF_FFFF))
        #expect(try decode(#"{"type":"i64","value":"-1"}"#).argument() == .i64(.max))
        #expect(try decode(#"{"type":"f32","value":"2143289344"}"#).argument() == .f32(0x7FC0_0000))
        #expect(try decode(#"{"type":"f64","value":"nan:canonical"}"#).expectation() == .f64NaN(.canonical))
        #expect(try decode(#"{"type":"externref","value":"0"}"#).argument() == .externref(0))
        #expect(try decode(#"{"type":"externref","value":"null"}"#).argument() == .externref(nil))
        #expect(try decode(#"{"type":"funcref"}"#).expectation() == .anyFunctionReference)
        #expect(throws: WastValueError.self) { try decode(#"{"type":"f32","value":"nan:canonical"}"#).argument() }
    }

    @Test func jsonVectorsMatchPerLane() throws {
        let expected = try decode(#"{"type":"v128","lane_type":"f32","value":["nan:canonical","nan:arithmetic","0","2147483648"]}"#).expectation()
        let good = try #require(V128Bits(lanes: [0xFFC0_0000, 0x7FC0_1234, 0, 0x8000_0000], bitWidth: 32))
        let badSign = try #require(V128Bits(lanes: [0xFFC0_0000, 0x7FC0_1234, 0x8000_0000, 0x8000_0000], bitWidth: 32))
        let badNaN = try #require(V128Bits(lanes: [0xFFC0_0001, 0x7FC0_1234, 0, 0x8000_0000], bitWidth: 32))
        #expect(expected.matches(.v128(good)))
        #expect(!expected.matches(.v128(badSign)))
        #expect(!expected.matches(.v128(badNaN)))
        let argument = try decode(#"{"type":"v128","lane_type":"i8","value":["-1","0","0","0","0","0","0","0","0","0","0","0","0","0","0","128"]}"#).argument()
        #expect(argument == .v128(V128Bits(low: 0xFF, high: 0x8000_0000_0000_0000)))
    }

    @Test func trapWordingAliases() {
        #expect(Trap(code: 2).matches("out of bounds memory access"))
        #expect(Trap(code: 3).matches("undefined element"))
        #expect(Trap(code: 10).matches("uninitialized element 2"))
        #expect(!Trap(code: 1).matches("integer overflow"))
        #expect(!Trap(code: 3).matches("uninitialized element"))
    }
}
