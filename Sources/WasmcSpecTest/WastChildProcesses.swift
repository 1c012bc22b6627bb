import Foundation
import WasmcCompiler
import WasmcHost

/// Running scripts in child processes (`wasmc wast --report-progress FILE`): parallelism, and
/// isolation, since a crash or a hang of compiled code ends only its child. Children report the line
/// of every command before running it and their counts after, so a crash loses nothing already
/// counted; the commands a dead child never ran count as failures.
extension WastRunner {
    /// `timeout`: seconds one command may run before its child is killed.
    public func runInChildProcesses(paths: [String], executable: String, arguments: [String], jobs: Int,
                                    timeout: Double = 120) throws -> WastTally {
        let scripts = try Self.scripts(in: paths)
        let results = ChildResults(count: scripts.count)
        let output = self.output
        let workers = DispatchGroup()
        for _ in 0..<min(max(jobs, 1), max(scripts.count, 1)) {
            workers.enter()
            Thread {
                while let index = results.claim() {
                    let child = ChildRun(executable: executable, arguments: arguments + ["--report-progress", scripts[index].path],
                                         timeout: timeout, verbose: options.verbose)
                    let (tally, lines) = child.run(name: scripts[index].lastPathComponent)
                    results.finish(index, name: scripts[index].lastPathComponent, tally: tally, lines: lines) { tally, lines, name in
                        lines.forEach(output)
                        output(tally.fileLine(name))
                    }
                }
                workers.leave()
            }.start()
        }
        workers.wait()
        var total = WastTally()
        for tally in results.tallies { total.add(tally) }
        total.closingLines.forEach(output)
        return total
    }
}

/// One child process running one script, watched for progress.
private final class ChildRun: @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let timeout: Double
    let verbose: Bool
    private let lock = NSLock()
    private var tally = WastTally()
    private var finished = false
    private var currentLine = 0
    private var lastActivity = Date()
    private var lines: [String] = []
    private var errorText = ""

    init(executable: String, arguments: [String], timeout: Double, verbose: Bool) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.verbose = verbose
    }

    func run(name: String) -> (WastTally, [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            var failed = WastTally()
            failed.record(.failed, line: 0, "cannot start \(executable): \(error)")
            return (failed, ["\(name): cannot start \(executable): \(error)"])
        }
        let readers = DispatchGroup()
        readers.enter()
        Thread { [self] in
            readLines(outputPipe.fileHandleForReading)
            readers.leave()
        }.start()
        readers.enter()
        Thread { [self] in
            let text = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            lock.withLock { errorText = text }
            readers.leave()
        }.start()
        var timedOut = false
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            let idle = lock.withLock { Date().timeIntervalSince(lastActivity) }
            if idle > timeout {
                timedOut = true
                // SIGTERM first: the child's cleanup thread removes its private directories even while
                // compiled code spins; SIGKILL only if that does not end it.
                kill(process.processIdentifier, SIGTERM)
                let deadline = Date().addingTimeInterval(2)
                while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
        }
        process.waitUntilExit()
        readers.wait()
        return lock.withLock { summary(name: name, status: process.terminationStatus, timedOut: timedOut) }
    }

    /// Splits the child's output into progress records and (with --verbose) text to pass on.
    private func readLines(_ handle: FileHandle) {
        var pending = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                record(Substring(line))
            }
        }
        if !pending.isEmpty { record(Substring(String(decoding: pending, as: UTF8.self))) }
    }

    private func record(_ line: Substring) {
        lock.withLock {
            lastActivity = Date()
            if let start = WastProgress.parseStart(line) {
                currentLine = start
            } else if let progress = WastProgress.parse(line) {
                tally = progress.tally
                finished = finished || progress.done
            } else if verbose, !line.isEmpty {
                // Failure details; without --verbose only spectest's printing, which is noise here.
                lines.append(String(line))
            }
        }
    }

    private func summary(name: String, status: Int32, timedOut: Bool) -> (WastTally, [String]) {
        var result = tally
        var text = lines
        if !finished {
            let ran = result.passed + result.failed + result.skipped + result.textFormat
            let remaining = max(result.commandCount - ran, 1)
            let reason = timedOut ? "timed out after \(Int(timeout)) s" : "died (status \(status))"
            text.append("\(name): the runner \(reason) in the command at line \(currentLine); \(remaining) commands not run count as failed")
            result.failed += remaining
            if result.failures.count < 50 { result.failures.append("\(currentLine): \(reason)") }
            // The crash report's headline and first frame, not the whole backtrace.
            let crashLines = errorText.split(separator: "\n").filter { $0.contains("crashed") || $0.hasPrefix("  0 ") || $0.contains("Fatal error") }
            text += crashLines.prefix(3).map { "  \($0.trimmingCharacters(in: .whitespaces))" }
        }
        return (result, text)
    }
}

/// The progress lines a child prints: `@wasmc-line L` before a command, `@wasmc-progress P F S T N`
/// after it and `@wasmc-done P F S T N` at the end.
enum WastProgress {
    /// Unbuffered writes, so the parent has every record even if this process dies on the next command.
    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    static func emitStart(_ line: Int) {
        write("@wasmc-line \(line)\n")
    }

    static func emit(_ tally: WastTally, done: Bool) {
        write("\(done ? "@wasmc-done" : "@wasmc-progress") \(tally.passed) \(tally.failed) \(tally.skipped) \(tally.textFormat) \(tally.commandCount)\n")
    }

    static func parseStart(_ line: Substring) -> Int? {
        guard line.hasPrefix("@wasmc-line ") else { return nil }
        return Int(line.dropFirst("@wasmc-line ".count))
    }

    static func parse(_ line: Substring) -> (tally: WastTally, done: Bool)? {
        let words = line.split(separator: " ")
        guard words.count == 6, words[0] == "@wasmc-progress" || words[0] == "@wasmc-done" else { return nil }
        let numbers = words.dropFirst().compactMap { Int($0) }
        guard numbers.count == 5 else { return nil }
        var tally = WastTally()
        tally.passed = numbers[0]
        tally.failed = numbers[1]
        tally.skipped = numbers[2]
        tally.textFormat = numbers[3]
        tally.commandCount = numbers[4]
        return (tally, words[0] == "@wasmc-done")
    }
}

/// Results arriving out of order from workers, printed in script order as soon as possible.
private final class ChildResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var tallies: [WastTally]
    private var ready: [Int: (tally: WastTally, lines: [String], name: String)] = [:]
    private var nextToPrint = 0
    private var nextToRun = 0

    init(count: Int) { tallies = Array(repeating: WastTally(), count: count) }

    /// The next script no worker has taken, or nil when all are taken.
    func claim() -> Int? {
        lock.withLock {
            guard nextToRun < tallies.count else { return nil }
            defer { nextToRun += 1 }
            return nextToRun
        }
    }

    func finish(_ index: Int, name: String, tally: WastTally, lines: [String], print: (WastTally, [String], String) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        tallies[index] = tally
        ready[index] = (tally, lines, name)
        while let next = ready.removeValue(forKey: nextToPrint) {
            print(next.tally, next.lines, next.name)
            nextToPrint += 1
        }
    }
}
