import WasmBinary

/// Builds module bytes by hand: the header plus sections whose sizes are computed.
enum ModuleBytes {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    static func unsignedLEB(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        [id] + unsignedLEB(UInt64(contents.count)) + contents
    }

    static func name(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return unsignedLEB(UInt64(utf8.count)) + utf8
    }

    static func module(_ sections: [UInt8]...) -> [UInt8] { header + sections.flatMap { $0 } }

    /// The reason a decode failed, or nil when it succeeded.
    static func failure(_ bytes: [UInt8], version: SpecVersion = .v3) -> String? {
        do throws(WasmError) {
            _ = try decodeModule(bytes, version: version)
            return nil
        } catch {
            return error.message
        }
    }
}
