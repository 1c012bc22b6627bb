/// Bounds the compiles running at once (`--jobs`) and the ones waiting for a slot; past that a request
/// is refused at once (503 with Retry-After) instead of queueing without limit.
public actor CompileQueue {
    public let jobs: Int
    public let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let onDepthChange: @Sendable (Int) -> Void

    public struct Full: Error {}

    public init(jobs: Int, queueLimit: Int, onDepthChange: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.jobs = max(jobs, 1)
        self.queueLimit = max(queueLimit, 0)
        self.onDepthChange = onDepthChange
    }

    /// Runs `body` in a slot, first waiting for one (in order) when all are busy.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async throws(Full) {
        if running < jobs {
            running += 1
            return
        }
        guard waiting.count < queueLimit else { throw Full() }
        await withCheckedContinuation { waiting.append($0); onDepthChange(waiting.count) }
        // The releasing caller handed its slot over: `running` already counts this one.
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
            onDepthChange(waiting.count)
        }
    }

    /// Compiles waiting for a slot.
    public var depth: Int { waiting.count }
    public var active: Int { running }
}
