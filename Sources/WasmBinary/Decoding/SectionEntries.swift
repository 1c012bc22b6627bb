/// Decoders for the entries of the non-code sections.
extension ByteReader {
    mutating func readValueType() throws(WasmError) -> ValueType {
        let offset = position
        let byte = try readByte()
        guard let type = ValueType(rawValue: byte) else {
            try unsupportedReferenceType(byte, at: offset)
            throw .malformed(at: offset, "malformed value type")
        }
        return type
    }

    mutating func readReferenceType() throws(WasmError) -> ReferenceType {
        let offset = position
        let byte = try readByte()
        guard let type = ReferenceType(rawValue: byte) else {
            try unsupportedReferenceType(byte, at: offset)
            throw .malformed(at: offset, "malformed reference type")
        }
        return type
    }

    /// The heap type of `ref.null`: `func` or `extern`; a type index or another heap type is a 3.0
    /// feature wasmc does not implement.
    mutating func readNullHeapType() throws(WasmError) -> ReferenceType {
        let offset = position
        // A type index is a non-negative s33: a first byte below 0x40, or one with the continuation bit.
        guard version != .v2, let byte = peek(), byte < 0x40 || byte >= 0x80 else { return try readReferenceType() }
        guard try readSigned(bits: 33) >= 0 else { throw .malformed(at: offset, "malformed reference type") }
        throw .unsupported(at: offset, .typedFunctionReferences)
    }

    /// Throws `unsupported` for a 3.0 reference type (`(ref null? ht)` or a shorthand such as `anyref`)
    /// wasmc does not implement; returns for any other byte, which is malformed.
    mutating func unsupportedReferenceType(_ byte: UInt8, at offset: Int) throws(WasmError) {
        guard version != .v2 else { return }
        switch byte {
        case 0x63, 0x64:
            // (ref null ht) / (ref ht): a type index or func/extern is a typed function reference.
            let heapOffset = position
            let heap = try readSigned(bits: 33)
            if heap >= 0 || heap == -0x10 || heap == -0x11 { throw .unsupported(at: offset, .typedFunctionReferences) }
            let heapByte = UInt8(truncatingIfNeeded: heap) & 0x7F
            if let feature = Self.heapTypeFeature(heapByte) { throw .unsupported(at: offset, feature) }
            throw .malformed(at: heapOffset, "malformed heap type")
        default:
            if let feature = Self.heapTypeFeature(byte) { throw .unsupported(at: offset, feature) }
        }
    }

    /// The feature an abstract heap type (or its shorthand reference type) belongs to.
    static func heapTypeFeature(_ byte: UInt8) -> UnsupportedFeature? {
        switch byte {
        case 0x6E, 0x6D, 0x6C, 0x6B, 0x6A, 0x71, 0x73, 0x72: .gc  // any eq i31 struct array none nofunc noextern
        case 0x69, 0x74: .exceptionHandling  // exn noexn
        default: nil
        }
    }

    mutating func readFunctionType() throws(WasmError) -> FunctionType {
        let offset = position
        let form = try readByte()
        if version != .v2, [0x5E, 0x5F, 0x4E, 0x50, 0x4F].contains(form) { throw .unsupported(at: offset, .gc) }  // array struct rec sub
        // The reference decoder reads the form as a signed LEB128 byte, hence its reason for a continuation bit.
        guard form == 0x60 else {
            throw .malformed(at: offset, form & 0x80 != 0 ? "integer representation too long" : "malformed function type")
        }
        let parameters = try readValueTypes()
        let results = try readValueTypes()
        return FunctionType(parameters: parameters, results: results)
    }

    mutating func readValueTypes() throws(WasmError) -> [ValueType] {
        let count = Int(try readU32())
        var types: [ValueType] = []
        types.reserveCapacity(reservation(for: count))
        for _ in 0..<count { types.append(try readValueType()) }
        return types
    }

    /// The flag is a one-bit LEB128 in the reference decoder, hence its two reasons. Bit 0 announces a
    /// maximum; bit 2 (3.0) 64-bit addresses, whose limits are u64.
    mutating func readLimits() throws(WasmError) -> Limits {
        let offset = position
        let flags = try readByte()
        switch flags {
        case 0x00, 0x01:
            // 3.0 encodes every limit as a u64; the validator bounds the sizes.
            let bits = version == .v2 ? 32 : 64
            let minimum = try readUnsigned(bits: bits)
            return Limits(minimum: minimum, maximum: flags == 0x01 ? try readUnsigned(bits: bits) : nil)
        case 0x04 where version != .v2, 0x05 where version != .v2:
            let minimum = try readUnsigned(bits: 64)
            return Limits(minimum: minimum, maximum: flags == 0x05 ? try readUnsigned(bits: 64) : nil, is64: true)
        // 3.0 reads the flags as a byte; 2.0 as a one-bit LEB128.
        case _ where version != .v2: throw .malformed(at: offset, "malformed limits flags")
        case 0x80...: throw .malformed(at: offset, "integer representation too long")
        default: throw .malformed(at: offset, "integer too large")
        }
    }

    /// A table section entry: 3.0's `0x40 0x00` prefix announces an initializer expression (typed
    /// function references).
    mutating func readTableEntry() throws(WasmError) -> TableType {
        if version != .v2, peek() == 0x40 { throw .unsupported(at: position, .typedFunctionReferences) }
        return try readTableType()
    }

    mutating func readTableType() throws(WasmError) -> TableType {
        let elementType = try readReferenceType()
        return TableType(elementType: elementType, limits: try readLimits())
    }

    mutating func readMemoryType() throws(WasmError) -> MemoryType { MemoryType(limits: try readLimits()) }

    mutating func readGlobalType() throws(WasmError) -> GlobalType {
        let valueType = try readValueType()
        let offset = position
        switch try readByte() {
        case 0x00: return GlobalType(valueType: valueType, mutability: .constant)
        case 0x01: return GlobalType(valueType: valueType, mutability: .variable)
        default: throw .malformed(at: offset, "malformed mutability")
        }
    }

    mutating func readImport() throws(WasmError) -> Import {
        let moduleName = try readName()
        let name = try readName()
        let offset = position
        let descriptor: ImportDescriptor
        switch try readByte() {
        case 0x00: descriptor = .function(typeIndex: try readU32())
        case 0x01: descriptor = .table(try readTableType())
        case 0x02: descriptor = .memory(try readMemoryType())
        case 0x03: descriptor = .global(try readGlobalType())
        case 0x04 where version != .v2: throw .unsupported(at: offset, .exceptionHandling)  // tag
        default: throw .malformed(at: offset, "malformed import kind")
        }
        return Import(module: moduleName, name: name, descriptor: descriptor)
    }

    mutating func readExport() throws(WasmError) -> Export {
        let name = try readName()
        let offset = position
        let kind = try readByte()
        let index = try readU32()
        switch kind {
        case 0x00: return Export(name: name, descriptor: .function(index))
        case 0x01: return Export(name: name, descriptor: .table(index))
        case 0x02: return Export(name: name, descriptor: .memory(index))
        case 0x03: return Export(name: name, descriptor: .global(index))
        case 0x04 where version != .v2: throw .unsupported(at: offset, .exceptionHandling)  // tag
        default: throw .malformed(at: offset, "malformed export kind")
        }
    }

    mutating func readGlobal() throws(WasmError) -> Global {
        let type = try readGlobalType()
        return Global(type: type, initializer: try readConstantExpression())
    }

    /// A constant expression up to and including its `end`; any instruction decodes, the validator restricts them.
    mutating func readConstantExpression() throws(WasmError) -> ConstantExpression {
        let start = position
        var decoder = FunctionBodyDecoder(reader: self)
        let instructions = try decoder.decodeExpression()
        self = decoder.reader
        return ConstantExpression(instructions: instructions, offset: start)
    }

    /// > Note: https://webassembly.github.io/spec/core/binary/modules.html#element-section
    mutating func readElementSegment() throws(WasmError) -> ElementSegment {
        let offset = position
        let flags = try readU32()
        guard flags <= 7 else { throw .malformed(at: offset, "malformed elements segment kind") }
        let isPassiveOrDeclarative = flags & 0b001 != 0
        let hasExplicitTable = flags & 0b010 != 0
        let usesExpressions = flags & 0b100 != 0

        var mode: ElementSegment.Mode
        if isPassiveOrDeclarative {
            mode = hasExplicitTable ? .declarative : .passive
        } else {
            let table = hasExplicitTable ? try readU32() : 0
            mode = .active(table: table, offset: try readConstantExpression())
        }

        var type = ReferenceType.funcref
        if isPassiveOrDeclarative || hasExplicitTable {
            if usesExpressions {
                type = try readReferenceType()
            } else {
                let kindOffset = position
                guard try readByte() == 0x00 else { throw .malformed(at: kindOffset, "malformed element kind") }
            }
        }

        let count = Int(try readU32())
        var initializers: [ConstantExpression] = []
        initializers.reserveCapacity(reservation(for: count))
        for _ in 0..<count {
            if usesExpressions {
                initializers.append(try readConstantExpression())
            } else {
                let start = position
                initializers.append(ConstantExpression(instructions: [.refFunc(function: try readU32())], offset: start))
            }
        }
        return ElementSegment(type: type, initializers: initializers, mode: mode)
    }

    /// > Note: https://webassembly.github.io/spec/core/binary/modules.html#data-section
    mutating func readDataSegment() throws(WasmError) -> DataSegment {
        let offset = position
        let mode: DataSegment.Mode
        switch try readU32() {
        case 0: mode = .active(memory: 0, offset: try readConstantExpression())
        case 1: mode = .passive
        case 2:
            let memory = try readU32()
            mode = .active(memory: memory, offset: try readConstantExpression())
        default: throw .malformed(at: offset, "malformed data segment kind")
        }
        let length = Int(try readU32())
        return DataSegment(bytes: Array(try readBytes(length)), mode: mode)
    }
}
