import Foundation

/// The C runtime (`runtime-c/`) built as shared libraries for hosts that `dlopen` compiled modules:
/// `libwasmc_rt.so` (loaded once, `RTLD_GLOBAL`) and the `spectest` host module linked against it.
/// Built once per compiler version and runtime source into the artifact cache.
public struct RuntimeLibrary: Sendable {
    /// The shared runtime.
    public let runtimePath: URL
    /// The `spectest` host module.
    public let spectestPath: URL
    /// Identifies the runtime's sources; part of every module's cache key.
    public let sourceKey: String

    /// `$WASMC_RUNTIME_DIR`, else `runtime-c/` in the source tree this file was built from.
    public static func sourceDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       filePath: String = #filePath) -> URL {
        if let directory = environment["WASMC_RUNTIME_DIR"], !directory.isEmpty {
            return URL(fileURLWithPath: directory)
        }
        return URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("runtime-c")
    }

    /// Finds the built runtime in the cache or builds it there (into a private directory without a cache).
    public static func prepare(sourceDirectory: URL = sourceDirectory(), cache: ArtifactCache?) throws(CompileError) -> RuntimeLibrary {
        let sources = try Self.sourceFiles(in: sourceDirectory)
        var parts: [[UInt8]] = [Array("runtime \(compilerVersion) \(targetTriple)".utf8)]
        for file in sources {
            parts.append(Array(file.relativePath.utf8))
            guard let contents = FileManager.default.contents(atPath: file.url.path) else {
                throw .link("cannot read the runtime source \(file.url.path)")
            }
            parts.append([UInt8](contents))
        }
        let key = ArtifactCache.key(parts)
        if let cache, let runtime = cache.lookup(key, suffix: "-libwasmc_rt.so"), let spectest = cache.lookup(key, suffix: "-spectest.so") {
            return RuntimeLibrary(runtimePath: runtime, spectestPath: spectest, sourceKey: key)
        }
        func store(_ suffix: String, build: (URL) throws -> Void) throws -> URL {
            try cache?.store(key, suffix: suffix, build: build) ?? ArtifactCache.buildPrivately(named: String(suffix.dropFirst()), build: build)
        }
        do {
            let runtime = try store("-libwasmc_rt.so") { output in
                try buildRuntime(sourceDirectory: sourceDirectory, sources: sources, output: output)
            }
            let spectest = try store("-spectest.so") { output in
                try buildSpectest(sourceDirectory: sourceDirectory, runtime: runtime, output: output)
            }
            return RuntimeLibrary(runtimePath: runtime, spectestPath: spectest, sourceKey: key)
        } catch let error as CompileError {
            throw error
        } catch {
            throw .link("cannot build the runtime: \(error)")
        }
    }

    private struct SourceFile {
        var relativePath: String
        var url: URL
    }

    /// Every file of the runtime's sources that can change the built library, sorted for a stable key.
    private static func sourceFiles(in directory: URL) throws(CompileError) -> [SourceFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            throw .link("no runtime sources at \(directory.path) (set WASMC_RUNTIME_DIR)")
        }
        var files: [SourceFile] = []
        while let relative = enumerator.nextObject() as? String {
            let isBuildOutput = relative.hasPrefix("build") || relative.hasPrefix(".")
            let isSource = [".c", ".h", ".S", ".s", ".inc", "Makefile", ".mk", ".sh"].contains { relative.hasSuffix($0) }
            if isSource, !isBuildOutput { files.append(SourceFile(relativePath: relative, url: directory.appendingPathComponent(relative))) }
        }
        guard files.contains(where: { $0.relativePath.hasSuffix("wasmc_rt.h") }) else {
            throw .link("\(directory.path) holds no include/wasmc_rt.h: not the wasmc runtime (set WASMC_RUNTIME_DIR)")
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    /// The runtime's C files (everything but host modules and tests), compiled into one shared library.
    private static func buildRuntime(sourceDirectory: URL, sources: [SourceFile], output: URL) throws {
        let cFiles = sources.filter { file in
            file.relativePath.hasSuffix(".c") && !file.relativePath.hasSuffix("spectest.c") && !file.relativePath.hasPrefix("host/")
                && !file.relativePath.contains("test") && !file.relativePath.contains("bench")
        }
        guard !cFiles.isEmpty else { throw CompileError.link("no C files in \(sourceDirectory.path)") }
        try runCompiler(["-O2", "-g", "-fPIC", "-shared", "-pthread", "-I", sourceDirectory.appendingPathComponent("include").path]
            + cFiles.map(\.url.path) + ["-o", output.path, "-lm"])
    }

    private static func buildSpectest(sourceDirectory: URL, runtime: URL, output: URL) throws {
        // The runtime's symbols are resolved at load time from the globally loaded libwasmc_rt.so.
        try runCompiler(["-O2", "-g", "-fPIC", "-shared", "-I", sourceDirectory.appendingPathComponent("include").path,
                         sourceDirectory.appendingPathComponent("spectest.c").path, "-o", output.path])
    }

    static func runCompiler(_ arguments: [String]) throws {
        let compiler = ProcessInfo.processInfo.environment["CC"].flatMap(findExecutable) ?? findExecutable("cc")
        guard let compiler else { throw CompileError.link("no C compiler: install cc or set CC") }
        let result = try runProcess(compiler, arguments)
        guard result.status == 0 else {
            throw CompileError.link("\(compiler) failed (\(result.status)): \(result.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// The target generated code is built for; part of every cache key.
let targetTriple: String = {
    #if arch(x86_64)
    let architecture = "x86_64"
    #elseif arch(arm64)
    let architecture = "aarch64"
    #else
    let architecture = "unknown"
    #endif
    #if os(Linux)
    return architecture + "-unknown-linux-gnu"
    #else
    return architecture + "-apple-darwin"
    #endif
}()
