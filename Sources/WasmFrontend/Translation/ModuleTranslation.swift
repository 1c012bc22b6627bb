import WasmBinary
import WasmIR

/// Translates every defined function of a validated module into SSA IR.
///
/// What the IR guarantees (and `verifyIR` checks): every block is reachable from the entry and
/// ends in a terminator; nothing branches to the entry; values are numbered densely in creation
/// order (not definition order); wasm locals are SSA values, never memory — a local read before any
/// write is a `.constant` zero (`.null` for references) placed at the end of the entry block. Block
/// results travel as block parameters; a parameter that every edge passes the same value is removed.
/// `br` to the function label is a `return`; `unreachable` is `.trap(.unreachable)`. Checks that wasm
/// operators imply (division by zero, bounds, conversions) are left to the backend: the translator
/// emits no `trapIf`.
public func translateModule(_ module: Module) throws(TranslationError) -> IRModule {
    let context = try TranslationContext(module)
    var functions: [IRFunction] = []
    functions.reserveCapacity(module.codes.count)
    var scratch = TranslationScratch()
    for index in module.codes.indices {
        functions.append(try translate(index, context, &scratch))
    }
    return IRModule(module: module, functions: functions)
}

/// Translates the defined function at `index` (0 is the first function after the imports).
/// To translate many functions one by one, use a `ModuleTranslator`, which flattens the module once.
public func translateFunction(_ index: Int, in module: Module) throws(TranslationError) -> IRFunction {
    try ModuleTranslator(module).translateFunction(index)
}

/// Translates the functions of one module one at a time (in any order, from any thread), sharing
/// the module's flattened declarations.
public struct ModuleTranslator: Sendable {
    let context: TranslationContext

    public init(_ module: Module) throws(TranslationError) {
        context = try TranslationContext(module)
    }

    /// The defined function at `index` (0 is the first function after the imports).
    public func translateFunction(_ index: Int) throws(TranslationError) -> IRFunction {
        var scratch = TranslationScratch()
        return try translate(index, context, &scratch)
    }
}

private func translate(_ index: Int, _ context: TranslationContext, _ scratch: inout TranslationScratch) throws(TranslationError) -> IRFunction {
    let functionIndex = UInt32(truncatingIfNeeded: context.importedFunctionCount &+ index)
    guard index >= 0, index < context.module.codes.count, index < context.module.functionTypeIndices.count else {
        throw TranslationError(function: functionIndex, offset: nil, message: "no function body at defined-function index \(index)")
    }
    guard let type = context.functionTypes[context.importedFunctionCount + index] else {
        throw TranslationError(function: functionIndex, offset: nil, message: "function has an undeclared type")
    }
    let name = context.module.names.functionNames[functionIndex] ?? context.exportNames[functionIndex]
    var translator = FunctionTranslator(context: context, index: functionIndex, name: name, type: type,
                                        body: context.module.codes[index], scratch: scratch)
    let function = try translator.translate()
    scratch = translator.scratch
    return function
}

/// What translation needs to know about the module, flattened once instead of per instruction.
struct TranslationContext: Sendable {
    let module: Module
    let importedFunctionCount: Int
    /// Signature of each function in the function index space; nil for an undeclared type index.
    let functionTypes: [FunctionType?]
    let globalTypes: [ValueType]
    let tableElementTypes: [ValueType]
    /// Address types (`i64` for memory64 and table64).
    let tableAddressTypes: [ValueType]
    let memoryAddressTypes: [ValueType]
    /// The first export name of each exported function.
    let exportNames: [UInt32: String]

    init(_ module: Module) throws(TranslationError) {
        self.module = module
        importedFunctionCount = module.importedFunctionCount
        functionTypes = module.allFunctionTypeIndices.map { index in
            Int(index) < module.types.count ? module.types[Int(index)] : nil
        }
        globalTypes = module.allGlobalTypes.map(\.valueType)
        tableElementTypes = module.allTables.map(\.elementType.valueType)
        tableAddressTypes = module.allTables.map(\.addressType)
        memoryAddressTypes = module.allMemories.map(\.addressType)
        var names: [UInt32: String] = [:]
        for export in module.exports {
            if case .function(let index) = export.descriptor, names[index] == nil { names[index] = export.name }
        }
        exportNames = names
        guard module.codes.count == module.functionTypeIndices.count else {
            throw TranslationError(function: UInt32(truncatingIfNeeded: importedFunctionCount), offset: nil,
                                   message: "\(module.functionTypeIndices.count) functions declared but \(module.codes.count) bodies")
        }
    }
}

/// Buffers reused from one function to the next.
struct TranslationScratch {
    var stack: [Value] = []
    var frames: [TranslationFrame] = []
}
