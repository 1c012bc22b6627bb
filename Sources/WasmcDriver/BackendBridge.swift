import LLVMBackend
import WasmIR

/// The backend's entry point with the driver's options: one object per partition, with stage timings.
func lowerToObjects(_ module: IRModule, options: CompilationOptions) throws -> CompiledObjects {
    let backend = BackendOptions(optimizationLevel: options.optimizationLevel,
                                 boundsChecks: options.boundsChecks == .explicit ? .explicit : .guardPages,
                                 targetCPU: options.targetCPU, jobs: options.codegenJobs,
                                 minimumPartitionedSize: options.minimumPartitionedSize)
    return try compileToObjects(module, options: backend)
}

/// Whether `name` is a `--target-cpu` LLVM can generate code for on this host.
public func isKnownTargetCPU(_ name: String) -> Bool {
    LLVMBackend.isKnownTargetCPU(name)
}

/// The host CPU's name and features, for cache keys of `--target-cpu native` builds.
let hostCPUDescription: String = hostCPUNameAndFeatures()
