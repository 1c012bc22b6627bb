import Foundation
import Testing
import WasmBinary
import WasmFrontend
import WasmIR
import SpecTestSupport

/// The frontend's conformance bar: every top-level `.wast` of the WebAssembly 2.0 core suite.
/// Valid modules must decode, validate, translate and verify; `assert_malformed` (binary) and
/// `assert_invalid` modules must be rejected with the right kind, under the 2.0 rules (3.0 accepts some
/// of the modules the 2.0 suite rejects: see `SpecVersion`).
@Suite("Spec conformance (frontend)")
struct SpecConformanceTests {
    @Test func everyModuleOfTheCoreSuite() throws {
        guard let suite = try SpecSuite.locate() else { return }
        var totals = FileTally()
        var rows: [(String, FileTally)] = []
        for script in try suite.scripts() {
            let tally = try checkScript(script, suite: suite)
            rows.append((script.name, tally))
            totals.add(tally)
        }
        print(FileTally.table(rows: rows, totals: totals))
        for failure in totals.failures.prefix(40) { print("FAIL \(failure)") }
        #expect(totals.failures.isEmpty, "\(totals.failures.count) frontend conformance failures")
        for mismatch in totals.reasonMismatches.prefix(40) { print("REASON \(mismatch)") }
        #expect(totals.reasonMismatches.isEmpty, "\(totals.reasonMismatches.count) rejections with another reason than the spec's")
        #expect(totals.checked > 3000, "suspiciously few modules checked: \(totals.checked)")
    }

    private func checkScript(_ script: SpecScript, suite: SpecSuite) throws -> FileTally {
        var tally = FileTally()
        for command in try script.commands() {
            let location = "\(script.name).wast:\(command.line)"
            switch (command.type, command.moduleType) {
            case ("module", _), ("assert_unlinkable", _), ("assert_uninstantiable", _), ("assert_trap", "binary"):
                guard let bytes = try script.moduleBytes(command) else { continue }
                tally.modules.total += 1
                do {
                    let irModule = try translateModule(try validated(bytes))
                    for function in irModule.functions { try verifyIR(function) }
                    tally.modules.passed += 1
                } catch {
                    tally.failures.append("\(location): valid module rejected: \(error)")
                }
            case ("assert_malformed", "binary"), ("assert_invalid", _):
                guard let bytes = try script.moduleBytes(command) else { continue }
                let expectedKind: WasmError.Kind = command.type == "assert_malformed" ? .malformed : .invalid
                if expectedKind == .malformed { tally.malformed.total += 1 } else { tally.invalid.total += 1 }
                do {
                    _ = try validated(bytes)
                    tally.failures.append("\(location): accepted a module that is \(expectedKind.rawValue) (\(command.text ?? ""))")
                } catch let error {
                    guard error.kind == expectedKind else {
                        tally.failures.append("\(location): expected \(expectedKind.rawValue) (\(command.text ?? "")), got \(error)")
                        continue
                    }
                    if expectedKind == .malformed { tally.malformed.passed += 1 } else { tally.invalid.passed += 1 }
                    if let text = command.text, !error.message.contains(text) {
                        tally.reasonMismatches.append("\(location): expected '\(text)', got '\(error.message)'")
                    }
                }
            case ("assert_malformed", "text"):
                // Text-format syntax errors: wasmc consumes binaries only, so these test the `.wast` parser.
                tally.textFormatOnly += 1
            default:
                continue
            }
        }
        return tally
    }

    private func validated(_ bytes: [UInt8]) throws(WasmError) -> Module {
        let module = try decodeModule(bytes, version: .v2)
        try validateModule(module, version: .v2)
        return module
    }
}

struct Tally {
    var passed = 0
    var total = 0
}

struct FileTally {
    var modules = Tally()
    var malformed = Tally()
    var invalid = Tally()
    var textFormatOnly = 0
    var failures: [String] = []
    var reasonMismatches: [String] = []

    var checked: Int { modules.total + malformed.total + invalid.total }

    mutating func add(_ other: FileTally) {
        modules.passed += other.modules.passed
        modules.total += other.modules.total
        malformed.passed += other.malformed.passed
        malformed.total += other.malformed.total
        invalid.passed += other.invalid.passed
        invalid.total += other.invalid.total
        textFormatOnly += other.textFormatOnly
        failures += other.failures
        reasonMismatches += other.reasonMismatches
    }

    static func table(rows: [(String, FileTally)], totals: FileTally) -> String {
        func cell(_ t: Tally) -> String { t.total == 0 ? "-" : "\(t.passed)/\(t.total)" }
        func line(_ name: String, _ t: FileTally) -> String {
            [name.padding(toLength: 36, withPad: " ", startingAt: 0),
             cell(t.modules).leftPadded(12), cell(t.malformed).leftPadded(12), cell(t.invalid).leftPadded(12),
             String(t.reasonMismatches.count).leftPadded(10), String(t.textFormatOnly).leftPadded(10)].joined(separator: " ")
        }
        var out = [line("file", FileTally()).replacingOccurrences(of: "-", with: " ")]
        out[0] = ["file".padding(toLength: 36, withPad: " ", startingAt: 0), "valid".leftPadded(12),
                  "malformed".leftPadded(12), "invalid".leftPadded(12), "reason≠".leftPadded(10),
                  "text-fmt".leftPadded(10)].joined(separator: " ")
        out += rows.map { line($0.0, $0.1) }
        out.append(line("TOTAL", totals))
        out.append("frontend conformance: \(totals.modules.passed + totals.malformed.passed + totals.invalid.passed) passed, "
                   + "\(totals.failures.count) failed (\(totals.reasonMismatches.count) reason-text mismatches, "
                   + "\(totals.textFormatOnly) text-format assertions not applicable to a binary frontend)")
        return out.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
