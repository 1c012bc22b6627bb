import CFFI
import CWasmcRuntime
import Testing
import WasmBinary
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// Calls plain C functions through the libffi layer: the calling convention compiled code uses.
@Suite("libffi calls")
struct FFICallTests {
    /// Runs the body directly: these functions never trap.
    struct DirectScope: TrapScope {
        func runProtected<Context>(_ body: LoadedRuntime.Body, _ context: UnsafeMutablePointer<Context>) -> UInt32 {
            body(UnsafeMutableRawPointer(context))
            return 0
        }
        func lastTrap(code: UInt32) -> Trap { Trap(code: code) }
    }

    private func call(_ function: UnsafeRawPointer, _ type: FunctionType, _ arguments: [WasmValue],
                      instance: UnsafeMutableRawPointer? = nil) throws -> [WasmValue] {
        try FFISignature(type).call(function, instance: instance, arguments: arguments, runtime: DirectScope())
    }

    @Test func scalarsKeepEveryBit() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, Int32, Int64, Float, Double) -> Double
        let function: F = { _, a, b, c, d in Double(a) + Double(b) + Double(c) + d }
        let type = FunctionType(parameters: [.i32, .i64, .f32, .f64], results: [.f64])
        let result = try call(unsafeBitCast(function, to: UnsafeRawPointer.self), type,
                              [.i32(UInt32(bitPattern: -2)), .i64(40), .f32(Float(1.5).bitPattern), .f64(Double(0.25).bitPattern)])
        #expect(result == [.f64(Double(39.75).bitPattern)])
    }

    @Test func nanPayloadsPassThrough() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, Float) -> Float
        let identity: F = { _, x in x }
        let result = try call(unsafeBitCast(identity, to: UnsafeRawPointer.self),
                              FunctionType(parameters: [.f32], results: [.f32]), [.f32(0x7FA0_0001)])
        #expect(result == [.f32(0x7FA0_0001)])
    }

    @Test func instanceComesFirst() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32
        let readInstance: F = { instance, x in (instance?.load(as: Int32.self) ?? -1) &+ x }
        var state: Int32 = 100
        let result = try withUnsafeMutablePointer(to: &state) { pointer in
            try call(unsafeBitCast(readInstance, to: UnsafeRawPointer.self), FunctionType(parameters: [.i32], results: [.i32]),
                     [.i32(5)], instance: UnsafeMutableRawPointer(pointer))
        }
        #expect(result == [.i32(105)])
    }

    @Test func multipleResultsComeThroughTheResultsArea() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, Int64, UnsafeMutableRawPointer?) -> Void
        let split: F = { _, x, results in
            results?.storeBytes(of: UInt32(truncatingIfNeeded: x), as: UInt32.self)
            results?.storeBytes(of: UInt64(bitPattern: x) >> 32, toByteOffset: 16, as: UInt64.self)
            results?.storeBytes(of: UInt32(0x3FC0_0000), toByteOffset: 32, as: UInt32.self)
        }
        let type = FunctionType(parameters: [.i64], results: [.i32, .i64, .f32])
        let result = try call(unsafeBitCast(split, to: UnsafeRawPointer.self), type, [.i64(0x1_0000_0002)])
        #expect(result == [.i32(2), .i64(1), .f32(0x3FC0_0000)])
    }

    @Test func vectorsTravelAsTwoHalves() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, wasmc_v128, Int32, wasmc_v128) -> wasmc_v128
        let mix: F = { _, a, shift, b in wasmc_v128(lo: a.lo &+ b.hi, hi: a.hi << UInt64(shift)) }
        let type = FunctionType(parameters: [.v128, .i32, .v128], results: [.v128])
        let result = try call(unsafeBitCast(mix, to: UnsafeRawPointer.self), type,
                              [.v128(V128Bits(low: 1, high: 0x10)), .i32(4), .v128(V128Bits(low: 0, high: 0x20))])
        #expect(result == [.v128(V128Bits(low: 0x21, high: 0x100))])
    }

    @Test func aVectorThatNoLongerFitsInRegistersGoesOnTheStack() throws {
        // Instance and four i64 take five of the six integer registers: the vector needs two.
        typealias F = @convention(c) (UnsafeMutableRawPointer?, Int64, Int64, Int64, Int64, wasmc_v128) -> Int64
        let sum: F = { _, a, b, c, d, v in a &+ b &+ c &+ d &+ Int64(bitPattern: v.lo) &+ Int64(bitPattern: v.hi) }
        let type = FunctionType(parameters: [.i64, .i64, .i64, .i64, .v128], results: [.i64])
        let result = try call(unsafeBitCast(sum, to: UnsafeRawPointer.self), type,
                              [.i64(1), .i64(2), .i64(3), .i64(4), .v128(V128Bits(low: 100, high: 1000))])
        #expect(result == [.i64(1110)])
    }

    @Test func externReferencesKeepZeroDistinctFromNull() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?
        let identity: F = { _, x in x }
        let type = FunctionType(parameters: [.externref], results: [.externref])
        let function = unsafeBitCast(identity, to: UnsafeRawPointer.self)
        #expect(try call(function, type, [.externref(0)]) == [.externref(0)])
        #expect(try call(function, type, [.externref(nil)]) == [.externref(nil)])
        #expect(try call(function, type, [.externref(41)]) == [.externref(41)])
    }

    @Test func wrongArgumentsAreRejectedBeforeTheCall() throws {
        typealias F = @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32
        let function: F = { _, x in x }
        let type = FunctionType(parameters: [.i32], results: [.i32])
        #expect(throws: CallError.self) { try call(unsafeBitCast(function, to: UnsafeRawPointer.self), type, []) }
        #expect(throws: CallError.self) { try call(unsafeBitCast(function, to: UnsafeRawPointer.self), type, [.i64(1)]) }
    }

    @Test func canonicalSignaturesRoundTrip() {
        let type = FunctionType(parameters: [.i32, .i64, .v128], results: [.f32, .externref])
        #expect(type.canonicalSignature == "(i32,i64,v128)->(f32,externref)")
        #expect(FunctionType(canonicalSignature: type.canonicalSignature) == type)
        #expect(FunctionType(canonicalSignature: "()->()") == FunctionType(parameters: [], results: []))
        #expect(FunctionType(canonicalSignature: "(i32)") == nil)
        #expect(FunctionType(canonicalSignature: "(i33)->()") == nil)
    }
}
