/// The runtime's canonical signature strings, `"(i32,i64)->(f32)"`: the key `wasmc_intern_signature`
/// turns into the process-wide type id that `call_indirect` and import checks compare. The backend
/// writes them into module descriptors and the host reads them back, both through this one format.
extension FunctionType {
    public var canonicalSignature: String {
        "(" + parameters.map(\.description).joined(separator: ",") + ")->(" + results.map(\.description).joined(separator: ",") + ")"
    }

    /// Reads a canonical signature string; nil when it is not one.
    public init?(canonicalSignature text: String) {
        let halves = text.split(separator: "->", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        func types(_ part: Substring) -> [ValueType]? {
            guard part.hasPrefix("("), part.hasSuffix(")") else { return nil }
            let inner = part.dropFirst().dropLast()
            if inner.isEmpty { return [] }
            var result: [ValueType] = []
            for name in inner.split(separator: ",", omittingEmptySubsequences: false) {
                guard let type = ValueType.allNamed[String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())] else { return nil }
                result.append(type)
            }
            return result
        }
        guard let parameters = types(halves[0]), let results = types(halves[1]) else { return nil }
        self.init(parameters: parameters, results: results)
    }
}

extension ValueType {
    static let allNamed: [String: ValueType] = Dictionary(
        uniqueKeysWithValues: [ValueType.i32, .i64, .f32, .f64, .v128, .funcref, .externref].map { ($0.description, $0) })
}
