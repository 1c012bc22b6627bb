import Foundation
import LLVMBackend

/// Seconds per compilation stage, printed by `wasmc compile --time-stages`.
public final class StageTimings {
    /// Stages in the order they ran; `note` says how a figure was taken (e.g. summed over threads).
    public private(set) var stages: [(name: String, seconds: Double, note: String)] = []

    public init() {}

    func record(_ name: String, _ seconds: Double, note: String = "") {
        stages.append((name, seconds, note))
    }

    /// The backend's stages; with several partitions the worker stages are summed over their threads.
    func record(_ backend: BackendTimings) {
        let plural = backend.partitions == 1 ? "" : "s"
        let note = backend.partitions > 1 ? "summed over \(backend.partitions) parallel partitions" : ""
        record("lower to LLVM IR", backend.lowering, note: note)
        record("optimize", backend.optimization, note: note)
        record("codegen", backend.codegen, note: note)
        record("backend elapsed", backend.wall, note: "\(backend.partitions) partition\(plural), \(backend.instructions) IR instructions")
        record("backend CPU", backend.partitionCPU.reduce(0, +),
               note: "busiest partition " + String(format: "%.3f s", backend.partitionCPU.max() ?? 0))
    }

    /// Runs `body` and records its elapsed time under `name`.
    func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        defer { record(name, Self.seconds(since: start)) }
        return try body()
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// One line per stage: name, seconds with millisecond resolution, note.
    public var report: String {
        let width = max(stages.map(\.name.count).max() ?? 0, 5)
        return stages.map { stage in
            let name = stage.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let line = name + "  " + String(format: "%8.3f s", stage.seconds)
            return stage.note.isEmpty ? line : line + "  (\(stage.note))"
        }.joined(separator: "\n")
    }
}
