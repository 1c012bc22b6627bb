/// Dense opcode → `PlainOp` tables for the decoder's hot path: `PlainOp(prefix:opcode:)` hashes, which
/// cost about a tenth of decoding time on large modules.
enum PlainOpLookup {
    /// Sub-opcodes above this (per prefix) have no plain operator in 2.0.
    private static let tableSize = 0x120

    private static let tables: (single: [PlainOp?], misc: [PlainOp?], vector: [PlainOp?]) = {
        var single = [PlainOp?](repeating: nil, count: tableSize)
        var misc = single, vector = single
        for op in PlainOp.allCases where Int(op.opcode) < tableSize {
            switch op.prefix {
            case 0: single[Int(op.opcode)] = op
            case 0xFC: misc[Int(op.opcode)] = op
            case 0xFD: vector[Int(op.opcode)] = op
            default: break
            }
        }
        return (single, misc, vector)
    }()
    private static let single = tables.single
    private static let misc = tables.misc
    private static let vector = tables.vector

    @inline(__always)
    static func op(prefix: UInt8, opcode: UInt32) -> PlainOp? {
        guard opcode < UInt32(tableSize) else { return PlainOp(prefix: prefix, opcode: opcode) }
        switch prefix {
        case 0: return single[Int(opcode)]
        case 0xFC: return misc[Int(opcode)]
        case 0xFD: return vector[Int(opcode)]
        default: return PlainOp(prefix: prefix, opcode: opcode)
        }
    }
}
