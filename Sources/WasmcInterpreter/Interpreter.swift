import Foundation
import WasmBinary
import WasmKit
import WasmKitWASI
import WasmParser
import WasmcCompiler
import WasmcHost

/// `wasmc run --engine interpreter`: the module runs in this process through the WasmKit library, with
/// the same grants, output and exit statuses as the compiled executable (runtime-c/host/wasi_main.c).
public enum Interpreter {
    /// The proposals the interpreter accepts: WasmKit's defaults and every proposal wasmc compiles or
    /// may fall back for (threads stay off: wasmc has no shared memory).
    public static let features: WasmFeatureSet = [
        .referenceTypes, .exceptionHandling, .simd, .tailCall, .memory64, .multiMemory, .functionReferences, .gc,
    ]

    /// How a WASI program ended.
    public enum Outcome: Equatable, Sendable {
        /// `_start` returned (0) or the program called `proc_exit` with a status below 126.
        case exited(Int32)
        /// `proc_exit` with a status outside [0, 126): wasmc reports it and exits 1, as Wasmtime does.
        case invalidExitStatus(UInt32)
        case trapped(InterpreterTrap)
    }

    /// Decodes and validates with WasmKit.
    public static func parse(_ bytes: [UInt8]) throws(InterpreterError) -> WasmKit.Module {
        do {
            return try parseWasm(bytes: bytes, features: features)
        } catch {
            throw InterpreterError("WasmKit refuses the module: " + readable("\(error)"))
        }
    }

    /// WasmKit 0.4.2 prints some parser errors as `"Message(text: "REASON")" at offset 0xN`; this makes
    /// that `REASON at offset 0xN` and leaves every other text alone.
    static func readable(_ text: String) -> String {
        let prefix = "\"Message(text: \""
        guard text.hasPrefix(prefix), let end = text.range(of: "\")\" at offset ", options: .backwards),
              end.lowerBound >= text.index(text.startIndex, offsetBy: prefix.count) else { return text }
        return "\(text[text.index(text.startIndex, offsetBy: prefix.count)..<end.lowerBound]) at offset \(text[end.upperBound...])"
    }

    /// Runs a WASI command: `arguments` is the program's whole argv (argv[0] first). Only `grants`
    /// reach the program: its preopens (in order, under their guest paths) and its variables; nothing is
    /// inherited from this process. Standard streams are this process's fds 0, 1 and 2 (borrowed).
    public static func runProgram(_ bytes: [UInt8], arguments: [String], grants: HostGrants,
                                  stdin: CInt = 0, stdout: CInt = 1, stderr: CInt = 2) throws -> Outcome {
        let module = try parse(bytes)
        try grants.validate()
        // WasmKit's own environment stays empty: `OrderedEnvironment` serves the variables in order.
        let environment: [String: String] = [:]
        let preopens = grants.directories.map { WASIBridgeToHost.Preopen(guestPath: $0.guestPath, hostPath: $0.hostPath) }
        let wasi: WASIBridgeToHost
        do {
            wasi = try WASIBridgeToHost(args: arguments, environment: environment, preopens: preopens,
                                        stdin: stdin, stdout: stdout, stderr: stderr)
        } catch {
            throw InterpreterError("cannot set up the WASI grants: \(error)", exitStatus: 2)
        }
        let engine = WasmKit.Engine(configuration: EngineConfiguration(features: features))
        let store = WasmKit.Store(engine: engine)
        return try wasi.runAndClose { wasi throws -> Outcome in
            var imports = WasmKit.Imports()
            wasi.link(to: &imports, store: store)
            OrderedEnvironment.define(grants.environment.map { ($0.name, $0.value) }, in: &imports, store: store)
            do {
                let instance = try module.instantiate(store: store, imports: imports)
                guard instance.exports[function: "_start"] != nil else {
                    throw InterpreterError("the module exports no _start function", exitStatus: 2)
                }
                let status = try wasi.start(instance)
                return status < 126 ? .exited(Int32(status)) : .invalidExitStatus(status)
            } catch let trap as WasmKit.Trap {
                return .trapped(InterpreterTrap(trap))
            } catch let exception as WasmKitException {
                return .trapped(InterpreterTrap(reason: "uncaught \(exception)"))
            }
        }
    }

    /// Calls one export of a module instantiated with imports from `spectest` only (as compiled code is), reading `arguments` against its parameter
    /// types as `wasmc run --invoke` does. Throws `InterpreterTrap` for a trap.
    public static func invoke(_ bytes: [UInt8], function name: String, arguments: [String]) throws -> [WasmValue] {
        let module = try parse(bytes)
        let engine = WasmKit.Engine(configuration: EngineConfiguration(features: features))
        let store = WasmKit.Store(engine: engine)
        var imports = WasmKit.Imports()
        try SpectestImports.define(in: &imports, store: store)
        do {
            let instance = try module.instantiate(store: store, imports: imports)
            guard let function = instance.exports[function: name] else {
                let functions = module.exports.filter { if case .function = $0.descriptor { true } else { false } }.map(\.name)
                throw InterpreterError("no exported function named '\(name)'; the module exports "
                    + (functions.isEmpty ? "no functions" : functions.joined(separator: ", ")))
            }
            let type = function.type
            guard arguments.count == type.parameters.count else {
                throw InterpreterError("\(name) has \(type.parameters.count) parameters: expected \(type.parameters.count) arguments, got \(arguments.count)")
            }
            var values: [WasmKit.Value] = []
            for (text, parameter) in zip(arguments, type.parameters) {
                guard let wasmcType = InterpreterValues.wasmcType(parameter) else {
                    throw InterpreterError("\(name) takes a \(parameter), which --invoke cannot read")
                }
                values.append(try InterpreterValues.wasmKitValue(try WasmValue.parse(text, as: wasmcType)))
            }
            var results: [WasmValue] = []
            for value in try function.invoke(values) { results.append(try InterpreterValues.wasmcValue(value)) }
            return results
        } catch let trap as WasmKit.Trap {
            throw InterpreterTrap(trap)
        } catch let exception as WasmKitException {
            throw InterpreterTrap(reason: "uncaught \(exception)")
        }
    }
}
