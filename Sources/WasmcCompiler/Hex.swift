/// `value` in lowercase hexadecimal, zero-padded to `digits` (cache keys, value printing).
package func hex<T: BinaryInteger>(_ value: T, digits: Int) -> String {
    let text = String(value, radix: 16)
    return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
}
