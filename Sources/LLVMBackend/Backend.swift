import CLLVM
import Foundation
import WasmIR

/// How memory accesses are kept inside linear memory.
public enum BoundsCheckStrategy: String, Hashable, Sendable, CaseIterable {
    /// The runtime reserves 8 GiB + guard per memory, so an i32 address plus a u32 offset never leaves the
    /// reservation: accesses need no compare and faults become traps in the signal handler.
    case guardPages = "guard"
    /// Every access compares against the current size; no signal handler needed.
    case explicit
}

/// Options that change generated code (and therefore belong in every cache key).
public struct BackendOptions: Hashable, Sendable {
    public var optimizationLevel: Int
    public var boundsChecks: BoundsCheckStrategy
    /// `"generic"`, `"native"` or an LLVM CPU name such as `"x86-64-v2"`.
    public var targetCPU: String
    /// Run `LLVMVerifyModule` on the lowered module before optimizing.
    public var verifyLLVMIR: Bool
    /// How many partitions (each with its own LLVM context, compiled on its own thread) a large module
    /// is split into.
    public var jobs: Int
    /// Modules with fewer IR instructions stay in one partition: splitting loses inlining across
    /// partitions and saves little time on small modules.
    public var minimumPartitionedSize: Int

    /// Below this many IR instructions (a few thousand functions, about a megabyte of wasm code) one
    /// partition compiles fast enough; see benchmarks/compile/run.sh for the measurements behind it.
    public static let defaultMinimumPartitionedSize = 200_000

    public init(optimizationLevel: Int = 2, boundsChecks: BoundsCheckStrategy = .guardPages,
                targetCPU: String = "generic", verifyLLVMIR: Bool = false,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                minimumPartitionedSize: Int = BackendOptions.defaultMinimumPartitionedSize) {
        self.optimizationLevel = min(max(optimizationLevel, 0), 3)
        self.boundsChecks = boundsChecks
        self.targetCPU = targetCPU
        self.verifyLLVMIR = verifyLLVMIR
        self.jobs = max(jobs, 1)
        self.minimumPartitionedSize = max(minimumPartitionedSize, 0)
    }
}

public enum BackendError: Error, CustomStringConvertible {
    /// A feature the backend does not lower yet; never silently wrong code.
    case unsupported(String)
    /// LLVM rejected the module or could not emit it.
    case llvm(String)
    /// `--target-cpu` names no processor LLVM knows for the host.
    case unknownTargetCPU(String)

    public var description: String {
        switch self {
        case .unsupported(let feature): "unsupported: \(feature)"
        case .unknownTargetCPU(let name):
            "unknown target CPU '\(name)': use generic, native or a processor LLVM knows for \(TargetMachine.hostTriple) (e.g. x86-64-v2, skylake)"
        case .llvm(let message): "LLVM error: \(message)"
        }
    }
}

/// Whether `--target-cpu NAME` names "generic", "native" or a processor LLVM knows for the host.
public func isKnownTargetCPU(_ name: String) -> Bool {
    TargetMachine.isKnownCPU(name)
}

/// The lowered (and optimized) module as LLVM IR text, for debugging and tests.
public func emitLLVMIR(_ module: IRModule, options: BackendOptions) throws -> String {
    let lowering = try ModuleLowering(module, options: options)
    try lowering.lower()
    try lowering.target.optimize(lowering.llvmModule, optimizationLevel: options.optimizationLevel)
    guard let text = LLVMPrintModuleToString(lowering.llvmModule) else { return "" }
    defer { LLVMDisposeMessage(text) }
    return String(cString: text)
}

/// The host CPU name and feature string as LLVM sees them.
public func hostCPUNameAndFeatures() -> String {
    let name = LLVMGetHostCPUName()!
    let features = LLVMGetHostCPUFeatures()!
    defer {
        LLVMDisposeMessage(name)
        LLVMDisposeMessage(features)
    }
    return String(cString: name) + " " + String(cString: features)
}
