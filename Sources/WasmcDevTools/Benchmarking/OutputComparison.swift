import WasmcCompiler
/// Where two runs of the same program disagree: its exit code or its standard output.
public struct OutputMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    public var referenceName: String
    public var otherName: String
    public var reference: ProcessRun
    public var other: ProcessRun

    /// Compares what `other` printed and how it exited with `reference`; nil when they agree.
    /// Timings and standard error (where traps and diagnostics differ between engines) are not compared.
    public static func between(_ referenceName: String, _ reference: ProcessRun,
                               and otherName: String, _ other: ProcessRun) -> OutputMismatch? {
        guard reference.exitCode != other.exitCode || reference.standardOutput != other.standardOutput else { return nil }
        return OutputMismatch(referenceName: referenceName, otherName: otherName, reference: reference, other: other)
    }

    public var description: String {
        var lines = ["\(otherName) and \(referenceName) disagree:"]
        if reference.exitCode != other.exitCode {
            lines.append("  exit code: \(referenceName) \(reference.exitCode), \(otherName) \(other.exitCode)")
        }
        if reference.standardOutput != other.standardOutput {
            let expected = Self.lines(reference.standardOutput), got = Self.lines(other.standardOutput)
            let index = zip(expected, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, got.count)
            lines.append("  stdout differs at line \(index + 1) (\(reference.standardOutput.count) vs \(other.standardOutput.count) bytes):")
            lines.append("    \(referenceName): \(Self.quoted(expected, index))")
            lines.append("    \(otherName): \(Self.quoted(got, index))")
        }
        if other.exitCode != 0, let last = Self.lines(other.standardError).last(where: { !$0.isEmpty }) {
            lines.append("  \(otherName) stderr: \(last)")
        }
        return lines.joined(separator: "\n")
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func quoted(_ lines: [String], _ index: Int) -> String {
        guard index < lines.count else { return "(end of output)" }
        let line = lines[index]
        return line.count > 100 ? "\"\(line.prefix(100))…\"" : "\"\(line)\""
    }
}
