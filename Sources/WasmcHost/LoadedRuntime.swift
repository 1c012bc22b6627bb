import CWasmcRuntime
import Foundation
import WasmcCompiler

/// The runtime library loaded into this process (once, `RTLD_GLOBAL`, so every module `.so` binds to
/// the same runtime state) and the entry points the host calls.
final class LoadedRuntime: @unchecked Sendable {
    typealias Body = @convention(c) (UnsafeMutableRawPointer?) -> Void
    private typealias TryFunction = @convention(c) (Body?, UnsafeMutableRawPointer?) -> UInt32
    private typealias InitFunction = @convention(c) (UInt32) -> Void
    private typealias InternFunction = @convention(c) (UnsafePointer<CChar>?) -> UInt32
    private typealias NameFunction = @convention(c) () -> UnsafePointer<CChar>?

    let library: RuntimeLibrary
    let handle: UnsafeMutableRawPointer
    private let tryFunction: TryFunction
    private let internFunction: InternFunction
    private let lastTrapFunction: NameFunction?
    private let lastTrapStep: NameFunction?
    private let instantiationErrorFunction: NameFunction?

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: LoadedRuntime?

    /// The process's runtime; the first call loads `library`, later calls must name the same one.
    static func load(_ library: RuntimeLibrary, flags: UInt32) throws(CompileError) -> LoadedRuntime {
        lock.lock()
        defer { lock.unlock() }
        if let loaded {
            guard loaded.library.runtimePath == library.runtimePath || loaded.library.sourceKey == library.sourceKey else {
                throw .link("a different runtime (\(loaded.library.runtimePath.path)) is already loaded in this process")
            }
            return loaded
        }
        let runtime = try LoadedRuntime(library: library, flags: flags)
        loaded = runtime
        return runtime
    }

    private init(library: RuntimeLibrary, flags: UInt32) throws(CompileError) {
        self.library = library
        guard let handle = dlopen(library.runtimePath.path, RTLD_NOW | RTLD_GLOBAL) else {
            throw .link("cannot load the runtime \(library.runtimePath.path): \(Self.dlerrorText())")
        }
        self.handle = handle
        guard let tryFunction = Self.symbol("wasmc_try", in: handle, as: TryFunction.self),
              let internFunction = Self.symbol("wasmc_intern_signature", in: handle, as: InternFunction.self),
              let initFunction = Self.symbol("wasmc_runtime_init", in: handle, as: InitFunction.self)
        else {
            throw .link("the runtime \(library.runtimePath.path) lacks wasmc_try, wasmc_intern_signature or wasmc_runtime_init")
        }
        self.tryFunction = tryFunction
        self.internFunction = internFunction
        lastTrapFunction = Self.symbol("wasmc_last_trap_function", in: handle, as: NameFunction.self)
        lastTrapStep = Self.symbol("wasmc_last_trap_instantiation_step", in: handle, as: NameFunction.self)
        instantiationErrorFunction = Self.symbol("wasmc_instantiation_error", in: handle, as: NameFunction.self)
        initFunction(flags)
    }

    static func symbol<T>(_ name: String, in handle: UnsafeMutableRawPointer, as type: T.Type) -> T? {
        guard let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }

    static func dlerrorText() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }

    /// Runs `body(context)` inside `wasmc_try`: 0, or the code of the trap that ended it.
    func runProtected<Context>(_ body: Body, _ context: UnsafeMutablePointer<Context>) -> UInt32 {
        tryFunction(body, UnsafeMutableRawPointer(context))
    }

    /// The trap with `code`, naming the function that raised it when the runtime recorded one.
    func lastTrap(code: UInt32) -> Trap {
        let function = lastTrapFunction?().map { String(cString: $0) }
        let step = lastTrapStep?().map { String(cString: $0) }
        return Trap(code: code, function: function?.isEmpty == true ? nil : function, instantiationStep: step)
    }

    /// Why the last instantiation on this thread could not create its instance (WASMC_TRAP_INSTANTIATION_FAILED).
    func instantiationError() -> String {
        instantiationErrorFunction?().map { String(cString: $0) } ?? "the runtime could not create the instance"
    }

    /// The process-wide id of a canonical signature string such as `"(i32,i64)->(f32)"`.
    func internSignature(_ signature: String) -> UInt32 {
        signature.withCString { internFunction($0) }
    }
}
