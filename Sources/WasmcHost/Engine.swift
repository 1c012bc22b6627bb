import CWasmcRuntime
import Foundation
import WasmBinary
import WasmcCompiler

/// Compiles modules and loads them into this process: the compiler, the loaded runtime, and the
/// libffi interfaces shared by every call of the same type.
public final class Engine: @unchecked Sendable {
    public let compiler: Compiler
    let runtime: LoadedRuntime
    private let lock = NSLock()
    private var signatures: [FunctionType: FFISignature] = [:]
    private var modules: [String: LoadedModule] = [:]

    /// Builds (or finds in the cache) the runtime and loads it; `cacheDirectory` nil disables the cache.
    /// `runtimeDirectory` overrides where the runtime's sources are (see `RuntimeLibrary.sourceDirectory`).
    public convenience init(options: CompilationOptions = CompilationOptions(), cacheDirectory: URL? = ArtifactCache.defaultDirectory(),
                            runtimeDirectory: URL? = nil) throws(CompileError) {
        try self.init(options: options, cache: cacheDirectory.map { ArtifactCache(directory: $0) }, runtimeDirectory: runtimeDirectory)
    }

    /// The same with a configured cache (a remote tier, a size cap), or nil for none.
    public init(options: CompilationOptions = CompilationOptions(), cache: ArtifactCache?, runtimeDirectory: URL? = nil) throws(CompileError) {
        let library = try RuntimeLibrary.prepare(sourceDirectory: runtimeDirectory ?? RuntimeLibrary.sourceDirectory(), cache: cache)
        compiler = Compiler(options: options, runtime: library, cache: cache)
        // Explicit-checks code never relies on guard pages, so the host keeps its own signal handlers.
        runtime = try LoadedRuntime.load(library, flags: options.boundsChecks == .explicit ? RuntimeFlags.noSignalHandlers : 0)
    }

    /// Compiles (or finds in the cache) and loads a module. A cached object that fails to load is
    /// treated as a damaged cache entry: it is dropped and the module is compiled again.
    public func load(_ bytes: [UInt8]) throws(CompileError) -> LoadedModule {
        let key = compiler.cacheKey(for: bytes)
        if let module = lock.withLock({ modules[key] }) { return module }
        let path = try compiler.compile(bytes)
        let module: LoadedModule
        do {
            module = try LoadedModule(path: path, runtime: runtime)
        } catch {
            ArtifactCache.printWarning("cannot load the cached \(path.lastPathComponent) (\(error)); compiling again")
            compiler.dropCached(bytes)
            module = try LoadedModule(path: try compiler.compile(bytes), runtime: runtime)
        }
        lock.withLock { modules[key] = module }
        return module
    }

    /// Loads a module compiled earlier (a shared object defining `wasmc_module`).
    public func load(sharedObject path: URL) throws(CompileError) -> LoadedModule {
        let key = "file:" + path.standardizedFileURL.path
        if let module = lock.withLock({ modules[key] }) { return module }
        let module = try LoadedModule(path: path, runtime: runtime)
        lock.withLock { modules[key] = module }
        return module
    }

    /// A linker that resolves imports against registered instances and the `spectest` module.
    public func makeLinker() -> Linker {
        Linker(engine: self)
    }

    /// The libffi interface for calls of `type`, prepared once.
    func signature(for type: FunctionType) throws(CallError) -> FFISignature {
        if let signature = lock.withLock({ signatures[type] }) { return signature }
        let signature = try FFISignature(type)
        lock.withLock { signatures[type] = signature }
        return signature
    }

    /// Calls a function reference (any instance's, or a host function) with `arguments`.
    func call(_ function: FunctionHandle, _ arguments: [WasmValue]) throws(CallError) -> [WasmValue] {
        let record = FunctionRecord(function.reference)
        guard let code = record.code else { throw .signatureMismatch("function reference without code") }
        return try signature(for: function.type).call(code, instance: record.instance, arguments: arguments, runtime: runtime)
    }
}

/// Flags of `wasmc_runtime_init`.
enum RuntimeFlags {
    static let noSignalHandlers: UInt32 = 1
}
