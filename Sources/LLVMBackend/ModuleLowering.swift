import CLLVM
import WasmBinary
import WasmIR

/// Lowers a whole module: one LLVM function per wasm function (natural C ABI, instance first), the
/// instantiation plan the runtime reads, and the `wasmc_module` descriptor with its entry-point thunks.
final class ModuleLowering {
    let irModule: IRModule
    let module: Module
    let options: BackendOptions
    /// The functions this module defines (the others it only declares) and whether it carries the plan.
    let partition: Partition
    let context: LLVMContextRef
    let llvmModule: LLVMModuleRef
    let builder: LLVMBuilderRef
    let target: TargetMachine
    let layout: InstanceLayout

    // Types used everywhere.
    let voidType, i1, i8, i32, i64, f32, f64, ptr: LLVMTypeRef

    /// LLVM functions of the defined wasm functions, by defined index.
    private(set) var functions: [LLVMValueRef] = []
    /// With tail calls: each defined function's body in the `tailcc` convention (`functions` are then
    /// C-ABI entry points that call it), by defined index; empty otherwise.
    private(set) var bodies: [LLVMValueRef] = []
    /// Whether the module has tail calls (`return_call`, `return_call_indirect`): then every function
    /// body is `tailcc`, which lets `musttail` replace a frame by one of any signature.
    private(set) lazy var usesTailCalls: Bool = irModule.functions.contains { function in
        function.blocks.contains { $0.instructions.contains(where: \.isTailCall) }
    }
    private var internalSignatures: [FunctionType: NativeSignature] = [:]
    /// LLVM's `tailcc` (`CallingConv::Tail`).
    static let tailCallingConvention: UInt32 = 18
    private var runtimeFunctions: [String: (LLVMTypeRef, LLVMValueRef)] = [:]
    private var functionNameConstants: [UInt32: LLVMValueRef] = [:]
    private var nativeSignatures: [FunctionType: NativeSignature] = [:]
    /// Per defined function and value: whether a load needs an explicit check although guard pages are on.
    let explicitLoadChecks: [[Bool]]

    /// `explicitLoadChecks` comes from `ModuleLoadAnchoring`, computed once for all partitions (guard
    /// pages only); without it, it is computed here.
    init(_ irModule: IRModule, options: BackendOptions, partition: Partition? = nil, explicitLoadChecks: [[Bool]]? = nil) throws {
        self.irModule = irModule
        self.explicitLoadChecks = explicitLoadChecks
            ?? (options.boundsChecks == .explicit ? [] : ModuleLoadAnchoring.explicitChecks(for: irModule))
        self.module = irModule.module
        self.options = options
        self.partition = partition ?? .wholeModule(irModule)
        context = LLVMContextCreate()
        llvmModule = LLVMModuleCreateWithNameInContext("wasm", context)
        builder = LLVMCreateBuilderInContext(context)
        target = try TargetMachine(cpu: options.targetCPU, optimizationLevel: options.optimizationLevel)
        voidType = LLVMVoidTypeInContext(context)
        i1 = LLVMInt1TypeInContext(context)
        i8 = LLVMInt8TypeInContext(context)
        i32 = LLVMInt32TypeInContext(context)
        i64 = LLVMInt64TypeInContext(context)
        f32 = LLVMFloatTypeInContext(context)
        f64 = LLVMDoubleTypeInContext(context)
        ptr = LLVMPointerTypeInContext(context, 0)
        layout = InstanceLayout(module)
        target.configure(llvmModule)
    }

    deinit {
        LLVMDisposeBuilder(builder)
        LLVMDisposeModule(llvmModule)
        LLVMContextDispose(context)
    }

    func lower() throws {
        for function in irModule.functions {
            let signature = nativeSignature(function.type)
            let value = LLVMAddFunction(llvmModule, symbolName(for: function), signature.llvmType)!
            setLinkage(ofFunction: value)
            applyByValueAttributes(signature, function: value)
            // Frames larger than a page touch it page by page, so a frame that does not fit on the stack
            // faults in the guard gap below it (a "call stack exhausted" trap), never beyond it.
            addStringAttribute("probe-stack", "inline-asm", to: value)
            functions.append(value)
            if usesTailCalls {
                let body = LLVMAddFunction(llvmModule, symbolName(for: function) + "_body", internalSignature(function.type).llvmType)!
                LLVMSetFunctionCallConv(body, Self.tailCallingConvention)
                setLinkage(ofFunction: body)
                addStringAttribute("probe-stack", "inline-asm", to: body)
                bodies.append(body)
            }
        }
        for index in partition.functions {
            let function = irModule.functions[index]
            if usesTailCalls {
                try FunctionLowering(self, function: function, llvmFunction: bodies[index]).lower()
                emitEntryPoint(functions[index], calling: bodies[index], type: function.type)
            } else {
                try FunctionLowering(self, function: function, llvmFunction: functions[index]).lower()
            }
        }
        if partition.carriesPlan { emitPlanAndDescriptor() }
        if options.verifyLLVMIR {
            var message: UnsafeMutablePointer<CChar>?
            if LLVMVerifyModule(llvmModule, LLVMReturnStatusAction, &message) != 0 {
                defer { LLVMDisposeMessage(message) }
                throw BackendError.llvm("generated LLVM IR does not verify: " + (message.map { String(cString: $0) } ?? ""))
            }
            LLVMDisposeMessage(message)
        }
    }

    // MARK: - Types and signatures

    func llvmType(_ type: ValueType) -> LLVMTypeRef {
        switch type {
        case .i32: i32
        case .i64: i64
        case .f32: f32
        case .f64: f64
        case .funcref, .externref: ptr
        case .v128: LLVMVectorType(i64, 2)
        }
    }

    /// `R f(ptr instance, P…)`, or `void f(ptr instance, P…, ptr results)` for several results.
    /// Computed once per type: every definition, call site and indirect call of the type shares it.
    func nativeSignature(_ type: FunctionType) -> NativeSignature {
        if let existing = nativeSignatures[type] { return existing }
        let signature = NativeSignature(type, in: self)
        nativeSignatures[type] = signature
        return signature
    }

    /// The `tailcc` signature of function bodies in a module with tail calls (see `NativeSignature`).
    func internalSignature(_ type: FunctionType) -> NativeSignature {
        if let existing = internalSignatures[type] { return existing }
        let signature = NativeSignature(type, in: self, body: true)
        internalSignatures[type] = signature
        return signature
    }

    /// The C-ABI entry point of a function whose body is `tailcc`: converts the arguments, calls the
    /// body, converts the result. Hosts, tables, exports and imports use it; wasm calls the body.
    private func emitEntryPoint(_ entry: LLVMValueRef, calling body: LLVMValueRef, type: FunctionType) {
        let native = nativeSignature(type), bodySignature = internalSignature(type)
        LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, entry, "entry"))
        var arguments: [LLVMValueRef?] = [LLVMGetParam(entry, 0)]
        for (passing, index) in zip(native.passing, native.firstLLVMIndex) {
            switch passing {
            case .direct: arguments.append(LLVMGetParam(entry, index))
            case .registerPair:
                let low = LLVMBuildInsertElement(builder, LLVMGetUndef(vectorType), LLVMGetParam(entry, index), constI32(0), "")!
                arguments.append(LLVMBuildInsertElement(builder, low, LLVMGetParam(entry, index + 1), constI32(1), ""))
            case .inMemory:
                let loaded = LLVMBuildLoad2(builder, vectorType, LLVMGetParam(entry, index), "")!
                LLVMSetAlignment(loaded, 8)
                arguments.append(loaded)
            }
        }
        if let area = native.resultsAreaIndex { arguments.append(LLVMGetParam(entry, area)) }
        let call = arguments.withUnsafeMutableBufferPointer {
            LLVMBuildCall2(builder, bodySignature.llvmType, body, $0.baseAddress, UInt32($0.count), "")!
        }
        LLVMSetInstructionCallConv(call, Self.tailCallingConvention)
        if type.results.count != 1 {
            LLVMBuildRetVoid(builder)
        } else if native.returnsVectorPair {
            var pair = LLVMGetUndef(vectorPairType)!
            pair = LLVMBuildInsertValue(builder, pair, LLVMBuildExtractElement(builder, call, constI32(0), ""), 0, "")!
            pair = LLVMBuildInsertValue(builder, pair, LLVMBuildExtractElement(builder, call, constI32(1), ""), 1, "")!
            LLVMBuildRet(builder, pair)
        } else {
            LLVMBuildRet(builder, call)
        }
    }

    /// `{i64, i64}`: a v128 at the C ABI (`wasmc_v128`).
    private(set) lazy var vectorPairType: LLVMTypeRef = {
        var fields: [LLVMTypeRef?] = [i64, i64]
        return fields.withUnsafeMutableBufferPointer { LLVMStructTypeInContext(context, $0.baseAddress, 2, 0)! }
    }()

    /// `<2 x i64>`: how v128 values travel inside a function.
    var vectorType: LLVMTypeRef { llvmType(.v128) }

    private func symbolName(for function: IRFunction) -> String {
        let base = function.name.map { name in
            String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" }.prefix(64))
        } ?? "func"
        return "wasm_\(function.index)_\(base)"
    }

    /// A runtime function, declared on first use.
    func runtimeFunction(_ name: String, returning result: LLVMTypeRef, _ parameters: [LLVMTypeRef],
                         noReturn: Bool = false) -> (LLVMTypeRef, LLVMValueRef) {
        if let existing = runtimeFunctions[name] { return existing }
        var parameters: [LLVMTypeRef?] = parameters
        let type = parameters.withUnsafeMutableBufferPointer { LLVMFunctionType(result, $0.baseAddress, UInt32($0.count), 0) }!
        let function = LLVMAddFunction(llvmModule, name, type)!
        if noReturn {
            addAttribute("noreturn", to: function)
            addAttribute("cold", to: function)
        }
        runtimeFunctions[name] = (type, function)
        return (type, function)
    }

    func intrinsic(_ name: String, _ overloads: [LLVMTypeRef]) -> (LLVMTypeRef, LLVMValueRef) {
        let id = LLVMLookupIntrinsicID(name, name.utf8.count)
        var overloads: [LLVMTypeRef?] = overloads
        let function = overloads.withUnsafeMutableBufferPointer { LLVMGetIntrinsicDeclaration(llvmModule, id, $0.baseAddress, $0.count) }!
        let type = overloads.withUnsafeMutableBufferPointer { LLVMIntrinsicGetType(context, id, $0.baseAddress, $0.count) }!
        return (type, function)
    }

    func addStringAttribute(_ name: String, _ value: String, to function: LLVMValueRef) {
        let attribute = LLVMCreateStringAttribute(context, name, UInt32(name.utf8.count), value, UInt32(value.utf8.count))
        LLVMAddAttributeAtIndex(function, UInt32(bitPattern: Int32(LLVMAttributeFunctionIndex)), attribute)
    }

    func addAttribute(_ name: String, to function: LLVMValueRef) {
        let kind = LLVMGetEnumAttributeKindForName(name, name.utf8.count)
        LLVMAddAttributeAtIndex(function, UInt32(bitPattern: Int32(LLVMAttributeFunctionIndex)), LLVMCreateEnumAttribute(context, kind, 0))
    }

    /// A private constant C string naming a wasm function, for trap reports.
    func functionNameConstant(_ function: IRFunction) -> LLVMValueRef {
        if let existing = functionNameConstants[function.index] { return existing }
        let name = function.name ?? "function \(function.index)"
        let value = globalString(name, symbol: "wasm_name_\(function.index)")
        functionNameConstants[function.index] = value
        return value
    }

    /// A private constant NUL-terminated string.
    func globalString(_ text: String, symbol: String) -> LLVMValueRef {
        constantBytes(Array(text.utf8), symbol: symbol, nullTerminated: true)
    }

    /// A private constant byte array (data segments, names), optionally followed by a NUL.
    func constantBytes(_ bytes: [UInt8], symbol: String, nullTerminated: Bool) -> LLVMValueRef {
        let constant = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                LLVMConstStringInContext(context, $0.baseAddress, UInt32(bytes.count), nullTerminated ? 0 : 1)!
            }
        }
        let global = LLVMAddGlobal(llvmModule, LLVMTypeOf(constant), symbol)!
        LLVMSetInitializer(global, constant)
        LLVMSetGlobalConstant(global, 1)
        LLVMSetLinkage(global, LLVMPrivateLinkage)
        LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr)
        return global
    }

    /// Type-based alias classes: wasm linear memory never aliases runtime data (instance slots, global
    /// cells, tables), so LLVM may keep a global such as the shadow-stack pointer in a register across stores.
    enum AliasClass { case linearMemory, runtimeData }

    private(set) lazy var tbaaKind: UInt32 = LLVMGetMDKindIDInContext(context, "tbaa", 4)
    private lazy var tbaaRoot: LLVMMetadataRef = metadataNode([LLVMMDStringInContext2(context, "wasmc", 5)])
    private(set) lazy var linearMemoryTag: LLVMValueRef = accessTag("wasm linear memory")
    private(set) lazy var runtimeDataTag: LLVMValueRef = accessTag("wasmc runtime data")

    private func metadataNode(_ elements: [LLVMMetadataRef?]) -> LLVMMetadataRef {
        var elements = elements
        return elements.withUnsafeMutableBufferPointer { LLVMMDNodeInContext2(context, $0.baseAddress, $0.count)! }
    }

    private func accessTag(_ name: String) -> LLVMValueRef {
        let offset = LLVMValueAsMetadata(constI64(0))
        let type = metadataNode([LLVMMDStringInContext2(context, name, name.utf8.count), tbaaRoot, offset])
        return LLVMMetadataAsValue(context, metadataNode([type, type, offset]))
    }

    func tag(_ instruction: LLVMValueRef, _ aliasClass: AliasClass) {
        LLVMSetMetadata(instruction, tbaaKind, aliasClass == .linearMemory ? linearMemoryTag : runtimeDataTag)
    }

    func constI32(_ value: UInt32) -> LLVMValueRef { LLVMConstInt(i32, UInt64(value), 0) }
    func constI64(_ value: UInt64) -> LLVMValueRef { LLVMConstInt(i64, value, 0) }
}
