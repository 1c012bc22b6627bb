/// A cursor over a whole module's bytes.
///
/// Following the spec's reference decoder, reads are bounded by the end of the module, not by the
/// enclosing section: sizes are checked after a section or body has been read ("section size mismatch"),
/// and vector lengths are checked against the bytes left in the module ("length out of bounds"). That
/// reproduces the suite's error reasons exactly and keeps the hot path to one bounds check per byte.
public struct ByteReader {
    public let bytes: [UInt8]
    public var position: Int
    /// Reads stop here: the end of the module, or of a custom section.
    public var limit: Int
    /// The reason reported for reading past `limit`: the suite says "unexpected end" for the module
    /// header and custom sections, "unexpected end of section or function" inside other sections.
    public var endOfInputReason = "unexpected end"
    /// The spec edition whose binary format applies (see `SpecVersion`).
    public var version: SpecVersion = .v3

    public init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.limit = bytes.count
    }

    public var isAtEnd: Bool { position >= limit }
    public var remaining: Int { limit - position }

    public func peek() -> UInt8? { position < limit ? bytes[position] : nil }

    @inline(__always)
    public mutating func readByte() throws(WasmError) -> UInt8 {
        guard position < limit else { throw .malformed(at: position, endOfInputReason) }
        let byte = bytes[position]
        position += 1
        return byte
    }

    public mutating func readBytes(_ count: Int) throws(WasmError) -> ArraySlice<UInt8> {
        guard count <= remaining else { throw .malformed(at: limit, endOfInputReason) }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    /// An unsigned LEB128 of at most `bits` bits.
    /// > Note: https://webassembly.github.io/spec/core/binary/values.html#integers
    @inline(__always)
    public mutating func readUnsigned(bits: Int = 32) throws(WasmError) -> UInt64 {
        let first = try readByte()
        if first < 0x80 { return UInt64(first) }
        var result = UInt64(first & 0x7F)
        var shift = 7
        let maxBytes = (bits + 6) / 7
        for index in 1..<maxBytes {
            let byte = try readByte()
            if index == maxBytes - 1 {
                if byte & 0x80 != 0 { throw .malformed(at: position - 1, "integer representation too long") }
                let unusedBits = 7 - (bits - shift)
                if unusedBits > 0, byte >> (7 - unusedBits) != 0 {
                    throw .malformed(at: position - 1, "integer too large")
                }
            }
            result |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return result
    }

    /// A signed LEB128 of at most `bits` bits, sign-extended to 64.
    public mutating func readSigned(bits: Int) throws(WasmError) -> Int64 {
        var result: Int64 = 0
        var shift = 0
        let maxBytes = (bits + 6) / 7
        for index in 0..<maxBytes {
            let byte = try readByte()
            if index == maxBytes - 1 {
                if byte & 0x80 != 0 { throw .malformed(at: position - 1, "integer representation too long") }
                // The bits beyond `bits` must all equal the sign bit.
                let valueBits = bits - shift
                if valueBits < 7 {
                    let signAndUnused = Int8(bitPattern: byte << 1) >> Int8(valueBits)
                    if signAndUnused != 0 && signAndUnused != -1 {
                        throw .malformed(at: position - 1, "integer too large")
                    }
                }
            }
            result |= Int64(byte & 0x7F) << Int64(shift)
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64, byte & 0x40 != 0 { result |= -1 << Int64(shift) }
                return result
            }
        }
        return result
    }

    public mutating func readU32() throws(WasmError) -> UInt32 { UInt32(truncatingIfNeeded: try readUnsigned(bits: 32)) }

    /// A u32 length that must fit in what is left of the module.
    public mutating func readLength() throws(WasmError) -> Int {
        let start = position
        let length = Int(try readU32())
        guard length <= remaining else { throw .malformed(at: start, "length out of bounds") }
        return length
    }

    /// How many elements to reserve for a vector announcing `count`: each takes at least a byte, and the
    /// cap keeps a hostile count from reserving hundreds of megabytes of wide elements up front.
    public func reservation(for count: Int) -> Int { min(count, remaining, 1 << 14) }

    public mutating func readFixedUInt32() throws(WasmError) -> UInt32 {
        let slice = try readBytes(4)
        var value: UInt32 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt32(byte) << UInt32(8 * shift) }
        return value
    }

    public mutating func readFixedUInt64() throws(WasmError) -> UInt64 {
        let slice = try readBytes(8)
        var value: UInt64 = 0
        for (shift, byte) in slice.enumerated() { value |= UInt64(byte) << UInt64(8 * shift) }
        return value
    }

    /// A length-prefixed UTF-8 name.
    public mutating func readName() throws(WasmError) -> String {
        let length = try readLength()
        let start = position
        let slice = try readBytes(length)
        guard let name = decodeUTF8(slice) else { throw .malformed(at: start, "malformed UTF-8 encoding") }
        return name
    }
}

/// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF); nil when malformed.
func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let lead = bytes[index]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0x00...0x7F: index += 1; continue
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: return nil
        }
        guard bytes.endIndex - index >= length else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        index += length
    }
    return String(decoding: bytes, as: UTF8.self)
}
