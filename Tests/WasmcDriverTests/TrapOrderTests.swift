import Testing
import WasmBinary
import WasmIR
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// An out-of-bounds load traps in every mode and at every optimization level, and it is the first trap
/// in program order: no later trap kind replaces it and no later side effect happens before it. Each
/// export is a way LLVM could lose the guard-page fault (see docs/design/trapping-loads.md).
@Suite("Trap order of out-of-bounds loads", .serialized)
struct TrapOrderTests {
    static let module = """
        (module
          (type $unary (func (param i32) (result i32)))
          (memory 1)
          (global $flag (mut i32) (i32.const 0))
          (table 1 funcref)
          (elem (i32.const 0) $load_of)
          (func $load_of (param i32) (result i32) (i32.load (local.get 0)))
          (func $ignore (param i32) (result i32) (i32.const 0))
          (func (export "dead_chain") (param $a i32)
            (drop (i32.add (i32.load (local.get $a)) (i32.const 1))))
          (func (export "wrapped_store") (param $a i32)
            (i32.store (i32.const 0) (i32.wrap_i64 (i64.load (local.get $a)))))
          (func (export "masked_store") (param $a i32)
            (i32.store (i32.const 0) (i32.and (i32.load (local.get $a)) (i32.const 0xff))))
          (func (export "shifted_store") (param $a i32)
            (i64.store (i32.const 0) (i64.shl (i64.load (local.get $a)) (i64.const 32))))
          (func (export "narrow_store") (param $a i32)
            (i32.store8 (i32.const 0) (i32.load (local.get $a))))
          (func (export "compared_with_constant") (param $a i32)
            (i32.store (i32.const 0) (i32.lt_u (i32.load8_u (local.get $a)) (i32.const 256))))
          (func (export "then_divide") (param $a i32) (param $d i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (i32.store (i32.const 0) (i32.div_u (local.get $x) (local.get $d))))
          (func (export "then_set_global") (param $a i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (global.set $flag (i32.const 1))
            (i32.store (i32.const 0) (local.get $x)))
          (func (export "then_store") (param $a i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (i32.store (i32.const 4) (i32.const 99))
            (i32.store (i32.const 8) (local.get $x)))
          (func (export "then_call_indirect") (param $a i32)
            (i32.store (i32.const 0) (call_indirect (type $unary) (i32.load (local.get $a)) (i32.const 5))))
          (func (export "inlined_result") (param $a i32)
            (drop (call $load_of (local.get $a))))
          (func (export "ignored_argument") (param $a i32)
            (drop (call $ignore (i32.load (local.get $a)))))
          (func (export "overwritten_store") (param $a i32)
            (i32.store (i32.const 0) (i32.load (local.get $a)))
            (i32.store (i32.const 0) (i32.const 5)))
          (func (export "lane_of_vector") (param $a i32)
            (i32.store (i32.const 0) (i32x4.extract_lane 0 (v128.load (local.get $a)))))
          (func (export "zero_extended_vector") (param $a i32)
            (i32.store (i32.const 0) (i32x4.all_true (v128.load32_zero (local.get $a)))))
          (func (export "empty_branches") (param $a i32)
            (if (i32.load (local.get $a)) (then) (else)))
          (func (export "unused_sum") (param $a i32) (param $n i32)
            (local $sum i32)
            (loop $next
              (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $a))))
              (local.set $a (i32.add (local.get $a) (i32.const 4)))
              (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
          (func (export "before_unreachable") (param $a i32)
            (drop (i32.load (local.get $a)))
            unreachable)
          (func $get (param i32) (result i32) (i32.load (local.get 0)))
          (func (export "result_kept") (param $a i32) (i32.store (i32.const 0) (call $get (local.get $a))))
          (func (export "result_dropped") (param $a i32) (drop (call $get (local.get $a))))
          (func (export "low_half_widened") (param $a i32)
            (v128.store (i32.const 0) (i16x8.extend_low_i8x16_u (v128.load (local.get $a)))))
          (func (export "shifted_up") (param $a i32)
            (i32.store (i32.const 0) (i32.shl (i32.load (local.get $a)) (i32.const 24))))
          (func (export "byte_masked") (param $a i32)
            (i32.store (i32.const 0) (i32.and (i32.load8_u (local.get $a)) (i32.const 0xff))))
          (func (export "used_after_join") (param $a i32) (param $c i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (if (local.get $c) (then (global.set $flag (i32.const 1))) (else (i32.store (i32.const 4) (i32.const 7))))
            (i32.store (i32.const 0) (local.get $x)))
          (func (export "branch_on_load") (param $a i32)
            (if (i32.load (local.get $a)) (then (global.set $flag (i32.const 1))) (else (i32.store (i32.const 4) (i32.const 7)))))
          (func (export "overwritten_later") (param $a i32) (param $c i32)
            (i32.store (i32.const 0) (i32.load (local.get $a)))
            (if (local.get $c) (then (i32.store (i32.const 0) (i32.const 5))) (else (i32.store (i32.const 0) (i32.const 6)))))
          (func (export "sign_bits_of_abs") (param $a i32)
            (drop (v128.load16_splat (i8x16.bitmask (f32x4.abs (v128.load64_splat (local.get $a)))))))
          (func $fails (unreachable))
          (func (export "flag_address_before_call") (param $a i32)
            (local $x i32)
            (drop (i32.load offset=60000 (i32.const 0)))
            (local.set $x (i32.load offset=100 (i32.eqz (i32.load8_u (local.get $a)))))
            (call $fails)
            (i32.store (i32.const 0) (local.get $x)))
          (func (export "divisor_never_zero") (param $a i32)
            (drop (i32.div_u (i32.const 7) (i32.add (i32.load8_u (local.get $a)) (i32.const 1)))))
          (func (export "exact_conversion") (param $a i32)
            (drop (i64.trunc_f64_u (f64.convert_i32_u (i32.load8_u (local.get $a))))))
          (func $pure (result i32) (i32.const 3))
          (func (export "branch_to_folded_trunc") (param $a i32)
            (if (i32.load (local.get $a)) (then (drop (i64.trunc_f32_u (f32.const 0.5))))))
          (func (export "branch_to_overwritten_global") (param $a i32)
            (if (i32.load (local.get $a)) (then (global.set $flag (i32.const 1))))
            (global.set $flag (i32.const 0)))
          (func (export "branch_to_pure_call") (param $a i32)
            (if (i32.load (local.get $a)) (then (drop (call $pure)))))
          (func (export "pinned_before_noreturn") (param $a i32) (param $c i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (if (local.get $c)
              (then (call $fails) (i32.store (i32.const 0) (local.get $x)))
              (else (call $fails) (i32.store (i32.const 4) (local.get $x)))))
          (func (export "sunk_past_noreturn_arm") (param $a i32) (param $c i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (if (local.get $c) (then (call $fails)))
            (i32.store (i32.const 0) (local.get $x)))
          (global $fuel (mut i32) (i32.const 10))
          (func (export "used_after_endless_loop") (param $a i32)
            (local $x i32)
            (local.set $x (i32.load (local.get $a)))
            (loop $again
              (if (i32.eqz (global.get $fuel)) (then unreachable))
              (global.set $fuel (i32.sub (global.get $fuel) (i32.const 1)))
              (br_if $again (i32.const 1)))
            (i32.store (i32.const 0) (local.get $x)))
          (func (export "flag") (result i32) (global.get $flag))
          (func (export "word") (param i32) (result i32) (i32.load (local.get 0))))
        """

    /// Export, arguments; each call must trap with "out of bounds memory access".
    static let cases: [(String, [WasmValue])] = [
        ("dead_chain", [.i32(70000)]),
        ("wrapped_store", [.i32(65532)]),
        ("masked_store", [.i32(65533)]),
        ("shifted_store", [.i32(65530)]),
        ("narrow_store", [.i32(65533)]),
        ("compared_with_constant", [.i32(65536)]),
        ("then_divide", [.i32(65536), .i32(0)]),
        ("then_set_global", [.i32(65534)]),
        ("then_store", [.i32(65534)]),
        ("then_call_indirect", [.i32(65534)]),
        ("inlined_result", [.i32(65533)]),
        ("ignored_argument", [.i32(65533)]),
        ("overwritten_store", [.i32(65533)]),
        ("lane_of_vector", [.i32(65530)]),
        ("zero_extended_vector", [.i32(65534)]),
        ("empty_branches", [.i32(65534)]),
        ("unused_sum", [.i32(65528), .i32(4)]),
        ("before_unreachable", [.i32(65533)]),
        ("result_kept", [.i32(65534)]),
        ("result_dropped", [.i32(65534)]),
        ("low_half_widened", [.i32(65530)]),
        ("shifted_up", [.i32(65533)]),
        ("byte_masked", [.i32(65536)]),
        ("used_after_join", [.i32(65534), .i32(1)]),
        ("used_after_join", [.i32(65534), .i32(0)]),
        ("branch_on_load", [.i32(65534)]),
        ("overwritten_later", [.i32(65534), .i32(1)]),
        ("sign_bits_of_abs", [.i32(65532)]),
        // The flag-valued address of a load that is checked (its check implied by an earlier one).
        ("flag_address_before_call", [.i32(65536)]),
        // Checks LLVM folds from the operand's range: a divisor that cannot be zero, an exact conversion.
        ("divisor_never_zero", [.i32(65536)]),
        ("exact_conversion", [.i32(65536)]),
        // Branches whose arm's only effect LLVM can delete, so the arms merge and the condition goes.
        ("branch_to_folded_trunc", [.i32(65534)]),
        ("branch_to_overwritten_global", [.i32(65534)]),
        ("branch_to_pure_call", [.i32(65534)]),
        // Uses that follow a call LLVM finds never returns are deleted with the code after it.
        ("pinned_before_noreturn", [.i32(65534), .i32(1)]),
        ("sunk_past_noreturn_arm", [.i32(65534), .i32(1)]),
        // A use after a loop that never exits (a constant condition) is deleted with the exit.
        ("used_after_endless_loop", [.i32(65534)]),
    ]

    static let modes: [CompilationOptions] = CompiledModules.modes + [
        CompilationOptions(optimizationLevel: 0, boundsChecks: .guardPages),
        CompilationOptions(optimizationLevel: 2, boundsChecks: .explicit),
    ]

    @Test(arguments: modes)
    func outOfBoundsLoadsTrapFirst(_ options: CompilationOptions) throws {
        let (engine, module) = try CompiledModules.load(Self.module, options)
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        for (name, arguments) in Self.cases {
            guard case .failure(.trap(let trap)) = instance.call(name, arguments) else {
                Issue.record("\(name)\(arguments) did not trap (\(options.cacheKeyText))")
                continue
            }
            #expect(trap.trapCode == .memoryOutOfBounds, "\(name)\(arguments) (\(options.cacheKeyText))")
        }
        // No side effect that follows a trapping load happened.
        #expect(try instance.invoke("flag", []) == [.i32(0)], "global written before the trap")
        for address: UInt32 in [0, 4, 8] {
            #expect(try instance.invoke("word", [.i32(address)]) == [.i32(0)], "memory at \(address) written before the trap")
        }
        // In bounds, the same functions run normally.
        #expect(try instance.invoke("unused_sum", [.i32(65524), .i32(3)]) == [])
        #expect(try instance.invoke("then_store", [.i32(0)]) == [])
        #expect(try instance.invoke("word", [.i32(4)]) == [.i32(99)])
    }
}
