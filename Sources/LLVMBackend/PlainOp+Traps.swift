import WasmBinary

extension PlainOp {
    /// Whether the operator traps on some operand values (integer division and remainder, float→int
    /// truncation): the backend emits checks that read its operands, and LLVM keeps them.
    var traps: Bool { Self.trapping[Int(rawValue)] }

    private static let trapping: [Bool] = PlainOp.allCases.map { op in
        let parts = op.name.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0] == "i32" || parts[0] == "i64" else { return false }
        let operation = parts[1]
        return operation.hasPrefix("div") || operation.hasPrefix("rem") || operation.hasPrefix("trunc_f")
    }
}
