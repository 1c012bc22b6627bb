import WasmBinary

/// Byte offsets of an instance's fields; the runtime's generic instantiation reads the same numbers
/// from the plan, so compiled code and runtime agree without a shared C struct per module.
struct InstanceLayout {
    let memories: Int
    let tables: Int
    let globals: Int
    let functions: Int
    let typeIDs: Int
    let dataSegments: Int
    let elementSegments: Int
    let ownMemories: Int
    let ownTables: Int
    let ownGlobals: Int
    let ownFunctions: Int
    let size: Int

    static let memoryStride = 48, tableStride = 32, globalStride = 32, functionStride = 24, segmentStride = 16

    init(_ module: Module) {
        var offset = 0
        func take(_ bytes: Int) -> Int {
            defer { offset += (bytes + 15) & ~15 }
            return offset
        }
        memories = take(8 * module.allMemories.count)
        tables = take(8 * module.allTables.count)
        globals = take(8 * module.allGlobalTypes.count)
        functions = take(8 * module.allFunctionTypeIndices.count)
        typeIDs = take(8 * module.types.count)
        dataSegments = take(Self.segmentStride * module.data.count)
        elementSegments = take(Self.segmentStride * module.elements.count)
        ownMemories = take(Self.memoryStride * module.memories.count)
        ownTables = take(Self.tableStride * module.tables.count)
        ownGlobals = take(Self.globalStride * module.globals.count)
        ownFunctions = take(Self.functionStride * module.functionTypeIndices.count)
        size = max(offset, 16)
    }
}
