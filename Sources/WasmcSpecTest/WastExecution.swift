import Foundation
import WasmBinary
import WasmIR
import WasmcCompiler
import WasmcHost

/// The state of one running script: its instances, the registered names, the current module.
struct WastExecution {
    let engine: LazyEngine
    let directory: URL
    let scriptName: String
    let specVersion: SpecVersion
    private var createdLinker: Linker?
    private var current: Instance?
    /// Set when the most recent module failed to load, so actions on it report why.
    private var currentFailure: String?
    private var named: [String: Instance] = [:]
    /// Modules compiled by `module definition`, by name, for `module instance`.
    private var definitions: [String: LoadedModule] = [:]
    private var instances: [Instance] = []

    init(engine: LazyEngine, directory: URL, scriptName: String, specVersion: SpecVersion = .v3) {
        self.specVersion = specVersion
        self.engine = engine
        self.directory = directory
        self.scriptName = scriptName
    }

    /// The script's linker, created with the engine on first use.
    private mutating func linker() throws(CompileError) -> Linker {
        if let createdLinker { return createdLinker }
        let linker = Linker(engine: try engine.get())
        createdLinker = linker
        return linker
    }

    /// Runs one command: its outcome and, for failures (or notes), what went wrong.
    mutating func execute(_ command: WastCommand) -> (WastOutcome, String?) {
        switch command.type {
        case "module": return defineModule(command)
        case "module_definition": return compileDefinition(command)
        case "module_instance": return instantiateDefinition(command)
        case "register": return register(command)
        case "action": return performAction(command)
        case "assert_return": return assertReturn(command)
        case "assert_trap", "assert_exhaustion": return assertTrap(command)
        case "assert_invalid", "assert_malformed": return assertRejected(command)
        case "assert_unlinkable": return assertUnlinkable(command)
        case "assert_uninstantiable": return assertUninstantiable(command)
        default: return (.skipped, "unsupported command \(command.type)")
        }
    }

    /// Destroys every instance, newest first, since later ones may hold references into earlier ones.
    mutating func tearDown() {
        for instance in instances.reversed() { instance.destroy() }
        instances.removeAll()
        named.removeAll()
        current = nil
        createdLinker?.tearDown()
    }

    // MARK: - Modules

    private mutating func defineModule(_ command: WastCommand) -> (WastOutcome, String?) {
        current = nil
        do {
            let bytes = try WastConverter.moduleBytes(command, in: directory)
            let linker = try linker()
            let module = try linker.engine.load(bytes)
            let instance = try linker.instantiate(module)
            instances.append(instance)
            current = instance
            currentFailure = nil
            if let name = command.name { named[name] = instance }
            return (.passed, nil)
        } catch {
            currentFailure = "module at line \(command.line) failed: \(error)"
            if let name = command.name { named[name] = nil }
            return (.failed, "\(error)")
        }
    }

    /// `(module definition $M …)`: compiles the module without instantiating it.
    private mutating func compileDefinition(_ command: WastCommand) -> (WastOutcome, String?) {
        do {
            let bytes = try WastConverter.moduleBytes(command, in: directory)
            let module = try linker().engine.load(bytes)
            if let name = command.name { definitions[name] = module }
            return (.passed, nil)
        } catch {
            if let name = command.name { definitions[name] = nil }
            return (.failed, "\(error)")
        }
    }

    /// `(module instance $I $M)`: instantiates a defined module; the instance becomes the current one.
    private mutating func instantiateDefinition(_ command: WastCommand) -> (WastOutcome, String?) {
        current = nil
        guard let name = command.module, let module = definitions[name] else {
            currentFailure = "module instance at line \(command.line): no module definition \(command.module ?? "(none)")"
            return (.failed, currentFailure)
        }
        do {
            let instance = try linker().instantiate(module)
            instances.append(instance)
            current = instance
            currentFailure = nil
            if let alias = command.instance { named[alias] = instance }
            return (.passed, nil)
        } catch {
            currentFailure = "module instance at line \(command.line) failed: \(error)"
            if let alias = command.instance { named[alias] = nil }
            return (.failed, "\(error)")
        }
    }

    private mutating func register(_ command: WastCommand) -> (WastOutcome, String?) {
        guard let alias = command.registeredAs else { return (.failed, "register without a name") }
        let instance = command.name.map { named[$0] } ?? current
        guard let instance else { return (.failed, "register: no such module \(command.name ?? "(current)")") }
        do {
            try linker().register(instance, as: alias)
        } catch {
            return (.failed, "\(error)")
        }
        return (.passed, nil)
    }

    // MARK: - Actions

    private func target(of action: WastAction) throws -> Instance {
        if let name = action.module {
            guard let instance = named[name] else { throw WastRunnerError(description: "no module named \(name)") }
            return instance
        }
        guard let current else { throw WastRunnerError(description: currentFailure ?? "no module instantiated") }
        return current
    }

    /// Performs the action; the result is the values or the trap.
    private func perform(_ action: WastAction) throws -> Result<[WasmValue], Trap> {
        let instance = try target(of: action)
        switch action.type {
        case "invoke":
            let arguments = try (action.args ?? []).map { try $0.argument() }
            switch instance.call(action.field, arguments) {
            case .success(let values): return .success(values)
            case .failure(.trap(let trap)): return .failure(trap)
            case .failure(let error): throw error
            }
        case "get":
            return .success([try instance.global(action.field)])
        default:
            throw WastRunnerError(description: "unsupported action \(action.type)")
        }
    }

    private func performAction(_ command: WastCommand) -> (WastOutcome, String?) {
        guard let action = command.action else { return (.failed, "action without an action") }
        do {
            switch try perform(action) {
            case .success: return (.passed, nil)
            case .failure(let trap): return (.failed, "\(action.field) trapped: \(trap)")
            }
        } catch {
            return (.failed, "\(error)")
        }
    }

    private func assertReturn(_ command: WastCommand) -> (WastOutcome, String?) {
        guard let action = command.action else { return (.failed, "assert_return without an action") }
        do {
            let expected = try (command.expected ?? []).map { try $0.expectation() }
            switch try perform(action) {
            case .failure(let trap):
                return (.failed, "\(action.field): expected \(describe(expected)), got trap: \(trap)")
            case .success(let actual):
                let matches = actual.count == expected.count && zip(expected, actual).allSatisfy { $0.matches($1) }
                return matches ? (.passed, nil)
                    : (.failed, "\(action.field)\(describeArguments(action)): expected \(describe(expected)), got \(describe(actual))")
            }
        } catch {
            return (.failed, "\(error)")
        }
    }

    private func assertTrap(_ command: WastCommand) -> (WastOutcome, String?) {
        guard let action = command.action else { return (.failed, "\(command.type) without an action") }
        let expected = command.text ?? ""
        do {
            switch try perform(action) {
            case .success(let values):
                return (.failed, "\(action.field)\(describeArguments(action)): expected trap '\(expected)', got \(describe(values))")
            case .failure(let trap):
                return trap.matches(expected) ? (.passed, nil)
                    : (.failed, "\(action.field): expected trap '\(expected)', got trap '\(trap)'")
            }
        } catch {
            return (.failed, "\(error)")
        }
    }

    // MARK: - Rejected, unlinkable and uninstantiable modules

    private func assertRejected(_ command: WastCommand) -> (WastOutcome, String?) {
        if command.moduleType == "text" { return (.textFormat, nil) }
        let expectedKind: WasmError.Kind = command.type == "assert_malformed" ? .malformed : .invalid
        let expectedText = command.text ?? ""
        do {
            let bytes = try WastConverter.moduleBytes(command, in: directory)
            _ = try Frontend.validate(bytes, version: specVersion)
            return (.failed, "module was accepted, expected \(expectedKind.rawValue): \(expectedText)")
        } catch let error as FrontendError {
            guard case .rejected(let wasmError) = error else { return (.failed, "\(error)") }
            guard wasmError.kind == expectedKind else {
                return (.failed, "expected \(expectedKind.rawValue) '\(expectedText)', got \(wasmError)")
            }
            // As strict as the frontend's own spec sweep: the spec's reason must appear in the message.
            return wasmError.message.contains(expectedText)
                ? (.passed, nil)
                : (.failed, "rejected for another reason: expected '\(expectedText)', got '\(wasmError.message)'")
        } catch {
            return (.failed, "\(error)")
        }
    }

    private mutating func assertUnlinkable(_ command: WastCommand) -> (WastOutcome, String?) {
        let expected = command.text ?? ""
        do {
            let linker = try linker()
            let module = try linker.engine.load(try WastConverter.moduleBytes(command, in: directory))
            let instance = try linker.instantiate(module)
            instances.append(instance)
            return (.failed, "module linked, expected '\(expected)'")
        } catch InstantiationError.unlinkable(let reason) {
            return reason.hasPrefix(expected) ? (.passed, nil)
                : (.failed, "unlinkable for another reason: expected '\(expected)', got '\(reason)'")
        } catch {
            return (.failed, "expected unlinkable '\(expected)', got \(error)")
        }
    }

    private mutating func assertUninstantiable(_ command: WastCommand) -> (WastOutcome, String?) {
        let expected = command.text ?? ""
        do {
            let linker = try linker()
            let module = try linker.engine.load(try WastConverter.moduleBytes(command, in: directory))
            let instance = try linker.instantiate(module)
            instances.append(instance)
            return (.failed, "module instantiated, expected trap '\(expected)'")
        } catch InstantiationError.trap(let trap, let instance) {
            // A failed instantiation may already have written into shared tables and memories;
            // its instance stays alive until the script ends since those may reference its functions.
            if let instance { instances.append(instance) }
            return trap.matches(expected) ? (.passed, nil) : (.failed, "expected trap '\(expected)', got trap '\(trap)'")
        } catch {
            return (.failed, "expected trap '\(expected)', got \(error)")
        }
    }

    // MARK: - Messages

    private func describe(_ values: [some CustomStringConvertible]) -> String {
        values.isEmpty ? "()" : values.map(\.description).joined(separator: ", ")
    }

    private func describeArguments(_ action: WastAction) -> String {
        let arguments = (action.args ?? []).map { (try? $0.argument().description) ?? $0.type }
        return "(" + arguments.joined(separator: ", ") + ")"
    }
}
