import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcDevTools

/// The code-generation options shared by the commands that compile and run modules.
struct CompilationArguments: ParsableArguments {
    @Option(name: .customShort("O", allowingJoined: true), help: "Optimisation level 0-3 (-O0 … -O3).")
    var optimizationLevel: Int = 2

    @Option(name: .long, help: "Memory bounds checks: guard (guard pages and signals) or explicit (a compare per access).")
    var boundsChecks: BoundsCheckStrategy = .guardPages

    @Option(name: .long, help: "Target CPU: native (this machine; the default for run, bench and wast, like Wasmtime), generic (portable; the default for compile) or an LLVM CPU name such as x86-64-v2.")
    var targetCPU: String?

    @Option(name: .long, help: "Threads a large module is compiled with, each on its own part of the module (default: one per processor).")
    var codegenJobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Modules with fewer IR instructions compile in one part; 0 splits every module (for testing).
    @Option(name: .long, help: .hidden)
    var partitionFrom: Int = CompilationOptions.defaultMinimumPartitionedSize

    @Flag(name: .long, help: "Compile without reading or writing the artifact cache.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Share artifacts through an HTTP cache (GET, HEAD and PUT of URL/ac/KEY and URL/cas/DIGEST, as nginx with WebDAV, bazel-remote or wasmc serve offer). Default: $WASMC_REMOTE_CACHE.", valueName: "URL"))
    var remoteCache: String?

    @Flag(name: .long, help: "Read from the remote cache, never upload to it.")
    var remoteReadOnly = false

    @Option(name: .long, help: ArgumentHelp("After storing an artifact, evict the least recently used entries until the cache takes at most SIZE (e.g. 512M, 2G). Default: $WASMC_MAX_CACHE_SIZE.", valueName: "SIZE"))
    var maxCacheSize: String?

    /// The artifact cache these commands use: none under --no-cache, else the default directory.
    var cacheDirectory: URL? { noCache ? nil : ArtifactCache.defaultDirectory() }

    /// The cache with its remote tier and size cap (flags first, then the environment); nil under --no-cache.
    func cache(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ArtifactCache? {
        guard let cacheDirectory else { return nil }
        let remoteText = remoteCache ?? environment["WASMC_REMOTE_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
        let remote = try remoteText.map { text throws -> RemoteCache in
            do {
                return try RemoteCache(text, readOnly: remoteReadOnly)
            } catch {
                throw ValidationError("--remote-cache: \(error)")
            }
        }
        return ArtifactCache(directory: cacheDirectory, remote: remote, maximumSize: try maximumCacheSize(environment: environment))
    }

    func maximumCacheSize(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> UInt64? {
        try CacheSizeArgument.parse(maxCacheSize, option: "--max-cache-size", environment: environment)
    }

    func validate() throws {
        guard (0...3).contains(optimizationLevel) else { throw ValidationError("-O takes 0, 1, 2 or 3") }
        guard codegenJobs >= 1 else { throw ValidationError("--codegen-jobs takes a number of threads, at least 1") }
        guard partitionFrom >= 0 else { throw ValidationError("--partition-from takes an instruction count, at least 0") }
        if let targetCPU, !isKnownTargetCPU(targetCPU) {
            throw ValidationError("unknown --target-cpu '\(targetCPU)': use generic, native or an LLVM processor name such as x86-64-v2")
        }
        if noCache, remoteCache != nil { throw ValidationError("--remote-cache needs the local cache: drop --no-cache") }
        _ = try cache()
    }

    /// The options, with `defaultTargetCPU` unless --target-cpu was given. Code compiled to run right here
    /// (run, bench, wast) uses every feature of this CPU; `compile` writes executables that may be copied
    /// to other machines, so it defaults to generic.
    func options(defaultTargetCPU: String = "native") -> CompilationOptions {
        CompilationOptions(optimizationLevel: optimizationLevel, boundsChecks: boundsChecks,
                           targetCPU: targetCPU ?? defaultTargetCPU, codegenJobs: codegenJobs, minimumPartitionedSize: partitionFrom)
    }

    /// The flags that reproduce these options on a child command line.
    var commandLine: [String] {
        ["-O\(optimizationLevel)", "--bounds-checks", boundsChecks.rawValue, "--codegen-jobs", "\(codegenJobs)", "--partition-from", "\(partitionFrom)"]
            + (targetCPU.map { ["--target-cpu", $0] } ?? []) + (noCache ? ["--no-cache"] : [])
    }
}

extension BoundsCheckStrategy: ExpressibleByArgument {}
extension OutputKind: ExpressibleByArgument {}
extension ProgramBenchmark.Clock: ExpressibleByArgument {}
