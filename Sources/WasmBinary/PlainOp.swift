extension PlainOp {
    /// The operator's name in the text format, e.g. `i32.add`.
    public var name: String { Self.table[Int(rawValue)].name }
    /// The operand types, in stack order (first pushed first).
    public var operands: [ValueType] { Self.table[Int(rawValue)].operands }
    public var result: ValueType { Self.table[Int(rawValue)].result }
    /// The prefix byte (`0xFC`, `0xFD`) or 0 for a single-byte opcode.
    public var prefix: UInt8 { Self.table[Int(rawValue)].prefix }
    /// The opcode byte, or the LEB-decoded sub-opcode after a prefix.
    public var opcode: UInt32 { Self.table[Int(rawValue)].opcode }

    private static let byEncoding: [UInt64: PlainOp] = {
        var map: [UInt64: PlainOp] = [:]
        for op in PlainOp.allCases { map[encodingKey(prefix: op.prefix, opcode: op.opcode)] = op }
        return map
    }()

    private static func encodingKey(prefix: UInt8, opcode: UInt32) -> UInt64 {
        UInt64(prefix) << 32 | UInt64(opcode)
    }

    /// The plain operator with this encoding, if there is one.
    public init?(prefix: UInt8, opcode: UInt32) {
        guard let op = Self.byEncoding[Self.encodingKey(prefix: prefix, opcode: opcode)] else { return nil }
        self = op
    }
}

extension PlainOp: CustomStringConvertible {
    public var description: String { name }
}
