import Foundation

/// A failed file operation, printed as `<what>: <path>: <reason>` (the reason from `strerror` where
/// there is an errno). The path is the one the user named, never an internal temporary one.
public struct FileError: Error, Equatable, CustomStringConvertible {
    /// What was being done, e.g. `cannot write the output`.
    public var action: String
    public var path: String
    public var reason: String

    public init(_ action: String, path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    public init(_ action: String, path: String, errno code: Int32) {
        self.init(action, path: path, reason: String(cString: strerror(code)))
    }

    /// One line whatever the path holds: control characters (a newline in a file name) are escaped.
    public var description: String {
        "\(action): \(Self.printable(path)): \(reason)"
    }

    static func printable(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\t": "\\t"
            case "\r": "\\r"
            case "\\": "\\\\"
            default: scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }.joined()
    }
}
