import CWasmcRuntime
import WasmBinary
import WasmcCompiler

/// Reading the runtime's C structures (`runtime-c/include/wasmc_rt.h`). Every access to a field of
/// the ABI lives in this file.

/// A module's descriptor, `wasmc_module`, read into Swift values once at load time.
struct ModuleDescriptor {
    let raw: UnsafePointer<wasmc_module_descriptor>
    let types: [FunctionType]
    let imports: [Import]
    let exports: [Export]
    let instanceSize: Int
    /// The process-wide type id of each of `types`, and back, to name the type of a function reference.
    private let typeByID: [UInt32: FunctionType]

    init(_ symbol: UnsafeMutableRawPointer, runtime: LoadedRuntime) throws(CompileError) {
        let raw = UnsafePointer(symbol.assumingMemoryBound(to: wasmc_module_descriptor.self))
        self.raw = raw
        let descriptor = raw.pointee
        guard descriptor.abi_version == UInt32(WASMC_ABI_VERSION) else {
            throw .link("module built for runtime ABI \(descriptor.abi_version), this host speaks \(WASMC_ABI_VERSION)")
        }
        var types: [FunctionType] = []
        for index in 0..<Int(descriptor.type_count) {
            guard let text = descriptor.types?[index], let type = FunctionType(canonicalSignature: String(cString: text)) else {
                throw .link("the descriptor's type \(index) is not a canonical signature")
            }
            types.append(type)
        }
        var imports: [Import] = []
        for index in 0..<Int(descriptor.import_count) {
            guard let entry = descriptor.imports?[index], let module = entry.module, let name = entry.name else {
                throw .link("the descriptor's import \(index) is unreadable")
            }
            let limits = Limits(minimum: UInt64(entry.min), maximum: entry.has_max != 0 ? UInt64(entry.max) : nil,
                                is64: entry.address64 != 0)
            let importDescriptor: ImportDescriptor
            switch Int(entry.kind) {
            case Int(WASMC_EXTERN_FUNC): importDescriptor = .function(typeIndex: entry.type_index)
            case Int(WASMC_EXTERN_TABLE):
                guard let element = ReferenceType(rawValue: entry.element_type) else { throw .link("import \(index): bad element type") }
                importDescriptor = .table(TableType(elementType: element, limits: limits))
            case Int(WASMC_EXTERN_MEMORY): importDescriptor = .memory(MemoryType(limits: limits))
            case Int(WASMC_EXTERN_GLOBAL):
                guard let valueType = ValueType(rawValue: entry.value_type) else { throw .link("import \(index): bad global type") }
                importDescriptor = .global(GlobalType(valueType: valueType, mutability: entry.mutable_ != 0 ? .variable : .constant))
            default: throw .link("import \(index): unknown kind \(entry.kind)")
            }
            imports.append(Import(module: Self.name(module, entry.module_length), name: Self.name(name, entry.name_length), descriptor: importDescriptor))
        }
        var exports: [Export] = []
        for index in 0..<Int(descriptor.export_count) {
            guard let entry = descriptor.exports?[index], let name = entry.name else { throw .link("the descriptor's export \(index) is unreadable") }
            let exportDescriptor: ExportDescriptor
            switch Int(entry.kind) {
            case Int(WASMC_EXTERN_FUNC): exportDescriptor = .function(entry.index)
            case Int(WASMC_EXTERN_TABLE): exportDescriptor = .table(entry.index)
            case Int(WASMC_EXTERN_MEMORY): exportDescriptor = .memory(entry.index)
            case Int(WASMC_EXTERN_GLOBAL): exportDescriptor = .global(entry.index)
            default: throw .link("export \(index): unknown kind \(entry.kind)")
            }
            exports.append(Export(name: Self.name(name, entry.name_length), descriptor: exportDescriptor))
        }
        self.types = types
        self.imports = imports
        self.exports = exports
        instanceSize = Int(descriptor.instance_size)
        var typeByID: [UInt32: FunctionType] = [:]
        for type in types { typeByID[runtime.internSignature(type.canonicalSignature)] = type }
        self.typeByID = typeByID
    }

    /// A wasm name from the descriptor: counted bytes, since names may contain NUL.
    private static func name(_ bytes: UnsafePointer<CChar>, _ length: UInt32) -> String {
        bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
        }
    }

    /// Runs `instantiate` inside the runtime's trap scope: 0 or the trap code.
    func instantiate(_ state: UnsafeMutableRawPointer, _ imports: UnsafeMutablePointer<UnsafeMutableRawPointer?>,
                     _ runtime: LoadedRuntime) -> UInt32 {
        guard let entry = raw.pointee.instantiate else { return UInt32.max }
        var call = wasmc_host_entry_call(entry: unsafeBitCast(entry, to: (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> UInt32).self),
                                         instance: state, argument: UnsafeMutableRawPointer(imports), result: 0)
        let trap = withUnsafeMutablePointer(to: &call) { runtime.runProtected(wasmc_host_entry_body, $0) }
        return trap != 0 ? trap : call.result
    }

    func destroy(_ state: UnsafeMutableRawPointer) {
        raw.pointee.destroy?(state)
    }

    /// The export at `index` of the instance `state`.
    func export(_ index: Int, of state: UnsafeMutableRawPointer) -> ExternalValue? {
        guard let export = exports[safe: index] else { return nil }
        let descriptor = raw.pointee
        switch export.descriptor {
        case .function:
            guard let reference = descriptor.get_export_function?(state, UInt32(index)) else { return nil }
            let pointer = UnsafeMutableRawPointer(mutating: UnsafeRawPointer(reference))
            guard let type = typeByID[FunctionRecord(pointer).typeID] else { return nil }
            return .function(FunctionHandle(reference: pointer, type: type))
        case .table:
            return descriptor.get_export_table?(state, UInt32(index)).map { .table(UnsafeMutableRawPointer($0)) }
        case .memory:
            return descriptor.get_export_memory?(state, UInt32(index)).map { .memory(UnsafeMutableRawPointer($0)) }
        case .global:
            guard let cell = descriptor.get_export_global?(state, UInt32(index)) else { return nil }
            let pointer = UnsafeMutableRawPointer(cell)
            guard let type = GlobalCell(pointer).type else { return nil }
            return .global(pointer, type)
        }
    }
}

/// A `wasmc_funcref` record: code, canonical type id, owning instance.
struct FunctionRecord {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    private var record: wasmc_func { pointer.assumingMemoryBound(to: wasmc_func.self).pointee }
    var code: UnsafeRawPointer? { UnsafeRawPointer(record.code) }
    var typeID: UInt32 { record.type_id }
    var instance: UnsafeMutableRawPointer? { record.instance }
}

/// A `wasmc_table`.
struct TableView {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    private var table: wasmc_table { pointer.assumingMemoryBound(to: wasmc_table.self).pointee }
    var elementType: ReferenceType? { ReferenceType(rawValue: table.element_type) }
    var size: UInt32 { table.size }
    var maximum: UInt32? { table.has_max != 0 ? table.max : nil }
    var is64: Bool { table.address64 != 0 }
}

/// A `wasmc_memory`.
struct MemoryView {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    private var memory: wasmc_memory { pointer.assumingMemoryBound(to: wasmc_memory.self).pointee }
    var pages: UInt32 { memory.pages }
    var maximumPages: UInt32? { memory.has_max != 0 ? memory.max_pages : nil }
    var is64: Bool { memory.address64 != 0 }
}

/// A `wasmc_global`: a 16-byte value cell, its type and mutability.
struct GlobalCell {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    private var global: wasmc_global { pointer.assumingMemoryBound(to: wasmc_global.self).pointee }
    var type: GlobalType? {
        ValueType(rawValue: global.type).map { GlobalType(valueType: $0, mutability: global.mutable_ != 0 ? .variable : .constant) }
    }

    func value(of type: ValueType) -> WasmValue {
        ValueSlot.load(type, from: UnsafeRawPointer(pointer))
    }
}
