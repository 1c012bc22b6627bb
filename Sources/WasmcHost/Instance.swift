import Foundation
import CWasmcRuntime
import WasmBinary
import WasmcCompiler

/// Why a module could not be instantiated.
public enum InstantiationError: Error, CustomStringConvertible, @unchecked Sendable {
    /// An import is missing or has the wrong type (`unknown import`, `incompatible import type`).
    case unlinkable(String)
    /// Instantiation trapped (a segment out of bounds, the start function); the partly initialised
    /// instance is kept because shared tables and memories may already refer to it.
    case trap(Trap, Instance?)
    case failed(String)

    public var description: String {
        switch self {
        case .unlinkable(let reason): "unlinkable: \(reason)"
        case .trap(let trap, _): "instantiation trapped: \(trap)"
        case .failed(let reason): "instantiation failed: \(reason)"
        }
    }
}

/// A module instantiated in this process: its instance state and access to its exports.
public final class Instance: ImportSource {
    public let module: LoadedModule
    let engine: Engine
    /// The instance state compiled code works on (`instance_size` bytes).
    let state: UnsafeMutableRawPointer
    /// Imports stay referenced while the instance lives.
    private let importSources: [AnyObject]
    private var destroyed = false

    /// Resolves nothing itself: `imports` holds one value per import of `module`, already checked.
    init(module: LoadedModule, engine: Engine, imports: [ExternalValue], importSources: [AnyObject]) throws(InstantiationError) {
        self.module = module
        self.engine = engine
        self.importSources = importSources
        let size = max(module.descriptor.instanceSize, 16)
        guard let state = calloc(1, size) else { throw .failed("cannot allocate \(size) bytes of instance state") }
        self.state = state
        let resolved = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: max(imports.count, 1))
        defer { resolved.deallocate() }
        for (index, value) in imports.enumerated() {
            switch value {
            case .function(let function): resolved[index] = function.reference
            case .table(let pointer), .memory(let pointer), .global(let pointer, _): resolved[index] = pointer
            }
        }
        let code = module.descriptor.instantiate(state, resolved, engine.runtime)
        // A table or memory that cannot be created is an error, not a trap (as in Wasmtime).
        if code == UInt32(WASMC_TRAP_INSTANTIATION_FAILED) { throw .failed(engine.runtime.instantiationError()) }
        if code != 0 { throw .trap(engine.runtime.lastTrap(code: code), self) }
    }

    /// Releases the instance's memories, tables and globals. Idempotent; nothing may use them afterwards.
    public func destroy() {
        guard !destroyed else { return }
        destroyed = true
        module.descriptor.destroy(state)
        free(state)
    }

    deinit { destroy() }

    public func export(named name: String) -> ExternalValue? {
        guard let index = module.exportIndex[Array(name.utf8)] else { return nil }
        return module.descriptor.export(index, of: state)
    }

    /// The type of an exported function, nil when `name` is not one.
    public func functionType(_ name: String) -> FunctionType? {
        guard case .function(let function) = export(named: name) else { return nil }
        return function.type
    }

    /// Calls an exported function inside the runtime's trap scope.
    public func invoke(_ name: String, _ arguments: [WasmValue]) throws(CallError) -> [WasmValue] {
        guard case .function(let function) = export(named: name) else { throw .noSuchExport(name) }
        return try engine.call(function, arguments)
    }

    /// `invoke` with the outcome as a value: results, or the trap or error.
    public func call(_ name: String, _ arguments: [WasmValue]) -> Result<[WasmValue], CallError> {
        do {
            return .success(try invoke(name, arguments))
        } catch {
            return .failure(error)
        }
    }

    /// The current value of an exported global.
    public func global(_ name: String) throws(CallError) -> WasmValue {
        guard case .global(let cell, let type) = export(named: name) else {
            throw .noSuchGlobal(name)
        }
        return GlobalCell(cell).value(of: type.valueType)
    }
}
