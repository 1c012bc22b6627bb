import Foundation
import SpecTestSupport
import Testing
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// Writes `text` to a `.wast` file in a fresh temporary directory, runs `body` on it, then removes it.
func withTemporaryScript<Result>(_ text: String, _ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-wast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("script.wast")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try body(file)
}

/// Spec scripts run through the whole pipeline: compile, link, load, instantiate, call, compare.
@Suite("Spec scripts end to end", .serialized)
struct WastEndToEndTests {
    /// Scripts covering calls, traps, memory, tables, imports from spectest, multi-value, NaN rules and
    /// SIMD; scripts/test.d/spec-wast.sh runs every script in four modes.
    static let scripts = ["i32", "f32_bitwise", "call_indirect", "memory_trap", "imports", "func", "float_exprs",
                          "simd_lane", "simd_i16x8_q15mulr_sat_s", "simd_f32x4_arith", "simd_load8_lane"]

    @Test(arguments: scripts)
    func scriptPasses(_ name: String) throws {
        guard let suite = try SpecSuite.locate() else { return }
        let script = suite.directory.appendingPathComponent("\(name).wast")
        let lines = LineLog()
        // The top-level scripts are the 2.0 suite, checked under its own rules.
        let runner = WastRunner(options: WastRunner.Options(verbose: true, specVersion: .v2), output: { lines.append($0) })
        let tally = try runner.run(paths: [script.path])
        #expect(tally.failed == 0, "\(lines.all.prefix(20).joined(separator: "\n"))")
        #expect(tally.passed > 10)
        #expect(lines.all.last == "\(tally.passed) passed, \(tally.failed) failed" + (tally.skipped > 0 ? ", \(tally.skipped) skipped" : ""))
    }

    /// A v128 is a `struct { uint64_t lo, hi; }` at the C ABI: in two registers while two remain, else in
    /// memory. Calls from the host (libffi) and from compiled code must agree in every position.
    @Test func vectorsCrossNativeCallsInRegistersAndInMemory() throws {
        try withTemporaryScript("""
            (module
              (type $spill_type (func (param i32 i32 i32 i32 v128 i64 v128) (result v128)))
              (table funcref (elem $spill))
              ;; instance + four integers leave one register free: a vector does not fit and goes to memory,
              ;; the i64 after it takes that register, and the last vector goes to memory too.
              (func $spill (export "spill") (type $spill_type)
                (i64x2.add (i64x2.add (local.get 4) (local.get 6))
                           (i64x2.splat (i64.add (local.get 5) (i64.extend_i32_u (i32.add (local.get 0) (local.get 3)))))))
              ;; the first vector takes the last two registers, the i32 after it the stack, the second vector memory.
              (func $pair (export "pair") (param i32 i32 i32 v128 i32 v128) (result v128 i32)
                (i32x4.sub (local.get 3) (local.get 5)) (i32.add (local.get 0) (local.get 4)))
              (func (export "direct") (result v128)
                (call $spill (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 5)
                  (v128.const i64x2 10 20) (i64.const 100) (v128.const i64x2 1000 2000)))
              (func (export "indirect") (result v128)
                (call_indirect (type $spill_type) (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 5)
                  (v128.const i64x2 10 20) (i64.const 100) (v128.const i64x2 1000 2000) (i32.const 0)))
              (func (export "pair_direct") (result v128 i32)
                (call $pair (i32.const 7) (i32.const 0) (i32.const 0) (v128.const i32x4 10 20 30 40) (i32.const 8)
                  (v128.const i32x4 1 2 3 4))))
            (assert_return (invoke "spill" (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 5)
              (v128.const i64x2 10 20) (i64.const 100) (v128.const i64x2 1000 2000)) (v128.const i64x2 1116 2126))
            (assert_return (invoke "direct") (v128.const i64x2 1116 2126))
            (assert_return (invoke "indirect") (v128.const i64x2 1116 2126))
            (assert_return (invoke "pair" (i32.const 7) (i32.const 0) (i32.const 0) (v128.const i32x4 10 20 30 40) (i32.const 8)
              (v128.const i32x4 1 2 3 4)) (v128.const i32x4 9 18 27 36) (i32.const 15))
            (assert_return (invoke "pair_direct") (v128.const i32x4 9 18 27 36) (i32.const 15))
            """) { script in
            for level in [0, 2] {
                let lines = LineLog()
                let options = WastRunner.Options(compilation: CompilationOptions(optimizationLevel: level), verbose: true, cacheDirectory: nil)
                let tally = try WastRunner(options: options, output: { lines.append($0) }).run(paths: [script.path])
                #expect(tally.failed == 0 && tally.passed == 6, "\(lines.all.joined(separator: "\n"))")
            }
        }
    }

    @Test func aFailingAssertionIsCounted() throws {
        let (tally, lines) = try withTemporaryScript("""
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            (assert_trap (invoke "add" (i32.const 1) (i32.const 2)) "unreachable")
            (assert_malformed (module quote "(func") "unexpected token")
            """) { script in
            let lines = LineLog()
            return (try WastRunner(options: WastRunner.Options(verbose: true), output: { lines.append($0) }).run(paths: [script.path]), lines)
        }
        #expect(tally.passed == 2)
        #expect(tally.failed == 2)
        #expect(tally.textFormat == 1)
        #expect(lines.all.contains { $0.contains("script.wast:3:") && $0.contains("expected i32:4, got i32:3") })
        #expect(lines.all.last == "2 passed, 2 failed")
    }

    /// An unlinkable module passes only with the spec's reason, as rejected modules do.
    @Test func unlinkableModulesNeedTheSpecsReason() throws {
        let (tally, lines) = try withTemporaryScript("""
            (assert_unlinkable (module (import "spectest" "nothing" (func))) "unknown import")
            (assert_unlinkable (module (import "spectest" "nothing" (func))) "incompatible import type")
            """) { script in
            let lines = LineLog()
            return (try WastRunner(options: WastRunner.Options(verbose: true), output: { lines.append($0) }).run(paths: [script.path]), lines)
        }
        #expect(tally.passed == 1, "\(lines.all)")
        #expect(tally.failed == 1, "\(lines.all)")
        #expect(lines.all.contains { $0.hasPrefix("script.wast:2:") && $0.contains("unlinkable for another reason") })
    }
}

/// The runner's bookkeeping and its frontend-only assertions, which need no native code.
@Suite("Spec script runner")
struct WastRunnerTests {
    private func run(_ script: String) throws -> (WastTally, [String]) {
        try withTemporaryScript(script) { file in
            let lines = LineLog()
            let tally = try WastRunner(options: WastRunner.Options(verbose: true, cacheDirectory: nil), output: { lines.append($0) })
                .run(paths: [file.path])
            return (tally, lines.all)
        }
    }

    @Test func rejectedModulesNeedTheRightKind() throws {
        let (tally, lines) = try run("""
            (assert_malformed (module binary "\\00asm" "\\02\\00\\00\\00") "unknown binary version")
            (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
            (assert_malformed (module binary "\\00asm" "\\01\\00\\00\\00" "\\01") "unexpected end")
            (assert_invalid (module binary "\\00asm" "\\01\\00\\00\\00") "type mismatch")
            (assert_malformed (module binary "\\00asm" "\\01\\00\\00\\00" "\\0a\\04\\01\\02\\00\\0b") "section size mismatch")
            (assert_malformed (module binary "\\00asm" "\\01\\00\\00\\00" "\\01\\05\\01\\60\\00\\01\\7f" "\\03\\02\\01\\00"
              "\\0a\\06\\01\\04\\00\\42\\00\\0b") "type mismatch")
            (assert_malformed (module quote "(func") "unexpected token")
            """)
        #expect(tally.passed == 3, "\(lines)")
        #expect(tally.failed == 3, "\(lines)")
        #expect(tally.textFormat == 1)
        #expect(lines.contains { $0.hasPrefix("script.wast:4:") && $0.contains("module was accepted") })
        #expect(lines.contains { $0.hasPrefix("script.wast:6:") && $0.contains("expected malformed") && $0.contains("got invalid") })
        // The right kind for another reason is a failure, as in the frontend's own spec sweep.
        #expect(lines.contains { $0.hasPrefix("script.wast:5:") && $0.contains("rejected for another reason: expected 'section size mismatch'") })
        #expect(lines.suffix(2) == ["1 text-format n/a", "3 passed, 3 failed"])
    }

    @Test func tallyLines() {
        var tally = WastTally()
        tally.record(.passed, line: 1, nil)
        tally.record(.failed, line: 2, "why")
        tally.record(.skipped, line: 3, nil)
        #expect(tally.fileLine("x.wast") == "x.wast: 1 passed, 1 failed, 1 skipped")
        #expect(tally.closingLines == ["1 passed, 1 failed, 1 skipped"])
        #expect(tally.failures == ["2: why"])
    }

    @Test func progressLinesRoundTrip() throws {
        var tally = WastTally()
        tally.passed = 5
        tally.failed = 2
        tally.textFormat = 1
        tally.commandCount = 9
        let parsed = try #require(WastProgress.parse("@wasmc-done 5 2 0 1 9"))
        #expect(parsed.done)
        #expect(parsed.tally == tally)
        #expect(WastProgress.parse("5 : i32") == nil)
        #expect(WastProgress.parse("@wasmc-progress 1 2 3") == nil)
    }

    @Test func missingScriptsAreReported() {
        #expect(throws: FileError("cannot read the input", path: "/nonexistent/x.wast", errno: ENOENT)) {
            try WastRunner.scripts(in: ["/nonexistent/x.wast"])
        }
    }
}

final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
