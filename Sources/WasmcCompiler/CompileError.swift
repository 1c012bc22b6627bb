import WasmBinary

/// Why a module could not be turned into a loadable shared object.
public enum CompileError: Error, CustomStringConvertible {
    /// Malformed or invalid input.
    case rejected(WasmError)
    /// A feature the compiler does not implement.
    case unsupported(String)
    /// A failure in the frontend or backend: a compiler bug.
    case internalError(String)
    /// The system compiler or linker failed, or the runtime could not be built.
    case link(String)
    /// The compilation options cannot be honoured, such as a target CPU LLVM does not know.
    case invalidOptions(String)

    /// The compile error a frontend error stands for: the user's input, a missing feature, or a bug.
    public init(_ error: FrontendError) {
        switch error {
        case .rejected(let wasmError): self = .rejected(wasmError)
        case .unsupported(let feature): self = .unsupported(feature)
        case .internalError(let message): self = .internalError(message)
        case .noSuchFunction: self = .internalError("\(error)")
        }
    }

    public var description: String {
        switch self {
        case .rejected(let error): error.description
        case .unsupported(let feature): feature.hasPrefix("unsupported") ? feature : "unsupported: \(feature)"
        case .internalError(let message): "internal compiler error: \(message)"
        case .link(let message): "link error: \(message)"
        case .invalidOptions(let message): message
        }
    }
}
