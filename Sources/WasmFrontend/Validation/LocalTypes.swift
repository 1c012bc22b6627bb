import WasmBinary

/// The types of a function's locals (parameters first). Ordinary functions get a flat table; a
/// hostile declaration of billions of locals stays run-length encoded as declared and is searched.
struct LocalTypes {
    /// Up to this many locals are expanded into `flat` for constant-time lookup.
    static let flatLimit: UInt64 = 1 << 16

    private var flat: [ValueType] = []
    private var parameters: [ValueType] = []
    /// Exclusive end index (counting parameters) of each declared run, ascending; used when not flat.
    private var runEnds: [UInt64] = []
    private var runTypes: [ValueType] = []
    private var isFlat = true
    private(set) var count: UInt64 = 0

    /// Replaces the contents, reusing storage; rejects more than 2^32 - 1 locals as the binary format does.
    mutating func reset(parameters: [ValueType], declarations: [(count: UInt32, type: ValueType)], at offset: Int) throws(WasmError) {
        self.parameters = parameters
        runEnds.removeAll(keepingCapacity: true)
        runTypes.removeAll(keepingCapacity: true)
        var end = UInt64(parameters.count)
        for declaration in declarations where declaration.count > 0 {
            end += UInt64(declaration.count)
            guard end <= UInt64(UInt32.max) else { throw .malformed(at: offset, "too many locals") }
            runEnds.append(end)
            runTypes.append(declaration.type)
        }
        count = end
        isFlat = end <= Self.flatLimit
        flat.removeAll(keepingCapacity: true)
        guard isFlat else { return }
        flat.append(contentsOf: parameters)
        for declaration in declarations {
            flat.append(contentsOf: repeatElement(declaration.type, count: Int(declaration.count)))
        }
    }

    @inline(__always)
    subscript(index: UInt32) -> ValueType? {
        if isFlat { return index < flat.count ? flat[Int(index)] : nil }
        if index < parameters.count { return parameters[Int(index)] }
        let wanted = UInt64(index)
        guard wanted < count else { return nil }
        // First run whose end lies beyond the index.
        var low = 0
        var high = runEnds.count
        while low < high {
            let middle = (low + high) / 2
            if runEnds[middle] <= wanted { low = middle + 1 } else { high = middle }
        }
        return low < runTypes.count ? runTypes[low] : nil
    }
}
