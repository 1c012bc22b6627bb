import CWasmcRuntime
import WasmBinary
import WasmcCompiler

/// Something an instance exports and another imports: the runtime objects are shared by pointer.
public enum ExternalValue {
    /// A `wasmc_funcref` record and the function's type.
    case function(FunctionHandle)
    /// A `wasmc_table *`.
    case table(UnsafeMutableRawPointer)
    /// A `wasmc_memory *`.
    case memory(UnsafeMutableRawPointer)
    /// A `wasmc_global *` and the global's type.
    case global(UnsafeMutableRawPointer, GlobalType)

    var kindName: String {
        switch self {
        case .function: "function"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        }
    }
}

/// A callable function: its `wasmc_funcref` record (code, type id, instance) and its wasm type.
public struct FunctionHandle {
    public let reference: UnsafeMutableRawPointer
    public let type: FunctionType

    public init(reference: UnsafeMutableRawPointer, type: FunctionType) {
        self.reference = reference
        self.type = type
    }
}

/// Something imports resolve against: a registered instance or a host module.
public protocol ImportSource: AnyObject {
    func export(named name: String) -> ExternalValue?
}
