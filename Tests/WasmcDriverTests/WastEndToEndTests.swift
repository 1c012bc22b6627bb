import Foundation
import SpecTestSupport
import Testing
@testable import WasmcDriver

/// Spec scripts run through the whole pipeline: compile, link, load, instantiate, call, compare.
@Suite("Spec scripts end to end", .serialized)
struct WastEndToEndTests {
    /// Scripts covering calls, traps, memory, tables, imports from spectest, multi-value and SIMD.
    static let scripts = ["i32", "f32_bitwise", "call_indirect", "memory_trap", "imports", "func", "simd_lane"]

    @Test(arguments: scripts)
    func scriptPasses(_ name: String) throws {
        guard let suite = try SpecSuite.locate() else { return }
        let script = suite.directory.appendingPathComponent("\(name).wast")
        let lines = LineLog()
        let runner = WastRunner(options: WastRunner.Options(verbose: true), output: { lines.append($0) })
        let tally = try runner.run(paths: [script.path])
        #expect(tally.failed == 0, "\(lines.all.prefix(20).joined(separator: "\n"))")
        #expect(tally.passed > 10)
        #expect(lines.all.last == "\(tally.passed) passed, \(tally.failed) failed" + (tally.skipped > 0 ? ", \(tally.skipped) skipped" : ""))
    }

    @Test func aFailingAssertionIsCounted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-wast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("wrong.wast")
        try """
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            (assert_trap (invoke "add" (i32.const 1) (i32.const 2)) "unreachable")
            (assert_malformed (module quote "(func") "unexpected token")
            """.write(to: script, atomically: true, encoding: .utf8)
        let lines = LineLog()
        let tally = try WastRunner(options: WastRunner.Options(verbose: true), output: { lines.append($0) }).run(paths: [script.path])
        #expect(tally.passed == 2)
        #expect(tally.failed == 2)
        #expect(tally.textFormat == 1)
        #expect(lines.all.contains { $0.contains("wrong.wast:3:") && $0.contains("expected i32:4, got i32:3") })
        #expect(lines.all.last == "2 passed, 2 failed")
    }
}

final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
