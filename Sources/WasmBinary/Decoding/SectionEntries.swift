/// Decoders for the entries of the non-code sections.
extension ByteReader {
    mutating func readValueType() throws(WasmError) -> ValueType {
        let offset = position
        guard let type = ValueType(rawValue: try readByte()) else { throw .malformed(at: offset, "malformed value type") }
        return type
    }

    mutating func readReferenceType() throws(WasmError) -> ReferenceType {
        let offset = position
        guard let type = ReferenceType(rawValue: try readByte()) else { throw .malformed(at: offset, "malformed reference type") }
        return type
    }

    mutating func readFunctionType() throws(WasmError) -> FunctionType {
        let offset = position
        let form = try readByte()
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

    /// The flag is a one-bit LEB128 in the reference decoder, hence its two reasons.
    mutating func readLimits() throws(WasmError) -> Limits {
        let offset = position
        switch try readByte() {
        case 0x00: return Limits(minimum: try readU32())
        case 0x01:
            let minimum = try readU32()
            return Limits(minimum: minimum, maximum: try readU32())
        case 0x80...: throw .malformed(at: offset, "integer representation too long")
        default: throw .malformed(at: offset, "integer too large")
        }
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
