import LLVMBackend
import WasmIR

/// The compiler's options in the backend's terms, and the few backend calls the compiler makes.
extension CompilationOptions {
    var backendOptions: BackendOptions {
        BackendOptions(optimizationLevel: optimizationLevel, boundsChecks: boundsChecks, targetCPU: targetCPU,
                       jobs: codegenJobs, minimumPartitionedSize: minimumPartitionedSize)
    }
}

/// One object per partition, with stage timings.
func lowerToObjects(_ module: IRModule, options: CompilationOptions) throws -> CompiledObjects {
    try compileToObjects(module, options: options.backendOptions)
}

/// Whether `name` is a `--target-cpu` LLVM can generate code for on this host.
public func isKnownTargetCPU(_ name: String) -> Bool {
    LLVMBackend.isKnownTargetCPU(name)
}

/// The optimized LLVM IR the object would be made from, as text.
func lowerToLLVMIR(_ module: IRModule, options: CompilationOptions) throws -> String {
    try emitLLVMIR(module, options: options.backendOptions)
}

/// The host CPU's name and features, for cache keys of `--target-cpu native` builds.
let hostCPUDescription: String = hostCPUNameAndFeatures()
