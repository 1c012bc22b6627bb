import LLVMBackend
import WasmIR

/// The backend's entry point with the driver's options.
func lowerToObject(_ module: IRModule, options: CompilationOptions) throws -> [UInt8] {
    var backend = BackendOptions()
    backend.optimizationLevel = options.optimizationLevel
    backend.boundsChecks = options.boundsChecks == .explicit ? .explicit : .guardPages
    backend.targetCPU = options.targetCPU
    return try compileToObject(module, options: backend)
}

/// The host CPU's name and features, for cache keys of `--target-cpu native` builds.
let hostCPUDescription: String = hostCPUNameAndFeatures()
