import WasmBinary

/// Facts about a decoded module that both validation and translation need.
/// Every query returns nil for an out-of-range index instead of trapping, so callers decide the error.
extension Module {
    /// The signature of the function at `index` in the function index space (imports first).
    public func functionType(ofFunction index: UInt32) -> FunctionType? {
        guard let typeIndex = typeIndex(ofFunction: index), typeIndex < types.count else { return nil }
        return types[Int(typeIndex)]
    }

    /// The type-section index of the function at `index` in the function index space (imports first).
    public func typeIndex(ofFunction index: UInt32) -> UInt32? {
        var remaining = index
        for entry in imports {
            guard case .function(let typeIndex) = entry.descriptor else { continue }
            if remaining == 0 { return typeIndex }
            remaining -= 1
        }
        guard remaining < functionTypeIndices.count else { return nil }
        return functionTypeIndices[Int(remaining)]
    }

    /// The parameters and results of a `block`, `loop` or `if` with this block type.
    public func blockSignature(_ blockType: BlockType) -> FunctionType? {
        switch blockType {
        case .empty: return FunctionType(parameters: [], results: [])
        case .value(let type): return FunctionType(parameters: [], results: [type])
        case .typeIndex(let index): return index < types.count ? types[Int(index)] : nil
        }
    }

    /// The type of the global at `index` in the global index space (imports first).
    public func globalType(at index: UInt32) -> GlobalType? {
        var remaining = index
        for entry in imports {
            guard case .global(let type) = entry.descriptor else { continue }
            if remaining == 0 { return type }
            remaining -= 1
        }
        return remaining < globals.count ? globals[Int(remaining)].type : nil
    }

    /// The type of the table at `index` in the table index space (imports first).
    public func tableType(at index: UInt32) -> TableType? {
        var remaining = index
        for entry in imports {
            guard case .table(let type) = entry.descriptor else { continue }
            if remaining == 0 { return type }
            remaining -= 1
        }
        return remaining < tables.count ? tables[Int(remaining)] : nil
    }

    /// The number of local variables of the function body, parameters excluded; nil when the
    /// declarations overflow 32 bits.
    public func declaredLocalCount(of body: FunctionBody) -> UInt32? {
        var total: UInt64 = 0
        for declaration in body.locals { total &+= UInt64(declaration.count) }
        return total <= UInt64(UInt32.max) ? UInt32(total) : nil
    }
}
