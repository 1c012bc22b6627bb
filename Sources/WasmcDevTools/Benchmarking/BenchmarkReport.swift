import Foundation
import WasmcCompiler

/// What `wasmc bench` measured, printed as a small table.
public struct BenchmarkReport: Sendable, CustomStringConvertible {
    public struct CompileTiming: Sendable, Equatable {
        public var coldSeconds: Double
        /// Nil when the artifact cache was not used.
        public var cachedSeconds: Double?
    }

    public struct Row: Sendable, Equatable {
        public var runner: String
        public var statistics: SampleStatistics
    }

    public var module: String
    public var moduleBytes: Int
    public var options: CompilationOptions
    public var compile: CompileTiming
    /// wasmc first, then the interpreter when one ran.
    public var rows: [Row]
    public var clock: ProgramBenchmark.Clock
    /// The run every other run matched.
    public var output: ProcessRun
    public var runCount: Int

    /// The interpreter's median over wasmc's, when an interpreter ran.
    public var speedup: Double? {
        guard rows.count > 1 else { return nil }
        return rows[0].statistics.speedup(over: rows[1].statistics)
    }

    public var description: String {
        let cached = compile.cachedSeconds.map { String(format: "%.4f s", $0) } ?? "n/a (--no-cache)"
        var lines = [
            "module   \(module) (\(String(format: "%.1f", Double(moduleBytes) / 1024)) KB), -O\(options.optimizationLevel), "
                + "bounds checks \(options.boundsChecks.rawValue), target CPU \(options.targetCPU)",
            "compile  cold \(String(format: "%.4f s", compile.coldSeconds)), cached \(cached)",
            "",
        ]
        let width = max(10, (rows.map(\.runner.count).max() ?? 0) + 1)
        lines.append("runner".padding(toLength: width, withPad: " ", startingAt: 0) + "  runs   median s      min s      max s   spread")
        for row in rows {
            let stats = row.statistics
            lines.append(row.runner.padding(toLength: width, withPad: " ", startingAt: 0)
                         + String(format: "%6d %10.4f %10.4f %10.4f %7.1f%%", stats.count, stats.median, stats.minimum,
                                  stats.maximum, stats.spread * 100))
        }
        lines.append("")
        if let speedup, rows.count > 1 {
            lines.append("speedup  \(String(format: "%.1f", speedup))× (\(rows[1].runner) median / wasmc median)")
        }
        lines.append("output   identical in all \(runCount) runs: \(output.standardOutput.count) bytes of stdout, exit code \(output.exitCode)")
        lines.append("times    \(clock == .wall ? "wall-clock" : "CPU (user + system)") seconds of each run")
        return lines.joined(separator: "\n")
    }
}
