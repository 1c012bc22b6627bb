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

    init(_ module: Module) {
        var offset = 0
        func take(_ bytes: Int) -> Int {
            defer { offset += (bytes + 15) & ~15 }
            return offset
        }
        memories = take(RuntimeABI.pointerSlot * module.allMemories.count)
        tables = take(RuntimeABI.pointerSlot * module.allTables.count)
        globals = take(RuntimeABI.pointerSlot * module.allGlobalTypes.count)
        functions = take(RuntimeABI.pointerSlot * module.allFunctionTypeIndices.count)
        typeIDs = take(RuntimeABI.pointerSlot * module.types.count)
        dataSegments = take(RuntimeABI.segmentSlot * module.data.count)
        elementSegments = take(RuntimeABI.segmentSlot * module.elements.count)
        ownMemories = take(RuntimeABI.memorySlot * module.memories.count)
        ownTables = take(RuntimeABI.tableSlot * module.tables.count)
        ownGlobals = take(RuntimeABI.globalSlot * module.globals.count)
        ownFunctions = take(RuntimeABI.functionSlot * module.functionTypeIndices.count)
        size = max(offset, 16)
    }
}
