import Foundation
import Testing
import WAT
import WasmBinary
import WasmFrontend
import WasmIR
@testable import LLVMBackend

/// Lowering checks that need no runtime: the emitted LLVM IR verifies, keeps what wasm semantics
/// require at every optimization level, and passes v128 values the way C passes `wasmc_v128`.
@Suite("LLVM lowering")
struct LoweringTests {
    private func lower(_ text: String, optimizationLevel: Int = 2, bounds: BoundsCheckStrategy = .guardPages) throws -> String {
        let module = try decodeModule(try wat2wasm(text))
        try validateModule(module)
        let irModule = try translateModule(module)
        let options = BackendOptions(optimizationLevel: optimizationLevel, boundsChecks: bounds, verifyLLVMIR: true)
        return try emitLLVMIR(irModule, options: options)
    }

    @Test(arguments: [0, 2])
    func everyFunctionVerifies(optimizationLevel: Int) throws {
        let ir = try lower("""
            (module
              (memory 1)
              (global $g (mut i64) (i64.const 7))
              (table 2 funcref)
              (type $t (func (param i32) (result i32)))
              (func $id (type $t) (local.get 0))
              (elem (i32.const 0) $id)
              (func (export "mix") (param i32 f64) (result i64 f32)
                (i32.store offset=4 (local.get 0) (i32.div_s (local.get 0) (i32.const 3)))
                (global.set $g (i64.extend_i32_s (call_indirect (type $t) (local.get 0) (i32.const 0))))
                (i64.trunc_f64_s (local.get 1))
                (f32.demote_f64 (f64.min (local.get 1) (f64.const 2)))))
            """, optimizationLevel: optimizationLevel)
        #expect(ir.contains("wasmc_module"))
        #expect(ir.contains("wasmc_trap_in"))
    }

    /// LLVM deletes loads whose value is unused; wasm still has to trap when they are out of bounds.
    @Test func deadLoadStillChecksBoundsAtO2() throws {
        let ir = try lower("""
            (module (memory 1)
              (func (export "f") (drop (i32.load (i32.const -4)))))
            """)
        let body = functionBody(named: "@wasm_0_", in: ir)
        // Trap code 2 is "out of bounds memory access"; the prologue's stack check (code 9) is always there.
        #expect(body.contains("@wasmc_trap_in(i32 2"), "the out-of-bounds check of a dead load was optimized away:\n\(body)")
    }

    /// Recursion must keep its stack check: no tail-recursion elimination into an endless loop.
    @Test func runawayRecursionKeepsItsCall() throws {
        let ir = try lower("""
            (module (func $runaway (export "runaway") (call $runaway)))
            """)
        let body = functionBody(named: "@wasm_0_runaway", in: ir)
        #expect(body.contains("notail call"), "\(body)")
    }

    /// Only constants LLVM folds with (±0, ±1, NaN, ∞) need the select that quiets a NaN result:
    /// x * 1.0 becomes x, but 0.01 / x stays a division, which quiets NaNs by itself.
    @Test func nanQuietingOnlyForFoldableConstants() throws {
        let ir = try lower("""
            (module
              (func (export "scale") (param f64) (result f64) (f64.div (f64.const 0.01) (local.get 0)))
              (func (export "one") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1)))
              (func (export "vscale") (param v128) (result v128) (f64x2.mul (local.get 0) (v128.const f64x2 0.2 0.2)))
              (func (export "vone") (param v128) (result v128) (f32x4.mul (local.get 0) (v128.const f32x4 3 1 2 4))))
            """)
        #expect(!functionBody(named: "@wasm_0_scale", in: ir).contains("fcmp uno"), "\(ir)")
        #expect(functionBody(named: "@wasm_1_one", in: ir).contains("fcmp uno"), "\(ir)")
        // Vectors: one lane that may fold is enough to need the select.
        #expect(!functionBody(named: "@wasm_2_vscale", in: ir).contains("fcmp uno"), "\(ir)")
        #expect(functionBody(named: "@wasm_3_vone", in: ir).contains("fcmp uno"), "\(ir)")
    }

    /// The text of the LLVM function whose name starts with `prefix`.
    private func functionBody(named prefix: String, in ir: String) -> String {
        ir.components(separatedBy: "\ndefine ").dropFirst()
            .first { $0.prefix(while: { $0 != "(" }).contains(prefix) } ?? ""
    }

    /// Every kind of SIMD operator in one module: the IR verifies before and after optimization.
    @Test(arguments: [0, 2])
    func simdVerifies(optimizationLevel: Int) throws {
        let ir = try lower("""
            (module (memory 1) (global $g (mut v128) (v128.const i32x4 1 2 3 4))
              (func (export "mix") (param v128 i32) (result v128)
                (local $v v128)
                (local.set $v (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (global.get $g)))
                (v128.store offset=16 (local.get 1) (i16x8.q15mulr_sat_s (local.get $v) (v128.load (local.get 1))))
                (drop (v128.load32_lane 2 (local.get 1) (local.get $v)))
                (global.set $g (f32x4.min (local.get $v) (f32x4.convert_i32x4_u (local.get 0))))
                (i8x16.replace_lane 3
                  (i8x16.swizzle (i8x16.narrow_i16x8_s (local.get $v) (local.get 0)) (v128.load8_splat (local.get 1)))
                  (i32.add (i32x4.bitmask (local.get $v)) (i8x16.extract_lane_u 1 (local.get 0))))))
            """, optimizationLevel: optimizationLevel)
        #expect(ir.contains("wasmc_module"))
    }

    /// A v128 crosses calls as `struct { uint64_t lo, hi; }`: two i64 registers while they last, returned
    /// in a pair, and `byval` in memory once fewer than two integer registers remain.
    @Test func vectorsUseTheCStructConvention() throws {
        let ir = try lower("""
            (module
              (func (export "pair") (param v128) (result v128) (local.get 0))
              (func (export "spill") (param i32 i32 i32 i32 v128) (result i32) (i32x4.extract_lane 0 (local.get 4))))
            """, optimizationLevel: 0)
        #expect(ir.contains("{ i64, i64 } @wasm_0_pair(ptr %0, i64 %1, i64 %2)"), "\(ir)")
        #expect(ir.contains("ptr byval({ i64, i64 }) align 8 %5"), "\(ir)")
    }

    /// A lane load whose result is unused keeps its bounds check, like a scalar one.
    @Test func deadLaneLoadStillChecksBoundsAtO2() throws {
        let ir = try lower("""
            (module (memory 1)
              (func (export "f") (drop (v128.load64_lane 1 (i32.const -4) (v128.const i64x2 0 0)))))
            """)
        #expect(functionBody(named: "@wasm_0_", in: ir).contains("@wasmc_trap_in(i32 2"))
    }
}
