/// Decodes function bodies and constant expressions into `Instruction`s.
/// > Note: https://webassembly.github.io/spec/core/binary/instructions.html
struct FunctionBodyDecoder {
    var reader: ByteReader
    var usesDataIndices = false

    /// The binary format only bounds the total to a u32; tighter implementation limits belong to later
    /// stages, which report them as unsupported rather than malformed.
    static let maximumLocalCount = UInt64(UInt32.max)

    init(reader: ByteReader) { self.reader = reader }

    mutating func decode(bodyStart: Int) throws(WasmError) -> (locals: [(count: UInt32, type: ValueType)], instructions: [Instruction], offsets: [Int]) {
        let groupCount = Int(try reader.readU32())
        var locals: [(count: UInt32, type: ValueType)] = []
        var total: UInt64 = 0
        for _ in 0..<groupCount {
            let offset = reader.position
            let count = try reader.readU32()
            total += UInt64(count)
            guard total <= Self.maximumLocalCount else { throw .malformed(at: offset, "too many locals") }
            locals.append((count, try reader.readValueType()))
        }
        var instructions: [Instruction] = []
        var offsets: [Int] = []
        try decodeInstructions(into: &instructions, offsets: &offsets)
        return (locals, instructions, offsets)
    }

    /// A constant expression: instructions up to the matching `end`, without it.
    mutating func decodeExpression() throws(WasmError) -> [Instruction] {
        var instructions: [Instruction] = []
        var offsets: [Int] = []
        try decodeInstructions(into: &instructions, offsets: &offsets)
        instructions.removeLast()
        return instructions
    }

    /// Reads instructions until the `end` that closes the outermost block, which is included.
    private mutating func decodeInstructions(into instructions: inout [Instruction], offsets: inout [Int]) throws(WasmError) {
        var depth = 0
        while true {
            guard let opcode = reader.peek() else {
                throw .malformed(at: reader.position, "unexpected end of section or function")
            }
            let offset = reader.position
            // At the outermost level only `end` may close the sequence; `else` there is a missing `end`.
            if opcode == 0x05, depth == 0 { throw .malformed(at: offset, "END opcode expected") }
            instructions.append(try decodeInstruction())
            offsets.append(offset)
            // Nesting follows from the opcode byte alone, which spares copying the decoded instruction.
            switch opcode {
            case 0x02, 0x03, 0x04: depth += 1
            case 0x0B:
                if depth == 0 { return }
                depth -= 1
            default: break
            }
        }
    }

    private mutating func memArg() throws(WasmError) -> MemArg {
        let offset = reader.position
        let flags = try reader.readU32()
        // Bit 6 announces a memory index (multi-memory, 3.0); the alignment exponent is below it.
        guard flags < (reader.version == .v2 ? 32 : 128) else { throw .malformed(at: offset, "malformed memop flags") }
        let memory = flags & 64 != 0 ? try reader.readU32() : 0
        let staticOffset = reader.version == .v2 ? UInt64(try reader.readU32()) : try reader.readUnsigned(bits: 64)
        return MemArg(alignment: flags & 63, offset: staticOffset, memory: memory)
    }

    /// A memory index; 2.0 reserves a zero byte in its place.
    private mutating func memoryIndex() throws(WasmError) -> UInt32 {
        guard reader.version == .v2 else { return try reader.readU32() }
        let offset = reader.position
        guard try reader.readByte() == 0 else { throw .malformed(at: offset, "zero byte expected") }
        return 0
    }

    private mutating func blockType() throws(WasmError) -> BlockType {
        guard let byte = reader.peek() else { throw .malformed(at: reader.position, reader.endOfInputReason) }
        if byte == 0x40 {
            reader.position += 1
            return .empty
        }
        if let type = ValueType(rawValue: byte) {
            reader.position += 1
            return .value(type)
        }
        if reader.version != .v2, byte == 0x63 || byte == 0x64 || ByteReader.heapTypeFeature(byte) != nil {
            _ = try reader.readValueType()  // throws: a 3.0 reference type wasmc does not implement
        }
        let offset = reader.position
        let index = try reader.readSigned(bits: 33)
        guard index >= 0, index <= Int64(UInt32.max) else { throw .malformed(at: offset, "malformed block type") }
        return .typeIndex(UInt32(index))
    }

    private mutating func lane() throws(WasmError) -> UInt8 { try reader.readByte() }

    private mutating func decodeInstruction() throws(WasmError) -> Instruction {
        let offset = reader.position
        let opcode = try reader.readByte()
        switch opcode {
        case 0x00: return .unreachable
        case 0x01: return .nop
        case 0x02: return .block(try blockType())
        case 0x03: return .loop(try blockType())
        case 0x04: return .if(try blockType())
        case 0x05: return .else
        case 0x0B: return .end
        case 0x0C: return .br(depth: try reader.readU32())
        case 0x0D: return .brIf(depth: try reader.readU32())
        case 0x0E:
            let count = Int(try reader.readU32())
            var depths: [UInt32] = []
            depths.reserveCapacity(reader.reservation(for: count))
            for _ in 0..<count { depths.append(try reader.readU32()) }
            return .brTable(depths: depths, defaultDepth: try reader.readU32())
        case 0x0F: return .return
        case 0x10: return .call(function: try reader.readU32())
        case 0x11:
            let type = try reader.readU32()
            return .callIndirect(type: type, table: try reader.readU32())
        case 0x12 where reader.version != .v2: return .returnCall(function: try reader.readU32())
        case 0x13 where reader.version != .v2:
            let type = try reader.readU32()
            return .returnCallIndirect(type: type, table: try reader.readU32())
        case 0x1A: return .drop
        case 0x1B: return .select(nil)
        case 0x1C:
            let types = try reader.readValueTypes()
            guard types.count == 1 else { throw .invalid(at: offset, "invalid result arity") }
            return .select(types[0])
        case 0x20: return .localGet(try reader.readU32())
        case 0x21: return .localSet(try reader.readU32())
        case 0x22: return .localTee(try reader.readU32())
        case 0x23: return .globalGet(try reader.readU32())
        case 0x24: return .globalSet(try reader.readU32())
        case 0x25: return .tableGet(table: try reader.readU32())
        case 0x26: return .tableSet(table: try reader.readU32())
        case 0x28...0x35: return .load(Self.scalarLoads[Int(opcode - 0x28)], try memArg())
        case 0x36...0x3E: return .store(Self.scalarStores[Int(opcode - 0x36)], try memArg())
        case 0x3F: return .memorySize(memory: try memoryIndex())
        case 0x40: return .memoryGrow(memory: try memoryIndex())
        case 0x41: return .i32Const(Int32(truncatingIfNeeded: try reader.readSigned(bits: 32)))
        case 0x42: return .i64Const(try reader.readSigned(bits: 64))
        case 0x43: return .f32Const(try reader.readFixedUInt32())
        case 0x44: return .f64Const(try reader.readFixedUInt64())
        case 0xD0: return .refNull(try reader.readNullHeapType())
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(function: try reader.readU32())
        case 0xFC: return try decodeMiscInstruction(offset: offset)
        case 0xFD: return try decodeVectorInstruction(offset: offset)
        default:
            guard let op = PlainOpLookup.op(prefix: 0, opcode: UInt32(opcode)) else {
                if reader.version != .v2, let feature = Self.unsupportedOpcodes[opcode] { throw .unsupported(at: offset, feature) }
                throw .malformed(at: offset, "illegal opcode \(String(opcode, radix: 16).leftPadded(to: 2))")
            }
            return .plain(op)
        }
    }

    /// The 0xFC prefix: saturating truncation, bulk memory and table instructions.
    private mutating func decodeMiscInstruction(offset: Int) throws(WasmError) -> Instruction {
        let subOpcode = try reader.readU32()
        switch subOpcode {
        case 0...7:
            guard let op = PlainOpLookup.op(prefix: 0xFC, opcode: subOpcode) else { throw .malformed(at: offset, "illegal opcode") }
            return .plain(op)
        case 8:
            usesDataIndices = true
            let data = try reader.readU32()
            return .memoryInit(data: data, memory: try memoryIndex())
        case 9:
            usesDataIndices = true
            return .dataDrop(data: try reader.readU32())
        case 10:
            let destination = try memoryIndex()
            return .memoryCopy(destination: destination, source: try memoryIndex())
        case 11: return .memoryFill(memory: try memoryIndex())
        case 12:
            let element = try reader.readU32()
            return .tableInit(element: element, table: try reader.readU32())
        case 13: return .elemDrop(element: try reader.readU32())
        case 14:
            let destination = try reader.readU32()
            return .tableCopy(destination: destination, source: try reader.readU32())
        case 15: return .tableGrow(table: try reader.readU32())
        case 16: return .tableSize(table: try reader.readU32())
        case 17: return .tableFill(table: try reader.readU32())
        default: throw .malformed(at: offset, "illegal opcode")
        }
    }

    /// The 0xFD prefix: SIMD.
    private mutating func decodeVectorInstruction(offset: Int) throws(WasmError) -> Instruction {
        let subOpcode = try reader.readU32()
        switch subOpcode {
        case 0x00...0x0A: return .load(Self.vectorLoads[Int(subOpcode)], try memArg())
        case 0x0B: return .store(.v128Store, try memArg())
        case 0x0C:
            let bytes = try reader.readBytes(16)
            return .v128Const(V128(bytes: Array(bytes)))
        case 0x0D:
            var lanes: [UInt8] = []
            lanes.reserveCapacity(16)
            for _ in 0..<16 { lanes.append(try lane()) }
            return .shuffle(lanes: lanes)
        case 0x15...0x22:
            let (laneOp, isExtract) = Self.laneOps[Int(subOpcode - 0x15)]
            let index = try lane()
            return isExtract ? .extractLane(laneOp, lane: index) : .replaceLane(laneOp, lane: index)
        case 0x54...0x5B:
            let op = Self.laneAccesses[Int(subOpcode - 0x54)]
            let arg = try memArg()
            return .laneAccess(op, arg, lane: try lane())
        case 0x5C: return .load(.v128Load32Zero, try memArg())
        case 0x5D: return .load(.v128Load64Zero, try memArg())
        default:
            guard let op = PlainOpLookup.op(prefix: 0xFD, opcode: subOpcode) else { throw .malformed(at: offset, "illegal opcode") }
            return .plain(op)
        }
    }

    /// 3.0 opcodes wasmc does not implement yet, and the feature each belongs to.
    private static let unsupportedOpcodes: [UInt8: UnsupportedFeature] = [
        // call_ref, return_call_ref, ref.as_non_null, br_on_null, br_on_non_null
        0x14: .typedFunctionReferences, 0x15: .typedFunctionReferences, 0xD4: .typedFunctionReferences,
        0xD5: .typedFunctionReferences, 0xD6: .typedFunctionReferences,
        0xD3: .gc, 0xFB: .gc,  // ref.eq, the GC prefix
        // try_table, throw, throw_ref and the legacy try, catch, rethrow, delegate, catch_all
        0x1F: .exceptionHandling, 0x08: .exceptionHandling, 0x0A: .exceptionHandling, 0x06: .exceptionHandling,
        0x07: .exceptionHandling, 0x09: .exceptionHandling, 0x18: .exceptionHandling, 0x19: .exceptionHandling,
    ]

    private static let scalarLoads: [LoadOp] = [
        .i32Load, .i64Load, .f32Load, .f64Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U,
        .i64Load8S, .i64Load8U, .i64Load16S, .i64Load16U, .i64Load32S, .i64Load32U,
    ]
    private static let scalarStores: [StoreOp] = [
        .i32Store, .i64Store, .f32Store, .f64Store, .i32Store8, .i32Store16, .i64Store8, .i64Store16, .i64Store32,
    ]
    private static let vectorLoads: [LoadOp] = [
        .v128Load, .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U, .v128Load32x2S, .v128Load32x2U,
        .v128Load8Splat, .v128Load16Splat, .v128Load32Splat, .v128Load64Splat,
    ]
    /// 0x15 … 0x22 in opcode order: (shape, is extract).
    private static let laneOps: [(LaneOp, Bool)] = [
        (.i8x16S, true), (.i8x16U, true), (.i8x16, false),
        (.i16x8S, true), (.i16x8U, true), (.i16x8, false),
        (.i32x4, true), (.i32x4, false), (.i64x2, true), (.i64x2, false),
        (.f32x4, true), (.f32x4, false), (.f64x2, true), (.f64x2, false),
    ]
    private static let laneAccesses: [LaneAccessOp] = [
        .load8Lane, .load16Lane, .load32Lane, .load64Lane, .store8Lane, .store16Lane, .store32Lane, .store64Lane,
    ]
}
