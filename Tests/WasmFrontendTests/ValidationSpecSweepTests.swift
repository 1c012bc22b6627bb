import Foundation
import Testing
import WasmBinary
import WasmFrontend
import SpecTestSupport

/// Runs the validator over the spec suite's converted scripts in `/tmp/spec` (or `$WASMC_SPEC_JSON`):
/// every `assert_invalid` module must be rejected as invalid with the expected reason in the message,
/// and every `module` must validate.
@Suite("Validation: spec sweep")
struct ValidationSpecSweepTests {

    @Test func assertInvalidAndValidModules() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WASMC_SPEC_JSON"] ?? "/tmp/spec")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
            print("note: skipping the validation sweep: no converted suite at \(root.path)")
            return
        }
        var invalid = (passed: 0, total: 0)
        var valid = (passed: 0, total: 0)
        var failures: [String] = []
        // Modules the decoder rejects are the decoder's to fix, but they still fail this sweep.
        var decodeFailures: [String] = []
        for name in names.sorted() {
            let directory = root.appendingPathComponent(name)
            let json = directory.appendingPathComponent("\(name).json")
            guard let data = try? Data(contentsOf: json) else { continue }
            for command in try JSONDecoder().decode(WastScript.self, from: data).commands {
                guard command.type == "module" || command.type == "assert_invalid",
                      command.moduleType == "binary", let file = command.filename else { continue }
                let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
                let location = "\(name).wast:\(command.line)"
                let module: Module
                do {
                    module = try decodeModule(bytes, version: .v2)
                } catch {
                    // `select` with other than one result type cannot be represented in `Instruction`,
                    // so the decoder reports that validation error itself.
                    if command.type == "assert_invalid", error.kind == .invalid, error.message.contains(command.text ?? "") {
                        invalid.total += 1
                        invalid.passed += 1
                        continue
                    }
                    decodeFailures.append("\(location): \(command.type) does not decode: \(error)")
                    continue
                }
                let outcome = Result { () throws(WasmError) in try validateModule(module, version: .v2) }
                if command.type == "module" {
                    valid.total += 1
                    switch outcome {
                    case .success: valid.passed += 1
                    case .failure(let error): failures.append("\(location): valid module rejected: \(error)")
                    }
                } else {
                    invalid.total += 1
                    let expected = command.text ?? ""
                    switch outcome {
                    case .success:
                        failures.append("\(location): accepted an invalid module (\(expected))")
                    case .failure(let error) where error.kind == .invalid && error.message.contains(expected):
                        invalid.passed += 1
                    case .failure(let error):
                        failures.append("\(location): expected invalid '\(expected)', got \(error)")
                    }
                }
            }
        }
        print("validation sweep: assert_invalid \(invalid.passed)/\(invalid.total), valid modules \(valid.passed)/\(valid.total), "
              + "\(decodeFailures.count) not decodable")
        for failure in failures.prefix(50) { print("FAIL \(failure)") }
        for failure in decodeFailures.prefix(10) { print("DECODE \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) validation sweep failures")
        #expect(decodeFailures.isEmpty, "\(decodeFailures.count) sweep modules do not decode")
        #expect(invalid.total > 2000, "suspiciously few assert_invalid modules: \(invalid.total)")
    }
}
