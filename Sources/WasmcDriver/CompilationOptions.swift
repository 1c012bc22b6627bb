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
    /// LLVM CPU name: "generic" (portable), "native" (this machine) or e.g. "x86-64-v2".
    public var targetCPU: String

    public init(optimizationLevel: Int = 2, boundsChecks: BoundsCheckMode = .guardPages, targetCPU: String = "generic") {
        self.optimizationLevel = min(max(optimizationLevel, 0), 3)
        self.boundsChecks = boundsChecks
        self.targetCPU = targetCPU
    }

    /// A stable textual form for cache keys.
    var cacheKeyText: String { "O\(optimizationLevel) bounds=\(boundsChecks.rawValue) cpu=\(resolvedTargetCPU)" }

    /// "native" names whatever CPU compiles, so the key records the actual one.
    var resolvedTargetCPU: String { targetCPU == "native" ? "native:\(hostCPUDescription)" : targetCPU }
}
