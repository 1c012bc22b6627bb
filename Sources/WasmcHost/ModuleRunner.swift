import Foundation
import WasmBinary
import WasmcCompiler

/// `wasmc run FILE.wasm --invoke NAME ARG...`: compile, instantiate (imports from `spectest` only)
/// and call one export.
public enum ModuleRunner {
    /// Arguments are constants as in the text format, read against the export's parameter types.
    public static func invoke(_ bytes: [UInt8], function name: String, arguments: [String],
                              options: CompilationOptions = CompilationOptions(),
                              cacheDirectory: URL? = ArtifactCache.defaultDirectory()) throws -> [WasmValue] {
        try invoke(bytes, function: name, arguments: arguments, options: options, cache: cacheDirectory.map { ArtifactCache(directory: $0) })
    }

    /// The same with a configured cache (a remote tier, a size cap), or nil for none.
    public static func invoke(_ bytes: [UInt8], function name: String, arguments: [String],
                              options: CompilationOptions = CompilationOptions(), cache: ArtifactCache?) throws -> [WasmValue] {
        let engine = try Engine(options: options, cache: cache)
        let module = try engine.load(bytes)
        let linker = Linker(engine: engine)
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        guard let type = instance.functionType(name) else {
            let functions = module.descriptor.exports.filter { if case .function = $0.descriptor { true } else { false } }.map(\.name)
            throw ModuleRunnerError(description: "no exported function named '\(name)'; the module exports "
                + (functions.isEmpty ? "no functions" : functions.joined(separator: ", ")))
        }
        guard arguments.count == type.parameters.count else {
            throw CallError.signatureMismatch("\(name) has type \(type): expected \(type.parameters.count) arguments, got \(arguments.count)")
        }
        var values: [WasmValue] = []
        for (text, parameter) in zip(arguments, type.parameters) {
            values.append(try WasmValue.parse(text, as: parameter))
        }
        return try instance.invoke(name, values)
    }
}

/// A request `wasmc run` cannot carry out (an unknown export).
public struct ModuleRunnerError: Error, CustomStringConvertible {
    public var description: String
}
