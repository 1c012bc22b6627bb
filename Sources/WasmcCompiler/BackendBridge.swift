import LLVMBackend
import WasmIR

/// The backend's entry point with the driver's options: one object per partition, with stage timings.
func lowerToObjects(_ module: IRModule, options: CompilationOptions) throws -> CompiledObjects {
    try compileToObjects(module, options: backendOptions(options))
}

/// Whether `name` is a `--target-cpu` LLVM can generate code for on this host.
public func isKnownTargetCPU(_ name: String) -> Bool {
    LLVMBackend.isKnownTargetCPU(name)
}

/// The optimized LLVM IR the object would be made from, as text.
func lowerToLLVMIR(_ module: IRModule, options: CompilationOptions) throws -> String {
    try emitLLVMIR(module, options: backendOptions(options))
}

private func backendOptions(_ options: CompilationOptions) -> BackendOptions {
    BackendOptions(optimizationLevel: options.optimizationLevel,
                   boundsChecks: options.boundsChecks,
                   targetCPU: options.targetCPU, jobs: options.codegenJobs,
                   minimumPartitionedSize: options.minimumPartitionedSize)
}

/// The host CPU's name and features, for cache keys of `--target-cpu native` builds.
let hostCPUDescription: String = hostCPUNameAndFeatures()
