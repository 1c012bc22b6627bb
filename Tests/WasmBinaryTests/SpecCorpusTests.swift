import Foundation
import Testing
import WasmBinary

/// Decodes every binary module of the converted spec suite (`wasm-tools json-from-wast` output):
/// binary `assert_malformed` must fail with the expected reason, `module` and `assert_invalid` must decode.
@Suite struct SpecCorpusTests {
    /// assert_invalid cases whose reason the binary format itself reports: a typed `select` with other
    /// than one type has no valid decoding, so the decoder raises the suite's invalid reason.
    static let decodeTimeInvalidReasons: Set<String> = ["invalid result arity"]

    struct Tally {
        var malformed = 0, malformedPassed = 0, decodable = 0, decoded = 0
        var failures: [String] = []
    }

    @Test func wholeSuite() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WASMC_SPEC_JSON"] ?? "/tmp/spec")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path), !names.isEmpty else {
            print("note: skipping spec decoding checks: no converted spec suite in \(root.path)")
            return
        }
        var tally = Tally()
        for name in names.sorted() {
            try check(directory: root.appendingPathComponent(name), name: name, into: &tally)
        }
        print("decoder spec sweep: malformed \(tally.malformedPassed)/\(tally.malformed), decoded \(tally.decoded)/\(tally.decodable)")
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(20).joined(separator: "\n"))")
        #expect(tally.malformed > 0 && tally.decodable > 0)
    }

    private func check(directory: URL, name: String, into tally: inout Tally) throws {
        let jsonURL = directory.appendingPathComponent("\(name).json")
        guard let data = FileManager.default.contents(atPath: jsonURL.path) else { return }
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        for command in json?["commands"] as? [[String: Any]] ?? [] {
            let type = command["type"] as? String ?? ""
            guard ["module", "assert_invalid", "assert_malformed"].contains(type),
                  let file = command["filename"] as? String, file.hasSuffix(".wasm"),
                  type != "assert_malformed" || command["module_type"] as? String == "binary",
                  let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path)
            else { continue }
            let expected = command["text"] as? String ?? ""
            let place = "\(name).wast:\(command["line"] as? Int ?? 0)"
            var failure: String?
            do throws(WasmError) { _ = try decodeModule([UInt8](bytes), version: .v2) } catch { failure = error.message }

            if type == "assert_malformed" {
                tally.malformed += 1
                if let failure, failure.contains(expected) {
                    tally.malformedPassed += 1
                } else {
                    tally.failures.append("\(place): expected malformed '\(expected)', got \(failure ?? "a module")")
                }
            } else if type == "assert_invalid" && Self.decodeTimeInvalidReasons.contains(expected) {
                if failure != expected { tally.failures.append("\(place): expected '\(expected)', got \(failure ?? "a module")") }
            } else {
                tally.decodable += 1
                if let failure { tally.failures.append("\(place): \(type) failed to decode: \(failure)") } else { tally.decoded += 1 }
            }
        }
    }
}
