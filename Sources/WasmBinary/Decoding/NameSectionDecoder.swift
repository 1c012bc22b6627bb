/// The `name` custom section. Engines ignore a malformed name section rather than rejecting the module,
/// so every failure here just yields the names decoded so far.
/// > Note: https://webassembly.github.io/spec/core/appendix/custom.html#name-section
enum NameSectionDecoder {
    static func decode(_ sections: [CustomSection]) -> NameMap {
        var names = NameMap()
        guard let section = sections.first(where: { $0.name == "name" }) else { return names }
        var reader = ByteReader(section.bytes)
        do {
            while !reader.isAtEnd {
                let id = try reader.readByte()
                let size = try reader.readLength()
                var subsection = ByteReader(Array(try reader.readBytes(size)))
                switch id {
                case 0: names.moduleName = try subsection.readName()
                case 1: names.functionNames = try readNameMap(&subsection)
                case 2:
                    let count = try subsection.readLength()
                    for _ in 0..<count {
                        let function = try subsection.readU32()
                        names.localNames[function] = try readNameMap(&subsection)
                    }
                default: continue
                }
            }
        } catch {
            return names
        }
        return names
    }

    private static func readNameMap(_ reader: inout ByteReader) throws(WasmError) -> [UInt32: String] {
        let count = try reader.readLength()
        var map: [UInt32: String] = [:]
        for _ in 0..<count {
            let index = try reader.readU32()
            map[index] = try reader.readName()
        }
        return map
    }
}
