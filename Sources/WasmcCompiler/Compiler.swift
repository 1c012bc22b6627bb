import Foundation
import LLVMBackend
import WasmBinary
import WasmIR

/// The pipeline bytes → decode → validate → translate → native object → shared object, with the
/// result cached by the SHA-256 of everything that determines it.
public struct Compiler: Sendable {
    public let options: CompilationOptions
    public let runtime: RuntimeLibrary
    private let cache: ArtifactCache?

    public init(options: CompilationOptions, runtime: RuntimeLibrary, cache: ArtifactCache?) {
        self.options = options
        self.runtime = runtime
        self.cache = cache
    }

    /// The cache key of a module compiled with these options against this runtime.
    public func cacheKey(for bytes: [UInt8]) -> String {
        ArtifactCache.key([bytes, Array(compilerVersion.utf8), Array(compilerBuildIdentity.utf8), Array(options.cacheKeyText.utf8),
                           Array(targetTriple.utf8), Array(runtime.sourceKey.utf8)])
    }

    /// The path of the module's shared object, from the cache or freshly built.
    public func compile(_ bytes: [UInt8]) throws(CompileError) -> URL {
        let key = cacheKey(for: bytes)
        if let cache, let hit = cache.lookup(key, suffix: ".so") { return hit }
        let object = try compileToObjectFile(bytes)
        let build = { (output: URL) in try link(object: object, output: output) }
        do {
            return try cache?.store(key, suffix: ".so", build: build) ?? ArtifactCache.buildPrivately(named: "module.so", build: build)
        } catch let error as CompileError {
            throw error
        } catch {
            throw .link("\(error)")
        }
    }

    /// Forgets the cached object of a module, e.g. one that fails to load.
    public func dropCached(_ bytes: [UInt8]) {
        cache?.remove(cacheKey(for: bytes), suffix: ".so")
    }

    /// Decodes, validates, translates and lowers the module; returns the native object's bytes (the
    /// partitions' objects merged into one). `timings`, when given, receives each stage's seconds.
    public func compileToObjectFile(_ bytes: [UInt8], timings: StageTimings? = nil) throws(CompileError) -> [UInt8] {
        try compileToObject(bytes, timings: timings).object
    }

    /// The object and the IR it was lowered from, so callers that need both (`--emit obj` writes a C
    /// header of the exports) run the frontend once.
    func compileToObject(_ bytes: [UInt8], timings: StageTimings? = nil) throws(CompileError) -> (object: [UInt8], ir: IRModule) {
        guard isKnownTargetCPU(options.targetCPU) else {
            throw .invalidOptions("\(BackendError.unknownTargetCPU(options.targetCPU))")
        }
        let irModule: IRModule
        do {
            irModule = try Frontend.translate(bytes, timings: timings)
        } catch {
            throw CompileError(error)
        }
        let compiled: CompiledObjects
        do {
            compiled = try lowerToObjects(irModule, options: options)
        } catch let error as BackendError {
            if case .unsupported(let feature) = error { throw .unsupported(feature) }
            throw .internalError("backend: \(error)")
        } catch {
            throw .internalError("backend: \(error)")
        }
        timings?.record(compiled.timings)
        if compiled.objects.count == 1 { return (compiled.objects[0], irModule) }
        let start = ContinuousClock.now
        defer { timings?.record("merge objects", StageTimings.seconds(since: start)) }
        return (try mergeObjects(compiled.objects), irModule)
    }

    /// The optimized LLVM IR of the module, for inspecting code generation.
    public func llvmIR(_ bytes: [UInt8]) throws -> String {
        try lowerToLLVMIR(try Frontend.translate(bytes), options: options)
    }

    /// The embedding header of a module: typed wrappers over its exported functions.
    public func cHeader(for bytes: [UInt8], prefix: String) throws -> String {
        cHeader(for: try Frontend.translate(bytes), prefix: prefix)
    }

    func cHeader(for module: IRModule, prefix: String) -> String {
        emitCHeader(module, prefix: prefix)
    }

    private func link(object: [UInt8], output: URL) throws {
        // `output` is in a private directory (the scratch directory), so the object can sit beside it.
        let objectFile = output.deletingPathExtension().appendingPathExtension("o")
        try OutputFile.write(object, to: objectFile, mode: 0o600, action: "cannot write a temporary file", durable: false)
        defer { unlink(objectFile.path) }
        // The runtime's symbols stay undefined here and are bound at load time to the libwasmc_rt.so the
        // host loaded with RTLD_GLOBAL, so every module in a process shares one runtime state.
        try RuntimeLibrary.runCompiler(["-shared", "-o", output.path, objectFile.path])
    }
}

/// Identifies this build of the compiler (its executable's path, size and modification time), so
/// artifacts compiled by an earlier build, whose code generation may differ under the same version
/// number, are never reused.
let compilerBuildIdentity: String = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: executable) else { return executable }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(executable) \(size) \(modified)"
}()
