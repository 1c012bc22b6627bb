import WasmIR

/// The values LLVM knows as constants: literal constants, and what pure operators compute from them
/// alone (`f64.promote_f32` of a constant, a compare of two constants). The analyses read literal values
/// where they need them; a folded value's is unknown to them, so they assume whatever is safe.
struct FoldedConstants: Sendable {
    private(set) var literals: [Value: Constant] = [:]
    /// Computed from constants only, literals excluded.
    private(set) var folded: Set<Value> = []

    init(_ function: IRFunction) {
        for block in function.blocks {
            for instruction in block.instructions {
                guard let result = instruction.results.first, instruction.results.count == 1 else { continue }
                switch instruction.operation {
                case .constant(let constant):
                    literals[result] = constant
                case .plain, .select, .shuffle, .extractLane, .replaceLane:
                    var operands: [Value] = []
                    instruction.operation.forEachOperand { operands.append($0) }
                    if !operands.isEmpty, operands.allSatisfy(isConstant) { folded.insert(result) }
                default:
                    break
                }
            }
        }
    }

    func isConstant(_ value: Value) -> Bool { literals[value] != nil || folded.contains(value) }
}
