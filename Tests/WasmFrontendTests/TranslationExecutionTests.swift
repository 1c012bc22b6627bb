import Foundation
import Testing
import WasmBinary
import WasmFrontend
import WasmIR

/// Runs the spec suite's `assert_return` and `assert_trap` invocations on the translated IR with
/// `IRInterpreter`, for the integer subset it supports: this checks that translation preserves what
/// programs compute (control flow, block results, locals, calls), which verification alone cannot.
@Suite("Translation semantics on the spec suite")
struct TranslationExecutionTests {
    private struct Script: Decodable { let commands: [Command] }

    private struct Command: Decodable {
        let type: String
        let line: Int
        let filename: String?
        let name: String?
        let action: Action?
        let expected: [Argument]?
        let text: String?
    }

    private struct Action: Decodable {
        let type: String
        let module: String?
        let field: String?
        let args: [Argument]?
    }

    private struct Argument: Decodable {
        let type: String
        /// A scalar's value; nil for vectors (lane arrays) and anything else this test does not run.
        let value: String?

        enum CodingKeys: String, CodingKey { case type, value }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            value = try? container.decode(String.self, forKey: .value)
        }
    }

    /// Integer arguments as 64-bit patterns; nil for any other type.
    private static func bits(_ arguments: [Argument]) -> [UInt64]? {
        var result: [UInt64] = []
        for argument in arguments {
            guard argument.type == "i32" || argument.type == "i64", let text = argument.value, let value = UInt64(text) else { return nil }
            result.append(value)
        }
        return result
    }

    @Test func integerInvocationsComputeTheExpectedResults() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WASMC_SPEC_JSON"] ?? "/tmp/spec")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("fac/fac.json").path) else {
            print("note: skipping IR execution checks: no converted spec suite in \(root.path) (scripts/test.sh sets WASMC_SPEC_JSON)")
            return
        }
        var passed = 0, skipped = 0
        var failures: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let json = root.appendingPathComponent(name).appendingPathComponent("\(name).json")
            guard FileManager.default.fileExists(atPath: json.path) else { continue }
            let script = try JSONDecoder().decode(Script.self, from: Data(contentsOf: json))
            var interpreter: IRInterpreter?
            for command in script.commands {
                let location = "\(name).wast:\(command.line)"
                switch command.type {
                case "module":
                    interpreter = nil
                    guard command.name == nil, let filename = command.filename else { continue }
                    let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(name).appendingPathComponent(filename)))
                    guard let module = try? decodeModule(bytes), (try? validateModule(module)) != nil else { continue }
                    interpreter = try? IRInterpreter(translateModule(module))
                case "action":
                    // A bare invocation changes state later assertions see: run it, or stop judging.
                    guard var current = interpreter, let action = command.action, action.type == "invoke", action.module == nil,
                          let field = action.field, let index = current.exportedFunction(field),
                          let arguments = Self.bits(action.args ?? []), (try? current.call(index, arguments)) != nil else {
                        if interpreter?.isStateless != true { interpreter = nil }
                        continue
                    }
                    interpreter = current
                case "assert_return", "assert_trap":
                    guard var current = interpreter, let action = command.action, action.type == "invoke", action.module == nil,
                          let field = action.field, let index = current.exportedFunction(field),
                          let arguments = Self.bits(action.args ?? []) else {
                        // An invocation this test cannot make may change state; stop judging the module.
                        skipped += 1
                        if interpreter?.isStateless != true { interpreter = nil }
                        continue
                    }
                    let expected = command.type == "assert_return" ? Self.bits(command.expected ?? []) : []
                    guard let expected else {
                        skipped += 1
                        if !current.isStateless { interpreter = nil }
                        continue
                    }
                    do {
                        let results = try current.call(index, arguments)
                        if command.type == "assert_trap" {
                            failures.append("\(location): \(field) returned \(results), expected trap '\(command.text ?? "")'")
                        } else if results != expected {
                            failures.append("\(location): \(field)\(arguments) returned \(results), expected \(expected)")
                        } else {
                            passed += 1
                        }
                    } catch .trap(let code) {
                        if command.type == "assert_trap", let text = command.text, code.message.hasPrefix(text) || text.hasPrefix(code.message) {
                            passed += 1
                        } else {
                            failures.append("\(location): \(field)\(arguments) trapped '\(code.message)', expected \(command.type == "assert_trap" ? "'\(command.text ?? "")'" : "\(expected)")")
                        }
                    } catch {
                        // Outside the interpreter's subset; later invocations may depend on state this one
                        // would have changed, so the rest of this module is not judged.
                        skipped += 1
                        if !current.isStateless { interpreter = nil }
                        continue
                    }
                    interpreter = current
                default:
                    continue
                }
            }
        }
        print("IR execution: \(passed) invocations checked, \(skipped) outside the interpreter's subset, \(failures.count) failures")
        for failure in failures.prefix(30) { print("FAIL \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) invocations compute the wrong result")
        #expect(passed > 1000, "suspiciously few invocations checked: \(passed)")
    }
}
