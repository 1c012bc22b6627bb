import Foundation
import WasmcCompiler

/// The child side of `ChildCompiler`: `wasmc serve-worker` compiles `module.wasm` in its work directory
/// to `artifact` and `manifest.json`, or writes `error.json` (an `ErrorBody`) and exits 1. Whatever
/// else ends it (a crash, the memory limit, SIGKILL) the parent reports as that request's failure.
public enum CompileWorker {
    static let inputName = "module.wasm"
    static let artifactName = "artifact"
    static let manifestName = "manifest.json"
    static let errorName = "error.json"

    public struct Arguments: Sendable {
        public var workDirectory: URL
        public var request: CompileRequest
        public var cacheDirectory: URL
        public var memoryLimit: UInt64

        public init(workDirectory: URL, request: CompileRequest, cacheDirectory: URL, memoryLimit: UInt64) {
            self.workDirectory = workDirectory
            self.request = request
            self.cacheDirectory = cacheDirectory
            self.memoryLimit = memoryLimit
        }

        /// The `wasmc` arguments that run the worker (parsed back by `ServeWorkerCommand`).
        var commandLine: [String] {
            ["serve-worker", "--work-directory", workDirectory.path, "--emit", request.kind.rawValue,
             "--opt", "\(request.optimizationLevel)", "--bounds", request.boundsChecks.rawValue, "--cpu", request.targetCPU,
             "--cache", cacheDirectory.path, "--memory-limit", "\(memoryLimit)"]
        }
    }

    /// Compiles and returns the exit status.
    public static func run(_ arguments: Arguments) -> Int32 {
        limitAddressSpace(to: arguments.memoryLimit)
        exitWhenOrphaned()
        let work = arguments.workDirectory
        do {
            let module = try OutputFile.read(work.appendingPathComponent(inputName).path)
            let builder = try ExecutableBuilder(options: arguments.request.options, cacheDirectory: arguments.cacheDirectory)
            // The manifest first: it decodes and validates, so a rejected module fails with its offset
            // before any code generation.
            let manifest = try ModuleManifest(module: module, compiler: builder.compiler)
            try OutputFile.write(manifest.jsonData(), to: work.appendingPathComponent(manifestName), mode: 0o600, durable: false)
            let artifact = work.appendingPathComponent(artifactName)
            switch arguments.request.kind {
            case .executable: try builder.build(module, kind: .executable, output: artifact)
            case .object: try builder.build(module, kind: .object, output: artifact)
            case .shared: try builder.build(module, kind: .shared, output: artifact)
            case .header:
                let header = try builder.compiler.cHeader(for: module, prefix: "module")
                try OutputFile.write(Array(header.utf8), to: artifact, mode: 0o600, durable: false)
            case .manifest:
                try OutputFile.write(manifest.jsonData(), to: artifact, mode: 0o600, durable: false)
            }
            return 0
        } catch {
            let body: ErrorBody
            if let error = error as? CompileError {
                body = ServiceError(error).body
            } else if let error = error as? FrontendError {
                body = ServiceError(CompileError(error)).body
            } else {
                body = ErrorBody(kind: "internal", message: "\(error)")
            }
            try? OutputFile.write(body.jsonData(), to: work.appendingPathComponent(errorName), mode: 0o600, durable: false)
            return 1
        }
    }

    /// RLIMIT_AS for this process and the C compiler it runs: past it allocations fail and the
    /// process ends, which the parent reports.
    private static func limitAddressSpace(to bytes: UInt64) {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        #if canImport(Glibc)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
        _ = setrlimit(RLIMIT_AS, &limit)
        #endif
    }

    /// A server killed with SIGKILL cannot stop its children: each notices it was orphaned and exits.
    private static func exitWhenOrphaned() {
        let parent = getppid()
        let thread = Thread {
            while getppid() == parent { sleep(1) }
            _exit(70)
        }
        thread.start()
    }
}
