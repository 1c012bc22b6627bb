import Foundation
import Testing
@_exported import WasmcSpecTest

/// Finds the spec test suite; its scripts are read with the `.wast` runner's converter.
///
/// The suite is never copied into the repository: it comes from `$WASMC_SPEC_TESTSUITE` or from
/// `../shared/testsuite` beside the checkout. Under `CI=true` a missing suite is a failure; otherwise
/// the tests that need it are skipped with a message.
public struct SpecSuite {
    public let directory: URL
    public let workDirectory: URL

    public static func locate(filePath: String = #filePath) throws -> SpecSuite? {
        let environment = ProcessInfo.processInfo.environment
        let repository = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = environment["WASMC_SPEC_TESTSUITE"].map { URL(fileURLWithPath: $0) }
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared/testsuite")
        guard FileManager.default.fileExists(atPath: candidate.appendingPathComponent("binary.wast").path) else {
            if environment["CI"] == "true" {
                Issue.record("the spec test suite is missing at \(candidate.path) (set WASMC_SPEC_TESTSUITE)")
            } else {
                print("note: skipping spec conformance: no test suite at \(candidate.path); set WASMC_SPEC_TESTSUITE to a checkout of the WebAssembly 2.0 core tests")
            }
            return nil
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-spec-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        return SpecSuite(directory: candidate, workDirectory: work)
    }

    /// The top-level `.wast` scripts (the 2.0 core suite), sorted by name.
    public func scripts() throws -> [SpecScript] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".wast") }
            .sorted()
            .map { name in
                let base = String(name.dropLast(5))
                return SpecScript(name: base, source: directory.appendingPathComponent(name),
                                  outputDirectory: workDirectory.appendingPathComponent(base))
            }
    }
}

/// One command of a spec script, as the `.wast` runner reads it.
public typealias SpecCommand = WastCommand

public struct SpecScript: Sendable {
    public let name: String
    public let source: URL
    public let outputDirectory: URL

    /// The script's commands, converted by the `.wast` runner's converter (`wasm-tools json-from-wast`).
    public func commands() throws -> [SpecCommand] {
        try WastConverter.convert(source, into: outputDirectory).commands
    }

    /// The binary module of a command (text modules assembled by `wasm-tools`), or nil when it names none.
    public func moduleBytes(_ command: SpecCommand) throws -> [UInt8]? {
        guard command.filename != nil else { return nil }
        return try WastConverter.moduleBytes(command, in: outputDirectory)
    }
}

extension SpecSuite {
    /// The binary modules every script declares with `module` (valid ones), for use as fuzzing seeds.
    public func declaredModules(limit: Int = .max) throws -> [[UInt8]] {
        var modules: [[UInt8]] = []
        for script in try scripts() {
            for command in try script.commands() where command.type == "module" && command.moduleType == "binary" {
                if let bytes = try script.moduleBytes(command) { modules.append(bytes) }
                if modules.count >= limit { return modules }
            }
        }
        return modules
    }
}
