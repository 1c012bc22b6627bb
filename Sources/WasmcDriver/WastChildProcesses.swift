import Foundation

/// Running scripts in child processes (`wasmc wast --report-progress FILE`): parallelism, and
/// isolation, since a crash of compiled code outside the runtime's trap scope ends only its child.
/// Children report their counts after every command, so a crash loses nothing already counted and
/// the commands it never ran count as failures.
extension WastRunner {
    public func runInChildProcesses(paths: [String], executable: String, arguments: [String], jobs: Int) throws -> WastTally {
        let scripts = try Self.scripts(in: paths)
        let results = ChildResults(count: scripts.count)
        let output = self.output
        let workers = DispatchGroup()
        for _ in 0..<min(max(jobs, 1), max(scripts.count, 1)) {
            workers.enter()
            Thread {
                while let index = results.claim() {
                    let (tally, lines) = runChild(script: scripts[index], executable: executable, arguments: arguments)
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

    private func runChild(script: URL, executable: String, arguments: [String]) -> (WastTally, [String]) {
        var tally = WastTally()
        var lines: [String] = []
        let result: ProcessResult
        do {
            result = try runProcess(executable, arguments + ["--report-progress", script.path])
        } catch {
            tally.record(.failed, line: 0, "cannot start \(executable): \(error)")
            return (tally, ["\(script.lastPathComponent): cannot start \(executable): \(error)"])
        }
        var finished = false
        for line in result.output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let progress = WastProgress.parse(line) {
                tally = progress.tally
                finished = finished || progress.done
            } else if options.verbose, !line.isEmpty {
                // Failure details; without --verbose only spectest's printing, which is noise here.
                lines.append(String(line))
            }
        }
        if !finished {
            let ran = tally.passed + tally.failed + tally.skipped + tally.textFormat
            let remaining = max(tally.commandCount - ran, 1)
            let reason = result.status > 128 || result.status < 0 ? "crashed (status \(result.status))" : "exited with status \(result.status)"
            lines.append("\(script.lastPathComponent): the runner \(reason) after \(ran) commands; \(remaining) commands not run count as failed")
            let errors = result.errorOutput.split(separator: "\n").suffix(5)
            lines += errors.map { "  \($0)" }
            tally.failed += remaining
        }
        return (tally, lines)
    }
}

/// The progress lines a child prints: `@wasmc-progress P F S T N` and, at the end, `@wasmc-done …`.
enum WastProgress {
    static func emit(_ tally: WastTally, done: Bool) {
        let line = "\(done ? "@wasmc-done" : "@wasmc-progress") \(tally.passed) \(tally.failed) \(tally.skipped) \(tally.textFormat) \(tally.commandCount)\n"
        // Unbuffered, so the parent has every count even if this process dies on the next command.
        FileHandle.standardOutput.write(Data(line.utf8))
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
