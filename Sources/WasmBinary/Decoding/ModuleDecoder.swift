/// Decodes a whole binary module; throws a `.malformed` `WasmError` (with the suite's wording) on the
/// first problem. Index ranges, types and other *validity* rules are left to the validator.
/// > Note: https://webassembly.github.io/spec/core/binary/modules.html
public func decodeModule(_ bytes: [UInt8], version: SpecVersion = .v3) throws(WasmError) -> Module {
    var decoder = ModuleDecoder(bytes)
    decoder.reader.version = version
    return try decoder.decode()
}

struct ModuleDecoder {
    var reader: ByteReader
    var module = Module()
    /// Whether any function body uses `memory.init` or `data.drop` (they need the data count section).
    var usesDataIndices = false

    init(_ bytes: [UInt8]) { reader = ByteReader(bytes) }

    /// Non-custom section ids in the order they must appear (data count sits between element and code).
    private static let sectionOrder: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11]

    mutating func decode() throws(WasmError) -> Module {
        let magic = try reader.readFixedUInt32()
        guard magic == 0x6D73_6100 else { throw .malformed(at: 0, "magic header not detected") }
        let version = try reader.readFixedUInt32()
        guard version == 1 else { throw .malformed(at: 4, "unknown binary version") }

        var lastOrder = -1
        var sawFunctionSection = false, sawCodeSection = false, sawDataSection = false
        while !reader.isAtEnd {
            let idOffset = reader.position
            let id = try reader.readByte()
            if id == 13, reader.version != .v2 { throw .unsupported(at: idOffset, .exceptionHandling) }  // tag section
            guard id <= 12 else { throw .malformed(at: idOffset, "malformed section id") }
            let size = try reader.readLength()
            let start = reader.position
            reader.endOfInputReason = "unexpected end of section or function"
            defer { reader.endOfInputReason = "unexpected end" }
            if id != 0 {
                let order = Self.sectionOrder.firstIndex(of: id)!
                guard order > lastOrder else { throw .malformed(at: idOffset, "unexpected content after last section") }
                lastOrder = order
            }
            switch id {
            case 0: try decodeCustomSection(size: size)
            case 1: module.types = try vector { (r: inout ByteReader) throws(WasmError) in try r.readFunctionType() }
            case 2: module.imports = try vector { (r: inout ByteReader) throws(WasmError) in try r.readImport() }
            case 3:
                sawFunctionSection = true
                module.functionTypeIndices = try vector { (r: inout ByteReader) throws(WasmError) in try r.readU32() }
            case 4: module.tables = try vector { (r: inout ByteReader) throws(WasmError) in try r.readTableEntry() }
            case 5: module.memories = try vector { (r: inout ByteReader) throws(WasmError) in try r.readMemoryType() }
            case 6: module.globals = try vector { (r: inout ByteReader) throws(WasmError) in try r.readGlobal() }
            case 7: module.exports = try vector { (r: inout ByteReader) throws(WasmError) in try r.readExport() }
            case 8: module.start = try reader.readU32()
            case 9: module.elements = try vector { (r: inout ByteReader) throws(WasmError) in try r.readElementSegment() }
            case 12: module.dataCount = try reader.readU32()
            case 10:
                sawCodeSection = true
                try decodeCodeSection()
            case 11:
                sawDataSection = true
                module.data = try vector { (r: inout ByteReader) throws(WasmError) in try r.readDataSegment() }
            default: break
            }
            guard reader.position == start + size else { throw .malformed(at: start, "section size mismatch") }
        }

        if (sawFunctionSection || sawCodeSection) && module.functionTypeIndices.count != module.codes.count {
            throw .malformed(at: reader.position, "function and code section have inconsistent lengths")
        }
        if let dataCount = module.dataCount, Int(dataCount) != module.data.count || (!sawDataSection && dataCount != 0) {
            throw .malformed(at: reader.position, "data count and data section have inconsistent lengths")
        }
        if usesDataIndices && module.dataCount == nil {
            throw .malformed(at: reader.position, "data count section required")
        }
        module.names = NameSectionDecoder.decode(module.customSections)
        return module
    }

    private mutating func vector<T>(_ element: (inout ByteReader) throws(WasmError) -> T) throws(WasmError) -> [T] {
        let count = Int(try reader.readU32())
        var items: [T] = []
        items.reserveCapacity(reader.reservation(for: count))
        for _ in 0..<count { items.append(try element(&reader)) }
        return items
    }

    /// A custom section is read within its own size, so a name running past it is "unexpected end".
    private mutating func decodeCustomSection(size: Int) throws(WasmError) {
        var section = reader
        section.limit = reader.position + size
        section.endOfInputReason = "unexpected end"
        let name = try section.readName()
        let contents = try section.readBytes(section.remaining)
        module.customSections.append(CustomSection(name: name, bytes: Array(contents)))
        reader.position = section.position
    }

    private mutating func decodeCodeSection() throws(WasmError) {
        let count = Int(try reader.readU32())
        module.codes.reserveCapacity(reader.reservation(for: count))
        for _ in 0..<count {
            let size = try reader.readLength()
            let start = reader.position
            var bodyDecoder = FunctionBodyDecoder(reader: reader)
            let body = try bodyDecoder.decode(bodyStart: start)
            reader = bodyDecoder.reader
            usesDataIndices = usesDataIndices || bodyDecoder.usesDataIndices
            guard reader.position == start + size else { throw .malformed(at: start, "section size mismatch") }
            module.codes.append(FunctionBody(locals: body.locals, instructions: body.instructions,
                                             instructionOffsets: body.offsets, byteRange: start..<(start + size)))
        }
    }
}
