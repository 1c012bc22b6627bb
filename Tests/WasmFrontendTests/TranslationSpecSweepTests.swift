import Foundation
import Testing
import WasmBinary
import WasmFrontend
import WasmIR
import SpecTestSupport

/// Every module the spec suite declares valid (`module` commands) must translate and pass the IR
/// verifier, module-level checks included. Uses the pre-converted suite in `/tmp/spec` when present,
/// else converts the suite found by `SpecSuite.locate()`.
@Suite("Translation spec sweep")
struct TranslationSpecSweepTests {
    @Test func everyValidModuleTranslatesAndVerifies() throws {
        let modules = try Self.declaredModules()
        guard !modules.isEmpty else { return }
        var failures: [String] = []
        var functionCount = 0
        var rejected: [String] = []
        for (location, bytes) in modules {
            let module: Module
            do {
                module = try decodeModule(bytes, version: .v2)
                try validateModule(module, version: .v2)
            } catch {
                // Decoding and validation have their own conformance tests; only translation is judged here.
                rejected.append("\(location): \(error)")
                continue
            }
            do {
                let irModule = try translateModule(module)
                try verifyIR(irModule)
                functionCount += irModule.functions.count
            } catch {
                failures.append("\(location): \(error)")
            }
        }
        print("translation sweep: \(modules.count) modules, \(rejected.count) rejected before translation, "
              + "\(functionCount) functions translated, \(failures.count) failures")
        for rejection in rejected.prefix(10) { print("not translated (rejected by decoder or validator): \(rejection)") }
        for failure in failures.prefix(30) { print("FAIL \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) modules fail translation or verification")
        #expect(functionCount > 6000, "suspiciously few functions translated: \(functionCount)")
    }

    /// (`script.wast:line`, bytes) of every `module` command.
    static func declaredModules() throws -> [(String, [UInt8])] {
        let converted = URL(fileURLWithPath: ProcessInfo.processInfo.environment["WASMC_SPEC_JSON"] ?? "/tmp/spec")
        if FileManager.default.fileExists(atPath: converted.appendingPathComponent("binary/binary.json").path) {
            return try modules(inConverted: converted)
        }
        guard let suite = try SpecSuite.locate() else { return [] }
        var modules: [(String, [UInt8])] = []
        for script in try suite.scripts() {
            for command in try script.commands() where command.type == "module" {
                if let bytes = try script.moduleBytes(command) { modules.append(("\(script.name).wast:\(command.line)", bytes)) }
            }
        }
        return modules
    }

    private static func modules(inConverted root: URL) throws -> [(String, [UInt8])] {
        var modules: [(String, [UInt8])] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        for name in names {
            let directory = root.appendingPathComponent(name)
            let json = directory.appendingPathComponent("\(name).json")
            guard FileManager.default.fileExists(atPath: json.path) else { continue }
            let script = try JSONDecoder().decode(WastScript.self, from: Data(contentsOf: json))
            for command in script.commands where command.type == "module" && command.filename != nil {
                let bytes = try WastConverter.moduleBytes(command, in: directory)
                modules.append(("\(name).wast:\(command.line)", bytes))
            }
        }
        return modules
    }
}
