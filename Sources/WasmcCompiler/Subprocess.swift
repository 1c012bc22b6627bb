import Foundation

/// The one way wasmc runs a helper program (the system compiler, `ar`, `objcopy`, `wasm-tools`): found on
/// PATH, stdin closed, output collected, TMPDIR private, and killed with wasmc on SIGINT/SIGTERM/SIGHUP.

/// The first executable called `name` on PATH.
package func findExecutable(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

package struct ProcessResult {
    package var status: Int32
    package var output: String
    package var errorOutput: String
}

/// Runs a program to completion, collecting its output (read concurrently so full pipes never block it).
package func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
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

