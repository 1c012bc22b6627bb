import WasmBinary
import WasmcCompiler

/// A constant the user wrote that does not denote a value of the expected type.
public struct ValueParseError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var type: ValueType
    public var reason: String

    public var description: String { "cannot read '\(text)' as \(type): \(reason)" }
}

extension WasmValue {
    /// Reads a constant written as in the text format: `42`, `-1`, `0xff`, `1_000` for integers;
    /// `1.5`, `-0x1.8p3`, `inf`, `-inf`, `nan`, `nan:0x200000` for floats (a hex literal is a hex float,
    /// as in wast, not a bit pattern); `0x` + up to 32 hex digits or `i32x4 1 2 3 4` for v128;
    /// `null` or a host number for references.
    public static func parse(_ text: String, as type: ValueType) throws(ValueParseError) -> WasmValue {
        func failure(_ reason: String) -> ValueParseError { ValueParseError(text: text, type: type, reason: reason) }
        switch type {
        case .i32:
            guard let bits = parseInteger(text, bitWidth: 32) else { throw failure("not a 32-bit integer") }
            return .i32(UInt32(truncatingIfNeeded: bits))
        case .i64:
            guard let bits = parseInteger(text, bitWidth: 64) else { throw failure("not a 64-bit integer") }
            return .i64(bits)
        case .f32:
            guard let bits = parseFloatBits(text, exponentBits: 8, significandBits: 23) else { throw failure("not an f32 literal") }
            return .f32(UInt32(truncatingIfNeeded: bits))
        case .f64:
            guard let bits = parseFloatBits(text, exponentBits: 11, significandBits: 52) else { throw failure("not an f64 literal") }
            return .f64(bits)
        case .v128:
            guard let vector = parseVector(text) else { throw failure("expected 0x and up to 32 hex digits, or a shape and its lanes") }
            return .v128(vector)
        case .funcref:
            guard text == "null" else { throw failure("only null can be written for a funcref") }
            return .funcref(nil)
        case .externref:
            if text == "null" { return .externref(nil) }
            guard let host = parseInteger(text, bitWidth: 64), !text.hasPrefix("-") else { throw failure("expected null or a host number") }
            return .externref(host)
        }
    }
}

/// An integer literal of at most `bitWidth` bits, signed or unsigned, as its two's-complement bits.
package func parseInteger(_ text: String, bitWidth: Int) -> UInt64? {
    var digits = Substring(text.filter { $0 != "_" })
    var negative = false
    if let first = digits.first, first == "-" || first == "+" {
        negative = first == "-"
        digits = digits.dropFirst()
    }
    var radix = 10
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
        radix = 16
        digits = digits.dropFirst(2)
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }), let magnitude = UInt64(digits, radix: radix) else { return nil }
    let unsignedLimit: UInt64 = bitWidth == 64 ? .max : (1 << UInt64(bitWidth)) - 1
    let negativeLimit: UInt64 = 1 << UInt64(bitWidth - 1)
    if negative {
        guard magnitude <= negativeLimit else { return nil }
        return (0 &- magnitude) & unsignedLimit
    }
    guard magnitude <= unsignedLimit else { return nil }
    return magnitude
}

/// A float literal as the bits of a float with the given layout (f32: 8/23, f64: 11/52).
func parseFloatBits(_ text: String, exponentBits: Int, significandBits: Int) -> UInt64? {
    var body = Substring(text.filter { $0 != "_" })
    var signBit: UInt64 = 0
    if let first = body.first, first == "-" || first == "+" {
        if first == "-" { signBit = 1 << UInt64(exponentBits + significandBits) }
        body = body.dropFirst()
    }
    let infinity: UInt64 = ((1 << UInt64(exponentBits)) - 1) << UInt64(significandBits)
    if body == "inf" { return signBit | infinity }
    if body == "nan" { return signBit | infinity | 1 << UInt64(significandBits - 1) }
    if body.hasPrefix("nan:0x") {
        guard let payload = UInt64(body.dropFirst(6), radix: 16), payload != 0,
              payload < 1 << UInt64(significandBits) else { return nil }
        return signBit | infinity | payload
    }
    let allowed = Set("0123456789abcdefABCDEFxX.pP+-")
    guard !body.isEmpty, body.first?.isNumber == true, body.allSatisfy({ allowed.contains($0) }) else { return nil }
    let magnitude: UInt64
    if significandBits == 23 {
        guard let value = Float(String(body)), value.isFinite else { return nil }
        magnitude = UInt64(value.bitPattern)
    } else {
        guard let value = Double(String(body)), value.isFinite else { return nil }
        magnitude = value.bitPattern
    }
    return signBit | magnitude
}

/// `0x` + up to 32 hex digits, or a shape followed by its lanes (`i8x16`, `i16x8`, `i32x4`, `i64x2`,
/// `f32x4`, `f64x2`) separated by spaces or commas.
func parseVector(_ text: String) -> V128Bits? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    if words.count == 1, words[0].hasPrefix("0x") {
        let digits = words[0].dropFirst(2).filter { $0 != "_" }
        guard !digits.isEmpty, digits.count <= 32, digits.allSatisfy(\.isHexDigit) else { return nil }
        let lowDigits = String(digits.suffix(16))
        let highDigits = String(digits.dropLast(min(16, digits.count)))
        guard let low = UInt64(lowDigits, radix: 16) else { return nil }
        let high = highDigits.isEmpty ? 0 : UInt64(highDigits, radix: 16)
        return high.map { V128Bits(low: low, high: $0) }
    }
    guard let shape = words.first.flatMap(VectorShape.init(rawValue:)), words.count == shape.laneCount + 1 else { return nil }
    var lanes: [UInt64] = []
    for word in words.dropFirst() {
        let lane: UInt64?
        switch shape {
        case .f32x4: lane = parseFloatBits(word, exponentBits: 8, significandBits: 23)
        case .f64x2: lane = parseFloatBits(word, exponentBits: 11, significandBits: 52)
        default: lane = parseInteger(word, bitWidth: shape.laneBitWidth)
        }
        guard let lane else { return nil }
        lanes.append(lane)
    }
    return V128Bits(lanes: lanes, bitWidth: shape.laneBitWidth)
}

/// The lane interpretations of a v128.
public enum VectorShape: String, Sendable, CaseIterable {
    case i8x16, i16x8, i32x4, i64x2, f32x4, f64x2

    public var laneBitWidth: Int {
        switch self {
        case .i8x16: 8
        case .i16x8: 16
        case .i32x4, .f32x4: 32
        case .i64x2, .f64x2: 64
        }
    }

    public var laneCount: Int { 128 / laneBitWidth }
    public var isFloat: Bool { self == .f32x4 || self == .f64x2 }

    /// The shape of the spec JSON's `lane_type` (`i8`, `f32`, …).
    package init?(laneType: String) {
        switch laneType {
        case "i8": self = .i8x16
        case "i16": self = .i16x8
        case "i32": self = .i32x4
        case "i64": self = .i64x2
        case "f32": self = .f32x4
        case "f64": self = .f64x2
        default: return nil
        }
    }
}
