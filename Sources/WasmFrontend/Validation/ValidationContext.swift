import WasmBinary

/// The module-wide facts a function body is validated against (the spec's context `C`), flattened
/// into index spaces once so each instruction's lookup is a bounds check and an array read.
/// > Note: https://webassembly.github.io/spec/core/valid/conventions.html#contexts
struct ValidationContext {
    let types: [FunctionType]
    /// Type indices of every function, imports first.
    let functionTypeIndices: [UInt32]
    let tables: [TableType]
    let memoryCount: Int
    /// Each memory's address type (`i64` for memory64).
    let memoryAddressTypes: [ValueType]
    let globals: [GlobalType]
    /// Constant expressions may only read imported globals (2.0 rule).
    let importedGlobalCount: Int
    let elementTypes: [ReferenceType]
    /// The data count section's value; `memory.init` and `data.drop` need it.
    let dataCount: UInt32?
    /// `refs`: functions that `ref.func` may name inside a function body.
    var declaredFunctions: [Bool]
    /// The spec edition whose rules apply (see `SpecVersion`).
    var version: SpecVersion = .v3

    init(_ module: Module) {
        types = module.types
        functionTypeIndices = module.allFunctionTypeIndices
        tables = module.allTables
        memoryCount = module.allMemories.count
        memoryAddressTypes = module.allMemories.map(\.addressType)
        globals = module.allGlobalTypes
        importedGlobalCount = module.importedGlobalCount
        elementTypes = module.elements.map(\.type)
        dataCount = module.dataCount
        declaredFunctions = Array(repeating: false, count: functionTypeIndices.count)
    }

    func functionType(_ index: UInt32) -> FunctionType? {
        guard index < functionTypeIndices.count else { return nil }
        let typeIndex = functionTypeIndices[Int(index)]
        return typeIndex < types.count ? types[Int(typeIndex)] : nil
    }

    func functionType(_ index: UInt32, at offset: Int) throws(WasmError) -> FunctionType {
        guard let type = functionType(index) else { throw .invalid(at: offset, "unknown function \(index)") }
        return type
    }

    func type(_ index: UInt32, at offset: Int) throws(WasmError) -> FunctionType {
        guard index < types.count else { throw .invalid(at: offset, "unknown type \(index)") }
        return types[Int(index)]
    }

    func table(_ index: UInt32, at offset: Int) throws(WasmError) -> TableType {
        guard index < tables.count else { throw .invalid(at: offset, "unknown table \(index)") }
        return tables[Int(index)]
    }

    func requireMemory(_ index: UInt32, at offset: Int) throws(WasmError) {
        guard index < memoryCount else { throw .invalid(at: offset, "unknown memory \(index)") }
    }

    /// The memory's address type, `i32` or `i64` (memory64).
    func memoryAddressType(_ index: UInt32, at offset: Int) throws(WasmError) -> ValueType {
        try requireMemory(index, at: offset)
        return memoryAddressTypes[Int(index)]
    }

    func global(_ index: UInt32, at offset: Int) throws(WasmError) -> GlobalType {
        guard index < globals.count else { throw .invalid(at: offset, "unknown global \(index)") }
        return globals[Int(index)]
    }

    func elementType(_ index: UInt32, at offset: Int) throws(WasmError) -> ReferenceType {
        guard index < elementTypes.count else { throw .invalid(at: offset, "unknown elem segment \(index)") }
        return elementTypes[Int(index)]
    }

    func requireDataSegment(_ index: UInt32, at offset: Int) throws(WasmError) {
        // Without the data count section a single-pass decoder cannot know the segment count; the
        // binary format makes that a decoding error.
        guard let dataCount else { throw .malformed(at: offset, "data count section required") }
        guard index < dataCount else { throw .invalid(at: offset, "unknown data segment \(index)") }
    }

    func isDeclared(function index: UInt32) -> Bool {
        index < declaredFunctions.count && declaredFunctions[Int(index)]
    }

    mutating func declare(function index: UInt32) {
        if index < declaredFunctions.count { declaredFunctions[Int(index)] = true }
    }
}
