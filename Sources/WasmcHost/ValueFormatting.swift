import WasmcCompiler
/// Printing values the way `wasmc run` shows results: `TYPE:VALUE`, floats followed by their bits.
extension WasmValue: CustomStringConvertible {
    /// `i32:-1`, `f32:1.5 (0x3fc00000)`, `v128:0x…`, `funcref:null`, `externref:7`.
    public var description: String {
        switch self {
        case .i32(let bits): "i32:\(Int32(bitPattern: bits))"
        case .i64(let bits): "i64:\(Int64(bitPattern: bits))"
        case .f32(let bits): "f32:\(formatFloat(bits: UInt64(bits), exponentBits: 8, significandBits: 23)) (0x\(hex(bits, digits: 8)))"
        case .f64(let bits): "f64:\(formatFloat(bits: bits, exponentBits: 11, significandBits: 52)) (0x\(hex(bits, digits: 16)))"
        case .v128(let vector): "v128:\(vector.hexDescription)"
        case .funcref(let address): address.map { "funcref:0x\(hex($0, digits: 1))" } ?? "funcref:null"
        case .externref(let host): host.map { "externref:\($0)" } ?? "externref:null"
        }
    }
}

/// A float in wast notation: shortest round-tripping decimal, `inf`, `nan` for the canonical NaN and
/// `nan:0x…` with the payload otherwise, each with a leading `-` when the sign bit is set.
package func formatFloat(bits: UInt64, exponentBits: Int, significandBits: Int) -> String {
    let sign = bits >> UInt64(exponentBits + significandBits) & 1 == 1 ? "-" : ""
    let exponentMask: UInt64 = (1 << UInt64(exponentBits)) - 1
    let exponent = (bits >> UInt64(significandBits)) & exponentMask
    let significand = bits & ((1 << UInt64(significandBits)) - 1)
    if exponent == exponentMask {
        if significand == 0 { return sign + "inf" }
        let canonical: UInt64 = 1 << UInt64(significandBits - 1)
        return significand == canonical ? sign + "nan" : sign + "nan:0x" + String(significand, radix: 16)
    }
    return significandBits == 23
        ? Float(bitPattern: UInt32(truncatingIfNeeded: bits)).description
        : Double(bitPattern: bits).description
}
