import Foundation

/// Byte counts as users write them on the command line: `512K`, `64M`, `1G`, `2T` (powers of 1024,
/// optionally followed by `B` or `iB`, any case) or plain bytes.
public enum CacheSize {
    public static func parse(_ text: String) throws(CacheSizeError) -> UInt64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        var unit = trimmed.dropFirst(digits.count).lowercased()
        guard !digits.isEmpty else { throw CacheSizeError(text: text, reason: "expected a number of bytes, e.g. 512K, 64M or 1G") }
        // `KiB`, `KB` and `K` are one unit; `B` alone is bytes.
        if unit.count == 3, unit.hasSuffix("ib") {
            unit = String(unit.prefix(1))
        } else if unit.hasSuffix("b") {
            unit = String(unit.dropLast())
        }
        let shifts: [String: UInt64] = ["": 0, "k": 10, "m": 20, "g": 30, "t": 40]
        guard let shift = shifts[unit] else {
            throw CacheSizeError(text: text, reason: "unknown unit '\(trimmed.dropFirst(digits.count))': use K, M, G or T")
        }
        guard let count = UInt64(digits) else { throw CacheSizeError(text: text, reason: "too large") }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow else { throw CacheSizeError(text: text, reason: "too large") }
        return bytes
    }

    /// `1536` → `1.5K`: short and in the units `parse` reads.
    public static func format(_ bytes: UInt64) -> String {
        var value = Double(bytes)
        for unit in ["", "K", "M", "G", "T"] {
            if value < 1024 || unit == "T" {
                return unit.isEmpty ? "\(bytes)" : String(format: value < 10 ? "%.1f%@" : "%.0f%@", value, unit)
            }
            value /= 1024
        }
        return "\(bytes)"
    }
}

public struct CacheSizeError: Error, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String { "invalid size '\(FileError.printable(text))': \(reason)" }
}
