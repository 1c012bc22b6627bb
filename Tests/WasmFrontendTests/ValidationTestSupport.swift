import WasmBinary
@testable import WasmFrontend

/// Builds small modules by hand so validation rules can be tested without the decoder.
struct ModuleBuilder {
    var module = Module()

    /// Adds a function of type `parameters -> results` whose body is `body` plus the final `end`.
    @discardableResult
    mutating func addFunction(_ parameters: [ValueType] = [], _ results: [ValueType] = [],
                              locals: [(count: UInt32, type: ValueType)] = [], body: [Instruction]) -> UInt32 {
        let typeIndex = addType(parameters, results)
        let instructions = body + [.end]
        let start = 100 * (module.codes.count + 1)
        module.functionTypeIndices.append(typeIndex)
        module.codes.append(FunctionBody(locals: locals, instructions: instructions,
                                         instructionOffsets: instructions.indices.map { start + $0 },
                                         byteRange: start..<(start + instructions.count)))
        return UInt32(module.importedFunctionCount + module.functionTypeIndices.count - 1)
    }

    mutating func addType(_ parameters: [ValueType], _ results: [ValueType]) -> UInt32 {
        let type = FunctionType(parameters: parameters, results: results)
        if let index = module.types.firstIndex(of: type) { return UInt32(index) }
        module.types.append(type)
        return UInt32(module.types.count - 1)
    }
}

/// A module with one function `parameters -> results` and the given body.
func singleFunction(_ parameters: [ValueType] = [], _ results: [ValueType] = [],
                    locals: [(count: UInt32, type: ValueType)] = [], _ body: [Instruction],
                    configure: (inout Module) -> Void = { _ in }) -> Module {
    var builder = ModuleBuilder()
    builder.addFunction(parameters, results, locals: locals, body: body)
    configure(&builder.module)
    return builder.module
}

/// The validation error for `module`, or nil when it validates.
func validationError(_ module: Module, version: SpecVersion = .v3) -> WasmError? {
    do {
        try validateModule(module, version: version)
        return nil
    } catch {
        return error
    }
}

func constant(_ instruction: Instruction) -> ConstantExpression {
    ConstantExpression(instructions: [instruction], offset: 7)
}
