import WasmIR

/// The backend's entry point with the driver's options.
func lowerToObject(_ module: IRModule, options: CompilationOptions) throws -> [UInt8] {
    // LLVMBackend does not export `compileToObject` yet.
    throw CompileError.unsupported("unsupported: native code generation (the LLVM backend is not available yet)")
}
