import WasmBinary
import WasmFrontend
import WasmIR

/// A module the frontend rejected, or a failure inside the frontend itself.
public enum FrontendError: Error, CustomStringConvertible {
    /// Malformed or invalid input, with the byte offset and the spec's reason.
    case rejected(WasmError)
    /// A feature the translator does not implement (never silently wrong code).
    case unsupported(String)
    /// No function matches what the user asked for.
    case noSuchFunction(String)
    /// The translator produced IR that fails verification: a compiler bug, never the user's fault.
    case internalError(String)

    public var description: String {
        switch self {
        case .rejected(let error): error.description
        case .unsupported(let feature): feature.hasPrefix("unsupported") ? feature : "unsupported: \(feature)"
        case .noSuchFunction(let name): "no function named or numbered '\(name)'"
        case .internalError(let message): "internal compiler error: \(message)"
        }
    }
}

/// The frontend as one call per stage: decode, validate, translate to verified SSA IR.
public enum Frontend {
    /// Decodes and validates; returns the module when it is valid.
    public static func validate(_ bytes: [UInt8], version: SpecVersion = .v3) throws(FrontendError) -> Module {
        do {
            let module = try decodeModule(bytes, version: version)
            try validateModule(module, version: version)
            return module
        } catch {
            throw error.kind == .unsupported ? .unsupported(error.message) : .rejected(error)
        }
    }

    /// Decodes, validates and translates every defined function, verifying the IR; `timings`, when
    /// given, receives each stage's seconds.
    public static func translate(_ bytes: [UInt8], verify: Bool = true, timings: StageTimings? = nil) throws(FrontendError) -> IRModule {
        func stage<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
            guard let timings else { return try body() }
            return try timings.measure(name, body)
        }
        let module: Module
        do {
            module = try stage("decode") { () throws(WasmError) in try decodeModule(bytes) }
            try stage("validate") { () throws(WasmError) in try validateModule(module) }
        } catch {
            throw error.kind == .unsupported ? .unsupported(error.message) : .rejected(error)
        }
        let irModule: IRModule
        do {
            irModule = try stage("translate to SSA IR") { () throws(TranslationError) in try translateModule(module) }
        } catch {
            if error.kind == .unsupported { throw .unsupported("\(error)") }
            throw .internalError("translation failed: \(error)")
        }
        if verify {
            try stage("verify IR") { () throws(FrontendError) in
                for function in irModule.functions {
                    do {
                        try verifyIR(function)
                    } catch {
                        throw .internalError("IR of function \(function.index) does not verify: \(error)")
                    }
                }
                #if DEBUG
                // Module-level rules (callees, signatures, index spaces) in debug builds and tests.
                do {
                    try verifyIR(irModule)
                } catch {
                    throw .internalError("the module's IR does not verify: \(error)")
                }
                #endif
            }
        }
        return irModule
    }

    /// The text IR of the whole module, or of the one function named by `selector`
    /// (a name from the name section or an export, or an index in the function index space).
    public static func irText(of bytes: [UInt8], function selector: String? = nil) throws(FrontendError) -> String {
        let irModule = try translate(bytes)
        guard let selector else { return printIR(irModule) }
        let matches = irModule.functions.filter { function in
            if let index = UInt32(selector), function.index == index { return true }
            if let name = function.name, name.utf8.elementsEqual(selector.utf8) { return true }
            return irModule.module.exports.contains { export in
                if case .function(let index) = export.descriptor { return index == function.index && export.name.utf8.elementsEqual(selector.utf8) }
                return false
            }
        }
        guard let function = matches.first else { throw .noSuchFunction(selector) }
        return printIR(function)
    }
}
