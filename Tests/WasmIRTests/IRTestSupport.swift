import WasmBinary
@testable import WasmIR

/// Assembles IR by hand, without the builder's SSA construction, so the verifier can be shown
/// deliberately broken functions.
struct HandBuiltFunction {
    var function: IRFunction

    init(parameters: [IRType] = [], results: [IRType] = []) {
        function = IRFunction(index: 0, name: "test", type: FunctionType(parameters: parameters, results: results))
        _ = addBlock(parameters: parameters)
    }

    mutating func value(_ type: IRType) -> Value {
        function.valueTypes.append(type)
        return Value(UInt32(function.valueTypes.count - 1))
    }

    mutating func addBlock(parameters: [IRType] = []) -> BlockID {
        let id = BlockID(UInt32(function.blocks.count))
        var block = IRBlock(id: id)
        for type in parameters { block.parameters.append(value(type)) }
        function.blocks.append(block)
        return id
    }

    func parameters(_ block: BlockID) -> [Value] { function[block].parameters }

    @discardableResult
    mutating func append(_ block: BlockID, _ operation: Operation, _ resultTypes: [IRType] = []) -> [Value] {
        let results = resultTypes.map { value($0) }
        function[block].instructions.append(IRInstruction(results: results, operation: operation))
        return results
    }

    mutating func constant(_ block: BlockID, _ value: Int32) -> Value {
        append(block, .constant(.i32(UInt32(bitPattern: value))), [.i32])[0]
    }

    mutating func terminate(_ block: BlockID, _ terminator: Terminator) {
        function[block].terminator = terminator
    }
}

/// The verifier's complaint about `function`, or nil when it is accepted.
func verificationFailure(_ function: IRFunction) -> IRVerificationError? {
    do {
        try verifyIR(function)
        return nil
    } catch {
        return error
    }
}
