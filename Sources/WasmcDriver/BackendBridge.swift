import LLVMBackend
import WasmIR

/// The backend's entry point with the driver's options.
func lowerToObject(_ module: IRModule, options: CompilationOptions) throws -> [UInt8] {
    try compileToObject(module, options: backendOptions(options))
}

/// The optimized LLVM IR the object would be made from, as text.
func lowerToLLVMIR(_ module: IRModule, options: CompilationOptions) throws -> String {
    try emitLLVMIR(module, options: backendOptions(options))
}

private func backendOptions(_ options: CompilationOptions) -> BackendOptions {
    BackendOptions(optimizationLevel: options.optimizationLevel,
                   boundsChecks: options.boundsChecks == .explicit ? .explicit : .guardPages,
                   targetCPU: options.targetCPU)
}

/// The host CPU's name and features, for cache keys of `--target-cpu native` builds.
let hostCPUDescription: String = hostCPUNameAndFeatures()
