/// How memory accesses are kept inside linear memory.
public enum BoundsCheckMode: String, Hashable, Sendable, CaseIterable {
    /// Rely on the runtime's guard region: most accesses need no compare; faults become traps.
    case guardPages = "guard"
    /// Compare every access against the memory size; needs no signal handler.
    case explicit
}

/// The options that change generated code, and therefore the cache key.
public struct CompilationOptions: Hashable, Sendable {
    /// 0 to 3, as `-O0` … `-O3`.
    public var optimizationLevel: Int
    public var boundsChecks: BoundsCheckMode

    public init(optimizationLevel: Int = 2, boundsChecks: BoundsCheckMode = .guardPages) {
        self.optimizationLevel = min(max(optimizationLevel, 0), 3)
        self.boundsChecks = boundsChecks
    }

    /// A stable textual form for cache keys.
    var cacheKeyText: String { "O\(optimizationLevel) bounds=\(boundsChecks.rawValue)" }
}
