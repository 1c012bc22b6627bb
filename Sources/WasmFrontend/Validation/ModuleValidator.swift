import WasmBinary

/// Validates the whole module (module-level rules and every function body).
///
/// Rules are checked in the reference interpreter's order (imports, functions, tables, memories,
/// globals, element and data segments, bodies, start, exports), so a module with several faults
/// reports the same one the spec test suite expects.
/// > Note: https://webassembly.github.io/spec/core/valid/modules.html
public func validateModule(_ module: Module, version: SpecVersion = .v3) throws(WasmError) {
    // The decoder enforces these; checking again keeps hand-built modules from indexing past the end.
    guard module.codes.count == module.functionTypeIndices.count else {
        throw .malformed(at: 0, "function and code section have inconsistent lengths")
    }
    if let dataCount = module.dataCount, dataCount != module.data.count {
        throw .malformed(at: 0, "data count and data section have inconsistent lengths")
    }
    var context = ValidationContext(module)
    context.version = version
    try validateImports(module, context)
    for typeIndex in module.functionTypeIndices { _ = try context.type(typeIndex, at: 0) }
    for table in module.tables { try validateTable(table) }
    for memory in module.memories { try validateMemory(memory) }
    declareReferencedFunctions(module, in: &context)

    for (index, global) in module.globals.enumerated() {
        try context.validate(global.initializer, produces: global.type.valueType,
                             visibleGlobals: module.importedGlobalCount + (version == .v2 ? 0 : index))
    }
    for segment in module.elements { try validateElementSegment(segment, context) }
    for segment in module.data { try validateDataSegment(segment, context) }

    try validateBodies(module, context)
    if let start = module.start {
        let type = try context.functionType(start, at: 0)
        guard type.parameters.isEmpty, type.results.isEmpty else { throw .invalid(at: 0, "start function") }
    }
    try validateExports(module, context)
    if version == .v2, context.memoryCount > 1 { throw .invalid(at: 0, "multiple memories") }
}

private func validateImports(_ module: Module, _ context: ValidationContext) throws(WasmError) {
    for entry in module.imports {
        switch entry.descriptor {
        case .function(let typeIndex): _ = try context.type(typeIndex, at: 0)
        case .table(let table): try validateTable(table)
        case .memory(let memory): try validateMemory(memory)
        case .global: break
        }
    }
}

private func validateTable(_ table: TableType) throws(WasmError) {
    // A 32-bit table's limits are u32s (3.0 decodes u64s); a 64-bit table's any u64.
    if !table.limits.is64 {
        let limit = UInt64(UInt32.max)
        guard table.limits.minimum <= limit, (table.limits.maximum ?? 0) <= limit else {
            throw .invalid(at: 0, "table size must be at most 2^32-1")
        }
    }
    try validateLimits(table.limits)
}

private func validateMemory(_ memory: MemoryType) throws(WasmError) {
    let limit = memory.limits.is64 ? MemoryType.maximumPageCount64 : MemoryType.maximumPageCount
    guard memory.limits.minimum <= limit, (memory.limits.maximum ?? 0) <= limit else {
        throw .invalid(at: 0, memory.limits.is64 ? "memory size must be at most 2^48 pages" : "memory size must be at most 65536 pages (4GiB)")
    }
    try validateLimits(memory.limits)
}

private func validateLimits(_ limits: Limits) throws(WasmError) {
    if let maximum = limits.maximum, limits.minimum > maximum {
        throw .invalid(at: 0, "size minimum must not be greater than maximum")
    }
}

/// The spec's `refs`: functions named outside function bodies (globals, element segments, exports)
/// are the only ones `ref.func` may name inside them.
private func declareReferencedFunctions(_ module: Module, in context: inout ValidationContext) {
    for global in module.globals { context.declareFunctions(in: global.initializer) }
    for segment in module.elements {
        for initializer in segment.initializers { context.declareFunctions(in: initializer) }
        if case .active(_, let offset) = segment.mode { context.declareFunctions(in: offset) }
    }
    for segment in module.data {
        if case .active(_, let offset) = segment.mode { context.declareFunctions(in: offset) }
    }
    for export in module.exports {
        if case .function(let index) = export.descriptor { context.declare(function: index) }
    }
}

private func validateElementSegment(_ segment: ElementSegment, _ context: ValidationContext) throws(WasmError) {
    if case .active(let tableIndex, let offset) = segment.mode {
        let table = try context.table(tableIndex, at: offset.offset)
        try context.validate(offset, produces: table.addressType)
        guard table.elementType == segment.type else { throw .invalid(at: offset.offset, "type mismatch") }
    }
    for initializer in segment.initializers {
        try context.validate(initializer, produces: segment.type.valueType)
    }
}

private func validateDataSegment(_ segment: DataSegment, _ context: ValidationContext) throws(WasmError) {
    guard case .active(let memory, let offset) = segment.mode else { return }
    let addressType = try context.memoryAddressType(memory, at: offset.offset)
    try context.validate(offset, produces: addressType)
}

private func validateBodies(_ module: Module, _ context: ValidationContext) throws(WasmError) {
    var validator = FunctionValidator(context: context)
    let importedCount = context.functionTypeIndices.count - module.functionTypeIndices.count
    for (index, body) in module.codes.enumerated() {
        let type = try context.functionType(UInt32(truncatingIfNeeded: importedCount + index), at: body.byteRange.lowerBound)
        try validator.validate(body, type: type)
    }
}

private func validateExports(_ module: Module, _ context: ValidationContext) throws(WasmError) {
    // Names are compared as UTF-8 bytes: Swift's `String` equality would merge canonically
    // equivalent spellings that the spec treats as distinct names.
    var names = Set<[UInt8]>(minimumCapacity: module.exports.count)
    for export in module.exports {
        switch export.descriptor {
        case .function(let index): _ = try context.functionType(index, at: 0)
        case .table(let index): _ = try context.table(index, at: 0)
        case .memory(let index): try context.requireMemory(index, at: 0)
        case .global(let index): _ = try context.global(index, at: 0)
        }
        guard names.insert(Array(export.name.utf8)).inserted else { throw .invalid(at: 0, "duplicate export name") }
    }
}
