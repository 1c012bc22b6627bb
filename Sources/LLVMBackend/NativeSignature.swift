import CLLVM
import WasmBinary

/// How a wasm signature crosses a native call, following the C ABI documented in `wasmc_rt.h` so that
/// hosts and libffi call exports directly: `R f(void *instance, P…)`, v128 as
/// `struct { uint64_t lo, hi; }` by value.
///
/// Under the x86-64 System V rules such a struct travels in two integer registers when two remain and
/// otherwise entirely in memory, while later integer arguments still take the free registers. Passing it
/// as two `i64` would split it across the last register and the stack, so the in-memory case is an LLVM
/// `byval` pointer, exactly what clang emits for the same C declaration.
struct NativeSignature {
    enum Passing: Equatable {
        /// One LLVM parameter of the value's own type.
        case direct
        /// A v128 as two `i64` parameters (low half first).
        case registerPair
        /// A v128 in the caller's stack area: a `byval({i64, i64})` pointer.
        case inMemory
    }

    let llvmType: LLVMTypeRef
    /// How each wasm parameter is passed, and the LLVM index of its first piece.
    let passing: [Passing]
    let firstLLVMIndex: [UInt32]
    /// The LLVM index of the results-area pointer when there is more than one result.
    let resultsAreaIndex: UInt32?
    /// A single v128 result comes back as `{i64, i64}` (rax:rdx).
    let returnsVectorPair: Bool

    /// Integer argument registers of the System V x86-64 calling convention.
    static let integerRegisterCount = 6

    /// `body`: the `tailcc` convention of function bodies in a module with tail calls, where a v128
    /// is one `<2 x i64>` everywhere (no C ABI to follow).
    init(_ type: FunctionType, in module: ModuleLowering, body: Bool = false) {
        var parameters: [LLVMTypeRef?] = [module.ptr]
        var passing: [Passing] = []
        var firstIndex: [UInt32] = []
        var freeIntegerRegisters = Self.integerRegisterCount - 1
        for valueType in type.parameters {
            firstIndex.append(UInt32(parameters.count))
            switch valueType {
            case .v128 where body:
                passing.append(.direct)
                parameters.append(module.vectorType)
            case .v128 where freeIntegerRegisters >= 2:
                freeIntegerRegisters -= 2
                passing.append(.registerPair)
                parameters += [module.i64, module.i64]
            case .v128:
                passing.append(.inMemory)
                parameters.append(module.ptr)
            case .f32, .f64:
                passing.append(.direct)
                parameters.append(module.llvmType(valueType))
            case .i32, .i64, .funcref, .externref:
                freeIntegerRegisters = max(freeIntegerRegisters - 1, 0)
                passing.append(.direct)
                parameters.append(module.llvmType(valueType))
            }
        }
        resultsAreaIndex = type.results.count > 1 ? UInt32(parameters.count) : nil
        if type.results.count > 1 { parameters.append(module.ptr) }
        returnsVectorPair = !body && type.results == [.v128]
        let result: LLVMTypeRef = switch type.results.count {
        case 1: returnsVectorPair ? module.vectorPairType : module.llvmType(type.results[0])
        default: module.voidType
        }
        llvmType = parameters.withUnsafeMutableBufferPointer { LLVMFunctionType(result, $0.baseAddress, UInt32($0.count), 0)! }
        self.passing = passing
        self.firstLLVMIndex = firstIndex
    }

    /// LLVM parameter indices that carry a `byval` struct.
    var inMemoryIndices: [UInt32] {
        zip(passing, firstLLVMIndex).compactMap { $0 == .inMemory ? $1 : nil }
    }
}

extension ModuleLowering {
    /// Marks the in-memory v128 parameters of a function or call site as `byval({i64, i64}) align 8`.
    func applyByValueAttributes(_ signature: NativeSignature, function: LLVMValueRef? = nil, call: LLVMValueRef? = nil) {
        guard !signature.inMemoryIndices.isEmpty else { return }
        let byval = LLVMCreateTypeAttribute(context, LLVMGetEnumAttributeKindForName("byval", 5), vectorPairType)!
        let align = LLVMCreateEnumAttribute(context, LLVMGetEnumAttributeKindForName("align", 5), 8)!
        for index in signature.inMemoryIndices {
            // Attribute index 0 is the return value; parameters start at 1.
            for attribute in [byval, align] {
                if let function { LLVMAddAttributeAtIndex(function, index + 1, attribute) }
                if let call { LLVMAddCallSiteAttribute(call, index + 1, attribute) }
            }
        }
    }
}
