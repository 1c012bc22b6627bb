import CLLVM
import CLLVMSupport

/// The host target: optimization through the new pass manager and object emission.
final class TargetMachine {
    let machine: LLVMTargetMachineRef
    let triple: String

    private static let initialize: Void = {
        LLVMInitializeX86TargetInfo()
        LLVMInitializeX86Target()
        LLVMInitializeX86TargetMC()
        LLVMInitializeX86AsmPrinter()
        // No induction-variable widening: wasm addresses are `zext(i32 index + constant)`, and widening
        // the i32 index to i64 turns them (and the exit test) into `and 0xffffffff` masks that scalar
        // evolution cannot follow, so loops counting up to 0 (clang's usual shape) lose their trip count
        // and are never vectorized. Kept in i32, SCEV proves the sums do not wrap. LLVM options are
        // process-wide; this process only ever compiles wasm.
        "wasmc".withCString { program in
            "-indvars-widen-indvars=false".withCString { option in
                var arguments: [UnsafePointer<CChar>?] = [program, option]
                LLVMParseCommandLineOptions(Int32(arguments.count), &arguments, nil)
            }
        }
    }()

    /// The triple code is generated for: the host's.
    static var hostTriple: String {
        let text = LLVMGetDefaultTargetTriple()!
        defer { LLVMDisposeMessage(text) }
        return String(cString: text)
    }

    /// Whether `name` is "native" or a processor LLVM knows for the host triple. LLVM itself accepts any
    /// name, warns on stderr and generates generic code, which would hide a typo.
    static func isKnownCPU(_ name: String) -> Bool {
        _ = initialize
        return name == "native" || wasmc_llvm_is_known_cpu(hostTriple, name) != 0
    }

    init(cpu requestedCPU: String, optimizationLevel: Int) throws {
        _ = Self.initialize
        triple = Self.hostTriple
        guard Self.isKnownCPU(requestedCPU) else { throw BackendError.unknownTargetCPU(requestedCPU) }
        var target: LLVMTargetRef?
        var error: UnsafeMutablePointer<CChar>?
        guard LLVMGetTargetFromTriple(triple, &target, &error) == 0, let target else {
            defer { LLVMDisposeMessage(error) }
            throw BackendError.llvm(error.map { String(cString: $0) } ?? "no target for \(triple)")
        }
        var cpu = requestedCPU
        var features = ""
        if requestedCPU == "native" {
            let name = LLVMGetHostCPUName()!
            let hostFeatures = LLVMGetHostCPUFeatures()!
            cpu = String(cString: name)
            features = String(cString: hostFeatures)
            LLVMDisposeMessage(name)
            LLVMDisposeMessage(hostFeatures)
        }
        let level: LLVMCodeGenOptLevel = optimizationLevel == 0 ? LLVMCodeGenLevelNone
            : optimizationLevel == 1 ? LLVMCodeGenLevelLess : optimizationLevel == 2 ? LLVMCodeGenLevelDefault : LLVMCodeGenLevelAggressive
        guard let machine = LLVMCreateTargetMachine(target, triple, cpu, features, level, LLVMRelocPIC, LLVMCodeModelDefault) else {
            throw BackendError.llvm("cannot create a target machine for \(triple) \(cpu)")
        }
        self.machine = machine
    }

    deinit { LLVMDisposeTargetMachine(machine) }

    func configure(_ module: LLVMModuleRef) {
        LLVMSetTarget(module, triple)
        let layout = LLVMCreateTargetDataLayout(machine)
        LLVMSetModuleDataLayout(module, layout)
        LLVMDisposeTargetData(layout)
    }

    func optimize(_ module: LLVMModuleRef, optimizationLevel: Int) throws {
        let options = LLVMCreatePassBuilderOptions()
        defer { LLVMDisposePassBuilderOptions(options) }
        if let error = LLVMRunPasses(module, "default<O\(optimizationLevel)>", machine, options) {
            let message = LLVMGetErrorMessage(error)
            defer { LLVMDisposeErrorMessage(message) }
            throw BackendError.llvm(message.map { String(cString: $0) } ?? "pass pipeline failed")
        }
    }

    /// Code generation alone, for a module `optimize` has already run on.
    func emitOptimizedObject(_ module: LLVMModuleRef) throws -> [UInt8] {
        var buffer: LLVMMemoryBufferRef?
        var error: UnsafeMutablePointer<CChar>?
        guard LLVMTargetMachineEmitToMemoryBuffer(machine, module, LLVMObjectFile, &error, &buffer) == 0, let buffer else {
            defer { LLVMDisposeMessage(error) }
            throw BackendError.llvm(error.map { String(cString: $0) } ?? "object emission failed")
        }
        defer { LLVMDisposeMemoryBuffer(buffer) }
        let start = LLVMGetBufferStart(buffer)!
        let size = LLVMGetBufferSize(buffer)
        return start.withMemoryRebound(to: UInt8.self, capacity: size) { Array(UnsafeBufferPointer(start: $0, count: size)) }
    }
}
