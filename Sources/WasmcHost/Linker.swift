import WasmBinary
import WasmcCompiler

/// Resolves imports by module name against registered instances and the `spectest` host module, and
/// checks each against the importing module's declared type as the spec's import matching demands.
/// > Note: https://webassembly.github.io/spec/core/exec/modules.html#import-subtyping
public final class Linker {
    package let engine: Engine
    private var sources: [String: ImportSource] = [:]
    private var spectest: SpectestModule?

    package init(engine: Engine) {
        self.engine = engine
    }

    /// Makes `source`'s exports importable under `name`.
    public func register(_ source: ImportSource, as name: String) {
        sources[name] = source
    }

    func source(named name: String) throws(InstantiationError) -> ImportSource? {
        if let source = sources[name] { return source }
        guard name == "spectest" else { return nil }
        do {
            let host = try SpectestModule(engine: engine)
            spectest = host
            sources[name] = host
            return host
        } catch {
            throw .failed("cannot create the spectest module: \(error)")
        }
    }

    /// Resolves and checks the module's imports, then instantiates it (running its start function).
    public func instantiate(_ module: LoadedModule) throws(InstantiationError) -> Instance {
        var values: [ExternalValue] = []
        var owners: [AnyObject] = []
        for entry in module.descriptor.imports {
            let name = "\(entry.module).\(entry.name)"
            guard let source = try source(named: entry.module), let value = source.export(named: entry.name) else {
                throw .unlinkable("unknown import \(name)")
            }
            if let mismatch = mismatch(value, entry.descriptor, module: module) {
                throw .unlinkable("incompatible import type for \(name): \(mismatch)")
            }
            values.append(value)
            owners.append(source)
        }
        return try Instance(module: module, engine: engine, imports: values, importSources: owners)
    }

    /// Destroys the host modules this linker created; instances importing from them must be gone.
    public func tearDown() {
        spectest?.destroy()
        spectest = nil
        sources.removeAll()
    }

    /// Why `value` cannot satisfy an import declared as `expected`, or nil when it can.
    private func mismatch(_ value: ExternalValue, _ expected: ImportDescriptor, module: LoadedModule) -> String? {
        switch (expected, value) {
        case (.function(let typeIndex), .function(let function)):
            guard let type = module.descriptor.types[safe: Int(typeIndex)] else { return "unknown type \(typeIndex)" }
            let expectedID = engine.runtime.internSignature(type.canonicalSignature)
            let actualID = FunctionRecord(function.reference).typeID
            return expectedID == actualID ? nil : "expected \(type), got \(function.type)"
        case (.table(let type), .table(let pointer)):
            let table = TableView(pointer)
            guard table.elementType == type.elementType else { return "expected a \(type.elementType) table, got \(table.elementType.map(\.description) ?? "?")" }
            guard table.is64 == type.limits.is64 else { return "expected \(type.addressType) indices, got \(table.is64 ? "i64" : "i32")" }
            return limitsMismatch(size: table.size, maximum: table.maximum, expected: type.limits)
        case (.memory(let type), .memory(let pointer)):
            let memory = MemoryView(pointer)
            guard memory.is64 == type.limits.is64 else { return "expected \(type.addressType) addresses, got \(memory.is64 ? "i64" : "i32")" }
            return limitsMismatch(size: memory.pages, maximum: memory.maximumPages, expected: type.limits)
        case (.global(let type), .global(_, let actual)):
            return type == actual ? nil : "expected \(describe(type)), got \(describe(actual))"
        default:
            return "expected a \(kindName(expected)), got a \(value.kindName)"
        }
    }

    /// Limits match when the current size is at least the minimum and the maximum is no looser.
    private func limitsMismatch(size: UInt32, maximum: UInt32?, expected: Limits) -> String? {
        // A 64-bit import's limits arrive clamped to u32 (see wasmc_import), beyond any size here.
        if size < expected.minimum { return "size \(size) is below the minimum \(expected.minimum)" }
        if let required = expected.maximum {
            guard let maximum else { return "no maximum, expected at most \(required)" }
            if maximum > required { return "maximum \(maximum) exceeds \(required)" }
        }
        return nil
    }

    private func kindName(_ descriptor: ImportDescriptor) -> String {
        switch descriptor {
        case .function: "function"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        }
    }

    private func describe(_ type: GlobalType) -> String {
        (type.mutability == .variable ? "mut " : "") + type.valueType.description
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
