import Foundation
import WasmcCompiler

/// What `POST /v1/compile` can produce; the names are the `emit` values and artifact URL suffixes.
public enum ArtifactKind: String, CaseIterable, Sendable {
    case executable = "exe"
    case object = "obj"
    case shared
    /// The C header of the module's exports.
    case header
    /// The JSON manifest (`ModuleManifest`).
    case manifest

    var contentType: String {
        switch self {
        case .executable, .object, .shared: "application/octet-stream"
        case .header: "text/x-c; charset=utf-8"
        case .manifest: "application/json"
        }
    }
}

/// The query of `POST /v1/compile`: `emit`, `opt`, `bounds` and `cpu`, each at most once. Anything
/// unknown is refused rather than ignored, so a typo never silently compiles something else.
public struct CompileRequest: Equatable, Sendable {
    public var kind: ArtifactKind = .executable
    public var optimizationLevel = 2
    public var boundsChecks: BoundsCheckStrategy = .guardPages
    public var targetCPU = "generic"

    public init() {}

    /// Parses decoded query pairs; `isKnownCPU` decides `cpu` values (LLVM's list in the service).
    public init(query: [(name: String, value: String)], isKnownCPU: (String) -> Bool = isKnownTargetCPU) throws(ServiceError) {
        var seen = Set<String>()
        for (name, value) in query {
            guard seen.insert(name).inserted else { throw .badRequest("'\(name)' is given more than once") }
            switch name {
            case "emit":
                guard let kind = ArtifactKind(rawValue: value) else {
                    throw .badRequest("unknown emit '\(value)': use \(ArtifactKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                self.kind = kind
            case "opt":
                guard value.count == 1, let level = Int(value), (0...3).contains(level) else {
                    throw .badRequest("unknown opt '\(value)': use 0, 1, 2 or 3")
                }
                optimizationLevel = level
            case "bounds":
                guard let strategy = BoundsCheckStrategy(rawValue: value) else { throw .badRequest("unknown bounds '\(value)': use guard or explicit") }
                boundsChecks = strategy
            case "cpu":
                // "native" would name the server's CPU, which a client cannot know or rely on.
                guard value != "native", value.count <= 64, isKnownCPU(value) else {
                    throw .badRequest("unknown cpu '\(value)': use generic or an LLVM processor name such as x86-64-v2")
                }
                targetCPU = value
            default:
                throw .badRequest("unknown option '\(name)': use emit, opt, bounds and cpu")
            }
        }
    }

    /// The compiler's options. Partitioning and codegen threads keep `wasmc compile`'s defaults, so the
    /// service and the command line share cache keys.
    public var options: CompilationOptions {
        CompilationOptions(optimizationLevel: optimizationLevel, boundsChecks: boundsChecks, targetCPU: targetCPU)
    }
}
