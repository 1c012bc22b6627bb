import WasmBinary
import WasmFrontend
import WasmIR

/// A module with the given types and one defined function per body, each body's instructions
/// followed by the final `end`.
func translationModule(types: [FunctionType], functions: [(type: UInt32, locals: [(count: UInt32, type: ValueType)], body: [Instruction])]) -> Module {
    var module = Module()
    module.types = types
    for function in functions {
        module.functionTypeIndices.append(function.type)
        let instructions = function.body + [.end]
        module.codes.append(FunctionBody(locals: function.locals, instructions: instructions,
                                         instructionOffsets: Array(instructions.indices), byteRange: 0..<instructions.count))
    }
    return module
}

/// A module with a single function of type `type`.
func singleFunctionModule(_ type: FunctionType, locals: [(count: UInt32, type: ValueType)] = [], _ body: [Instruction]) -> Module {
    translationModule(types: [type], functions: [(0, locals, body)])
}

/// Translates the module's first function and verifies it, against the module too.
func translatedAndVerified(_ module: Module, function index: Int = 0) throws -> IRFunction {
    let irModule = try translateModule(module)
    try verifyIR(irModule)
    for function in irModule.functions { try verifyIR(function) }
    return irModule.functions[index]
}

extension IRFunction {
    /// All operations of the function, in block order.
    var operations: [Operation] { blocks.flatMap { $0.instructions.map(\.operation) } }
    var terminators: [Terminator] { blocks.compactMap(\.terminator) }
}
