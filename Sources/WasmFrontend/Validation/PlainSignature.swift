import WasmBinary

/// The operand and result types of a `PlainOp`, stored inline (no arrays) so the hottest path of
/// validation does no reference counting.
struct PlainSignature {
    /// Operands in stack order; only the first `operandCount` are meaningful.
    var first: ValueType
    var second: ValueType
    var third: ValueType
    var operandCount: UInt8
    var result: ValueType

    /// Indexed by `PlainOp.rawValue`.
    static let table: [PlainSignature] = PlainOp.allCases.map { op in
        let operands = op.operands
        precondition(operands.count <= 3, "plain operators take at most three operands")
        return PlainSignature(first: operands.first ?? .i32, second: operands.count > 1 ? operands[1] : .i32,
                              third: operands.count > 2 ? operands[2] : .i32,
                              operandCount: UInt8(operands.count), result: op.result)
    }
}
