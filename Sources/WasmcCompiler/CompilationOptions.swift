import Foundation
import LLVMBackend

/// How memory accesses are kept inside linear memory (`guard` or `explicit`): the backend's own type.
public typealias BoundsCheckStrategy = LLVMBackend.BoundsCheckStrategy

/// The options that change generated code, and therefore the cache key.
public struct CompilationOptions: Hashable, Sendable {
    /// 0 to 3, as `-O0` … `-O3`.
    public var optimizationLevel: Int
    public var boundsChecks: BoundsCheckStrategy
    /// LLVM CPU name: "generic" (portable), "native" (this machine) or e.g. "x86-64-v2".
    public var targetCPU: String
    /// Threads (and LLVM partitions) a large module is compiled with; a partition boundary blocks inlining.
    public var codegenJobs: Int
    /// IR instructions below which a module stays in one partition (0 splits every module, for tests).
    public var minimumPartitionedSize: Int

    public init(optimizationLevel: Int = 2, boundsChecks: BoundsCheckStrategy = .guardPages, targetCPU: String = "generic",
                codegenJobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                minimumPartitionedSize: Int = CompilationOptions.defaultMinimumPartitionedSize) {
        self.optimizationLevel = min(max(optimizationLevel, 0), 3)
        self.boundsChecks = boundsChecks
        self.targetCPU = targetCPU
        self.codegenJobs = max(codegenJobs, 1)
        self.minimumPartitionedSize = max(minimumPartitionedSize, 0)
    }

    public static let defaultMinimumPartitionedSize = BackendOptions.defaultMinimumPartitionedSize

    /// A stable textual form for cache keys. The partitioning is part of it: it decides what can be inlined.
    var cacheKeyText: String {
        "O\(optimizationLevel) bounds=\(boundsChecks.rawValue) cpu=\(resolvedTargetCPU)"
            + " jobs=\(codegenJobs) partition-from=\(minimumPartitionedSize)"
    }

    /// "native" names whatever CPU compiles, so the key records the actual one.
    var resolvedTargetCPU: String { targetCPU == "native" ? "native:\(hostCPUDescription)" : targetCPU }
}
