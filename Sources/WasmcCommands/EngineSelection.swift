import ArgumentParser
import WasmcCompiler

/// `wasmc run --engine`: how a module runs.
enum ExecutionEngine: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Compiled to native code (through the artifact cache); a module the compiler cannot handle fails.
    case compiled
    /// Interpreted in this process by the WasmKit library.
    case interpreter
    /// Compiled, or interpreted when the compiler reports `unsupported` for the module (the default).
    case auto

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// The one-line warning `auto` prints before interpreting a module the compiler failed on, or nil
    /// when the failure must stay an error: every engine but `auto`, and every error but `unsupported`
    /// (a malformed module, a link failure or a compiler bug is never hidden by the interpreter).
    func fallbackWarning(after error: Error) -> String? {
        guard self == .auto, let error = error as? CompileError, case .unsupported = error else { return nil }
        return "warning: \(error); running in the interpreter"
    }
}
