import Foundation

/// What `wasmc compile` writes.
public enum OutputKind: String, CaseIterable, Sendable {
    /// A standalone ELF executable: the module, the runtime, WASI and a `main` that runs `_start`.
    case executable = "exe"
    /// The relocatable object alone, plus a C header describing the ABI, for embedding.
    case object = "obj"
    /// A shared object a host can `dlopen` (runtime symbols resolved from the host's libwasmc_rt).
    case shared
    /// The optimized LLVM IR as text, for inspecting code generation.
    case llvmIR = "llvm"
}

/// Builds native executables: compiles the module to an object and links it with the static host
/// runtime (`runtime-c/src`, `runtime-c/wasi`, `runtime-c/host`), which is built once per runtime source
/// and cached. Everything is built in a private work directory and installed with `OutputFile`, so a
/// failed build never leaves a half-written file where the user's was, and only a regular file (or
/// nothing) is ever replaced.
public struct ExecutableBuilder {
    public let compiler: Compiler
    private let cache: ArtifactCache?

    public init(options: CompilationOptions, cacheDirectory: URL?) throws {
        try self.init(options: options, cache: cacheDirectory.map { ArtifactCache(directory: $0) })
    }

    /// The same with a configured cache (a remote tier, a size cap), or nil for none.
    public init(options: CompilationOptions, cache: ArtifactCache?) throws {
        let runtime = try RuntimeLibrary.prepare(cache: cache)
        compiler = Compiler(options: options, runtime: runtime, cache: cache)
        self.cache = cache
    }

    /// Compiles `bytes` and writes `kind` to `output`. `grants` says how an executable gets its WASI
    /// grants. `timings`, when given, receives each stage's seconds.
    /// Executables and shared objects are cached (keyed by the module, the options and the grants
    /// baked in), so a second compile, here or on a machine sharing a remote cache, only copies;
    /// `cachingOutput: false` always compiles (a benchmark's cold compile).
    public func build(_ bytes: [UInt8], kind: OutputKind, output: URL, grants: GrantChannel = .bakedIn(HostGrants()),
                      timings: StageTimings? = nil, cachingOutput: Bool = true) throws {
        let start = ContinuousClock.now
        // Refused before any work: an output that could never be written.
        try OutputFile.checkReplaceable(output.path, action: "cannot write the output")
        guard let cache, cachingOutput, kind == .executable || kind == .shared else {
            return try buildUncached(bytes, kind: kind, output: output, grants: grants, timings: timings)
        }
        if case .bakedIn(let baked) = grants { try baked.validate() }
        let key = ArtifactCache.key([Array(compiler.cacheKey(for: bytes).utf8), Array(kind.rawValue.utf8), Array(grants.cSource.utf8)])
        let suffix = "-" + kind.rawValue
        let mode = OutputFile.defaultMode(executable: true)
        if let hit = cache.find(key, suffix: suffix) {
            try OutputFile.install(hit.url, at: output, mode: mode)
            timings?.record("cached output", StageTimings.seconds(since: start), note: "\(hit.origin.rawValue) hit")
            timings?.record("total", StageTimings.seconds(since: start))
            return
        }
        let built = try cache.store(key, suffix: suffix) { staged in
            try buildUncached(bytes, kind: kind, output: staged, grants: grants, timings: timings)
        }
        try OutputFile.install(built, at: output, mode: mode)
    }

    private func buildUncached(_ bytes: [UInt8], kind: OutputKind, output: URL, grants: GrantChannel,
                               timings: StageTimings?) throws {
        let start = ContinuousClock.now
        let work = try PrivateDirectory(prefix: "wasmc-build-")
        defer { work.remove() }
        let staged = work.url.appendingPathComponent("output")
        let regularMode = OutputFile.defaultMode(executable: false)
        if kind == .llvmIR {
            try OutputFile.write(Array(compiler.llvmIR(bytes).utf8), to: output, mode: regularMode)
            return
        }
        let (object, irModule) = try compiler.compileToObject(bytes, timings: timings)
        var linkStart = ContinuousClock.now
        let objectFile = work.url.appendingPathComponent("module.o")
        try OutputFile.write(object, to: objectFile, mode: 0o600, action: "cannot write a temporary file", durable: false)
        switch kind {
        case .object:
            // The object, its module header (typed export wrappers) and the ABI header beside it.
            let header = output.deletingPathExtension().appendingPathExtension("h")
            let abiHeader = output.deletingLastPathComponent().appendingPathComponent("wasmc_rt.h")
            for path in [header, abiHeader] { try OutputFile.checkReplaceable(path.path, action: "cannot write the output") }
            let prefix = output.deletingPathExtension().lastPathComponent
            try OutputFile.write(Array(compiler.cHeader(for: irModule, prefix: prefix).utf8), to: header, mode: regularMode)
            try OutputFile.install(RuntimeLibrary.sourceDirectory().appendingPathComponent("include/wasmc_rt.h"), at: abiHeader, mode: regularMode)
            try OutputFile.write(object, to: output, mode: regularMode)
            timings?.record("write object", StageTimings.seconds(since: linkStart))
            timings?.record("total", StageTimings.seconds(since: start))
            return
        case .shared:
            try RuntimeLibrary.runCompiler(["-shared", "-o", staged.path, objectFile.path])
        case .llvmIR:
            break  // written above, without an object
        case .executable:
            if case .bakedIn(let baked) = grants { try baked.validate() }
            let options = work.url.appendingPathComponent("grants.c")
            try OutputFile.write(Array(grants.cSource.utf8), to: options, mode: 0o600, action: "cannot write a temporary file", durable: false)
            let libraryStart = ContinuousClock.now
            let library = try hostLibrary()
            timings?.record("host runtime library", StageTimings.seconds(since: libraryStart), note: cache == nil ? "built: no cache" : "cached")
            linkStart = ContinuousClock.now
            try RuntimeLibrary.runCompiler(["-O2", "-o", staged.path, objectFile.path, options.path, library.path,
                                            "-lm", "-pthread"])
        }
        try OutputFile.install(staged, at: output, mode: OutputFile.defaultMode(executable: true))
        timings?.record("link", StageTimings.seconds(since: linkStart))
        timings?.record("total", StageTimings.seconds(since: start))
    }

    /// A cached executable for `wasmc run`: the same bytes and options give the same file. It takes its
    /// grants as flags on each run (`GrantChannel.runnerFlags`).
    public func cachedExecutable(_ bytes: [UInt8]) throws -> URL {
        let key = compiler.cacheKey(for: bytes)
        if let cache, let hit = cache.lookup(key, suffix: Self.runnerSuffix) { return hit }
        let build = { (output: URL) in try self.buildUncached(bytes, kind: .executable, output: output, grants: .runnerFlags, timings: nil) }
        return try cache?.store(key, suffix: Self.runnerSuffix, build: build) ?? ArtifactCache.buildPrivately(named: "runner", build: build)
    }

    /// Whether `cachedExecutable` would find `bytes` already built (and intact) in the cache.
    public func isCached(_ bytes: [UInt8]) -> Bool {
        cache?.lookup(compiler.cacheKey(for: bytes), suffix: Self.runnerSuffix) != nil
    }

    /// Runner executables read flags a compiled program never would, so they never share a cache entry.
    private static let runnerSuffix = "-runner"

    public var usesCache: Bool { cache != nil }

    /// `libwasmc_host.a`: the runtime, WASI and the executable's main, built once per runtime source.
    private func hostLibrary() throws -> URL {
        let key = ArtifactCache.key([Array("host \(compiler.runtime.sourceKey)".utf8)])
        if let cache, let hit = cache.lookup(key, suffix: "-libwasmc_host.a") { return hit }
        let build = { (output: URL) in
            let source = RuntimeLibrary.sourceDirectory()
            let work = try PrivateDirectory(prefix: "wasmc-runtime-")
            defer { work.remove() }
            var objects: [String] = []
            for folder in ["src", "wasi", "host"] {
                let directory = source.appendingPathComponent(folder)
                let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                for file in files.sorted() where file.hasSuffix(".c") {
                    let object = work.url.appendingPathComponent("\(folder)-\(file).o").path
                    try RuntimeLibrary.runCompiler(["-O2", "-std=gnu11", "-c", "-I", source.appendingPathComponent("include").path,
                                                    directory.appendingPathComponent(file).path, "-o", object])
                    objects.append(object)
                }
            }
            let archiver = findExecutable("ar") ?? "ar"
            let result = try runProcess(archiver, ["rcs", output.path] + objects)
            guard result.status == 0 else { throw CompileError.link("ar failed: \(result.errorOutput)") }
        }
        return try cache?.store(key, suffix: "-libwasmc_host.a", build: build)
            ?? ArtifactCache.buildPrivately(named: "libwasmc_host.a", build: build)
    }
}
