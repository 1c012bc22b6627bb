import Foundation
import WasmcCompiler

/// Compiles in a child process (this same `wasmc`, as `wasmc serve-worker`), so a module that crashes
/// the compiler or exhausts it costs one request, never the server. The child gets a private work
/// directory, an address-space limit it sets on itself before compiling and a wall-time limit enforced
/// here with SIGKILL.
public struct ChildCompiler: Sendable {
    public var executable: URL
    public var cacheDirectory: URL
    public var timeout: Duration
    public var memoryLimit: UInt64

    public init(executable: URL, cacheDirectory: URL, timeout: Duration, memoryLimit: UInt64) {
        self.executable = executable
        self.cacheDirectory = cacheDirectory
        self.timeout = timeout
        self.memoryLimit = memoryLimit
    }

    /// What a successful child leaves: the artifact and the module's manifest, in `work`, which the
    /// caller removes once it has stored them.
    public struct Output: Sendable {
        public var work: PrivateDirectory
        public var artifact: URL
        public var manifest: URL
    }

    public func compile(_ module: [UInt8], request: CompileRequest) async throws(ServiceError) -> Output {
        let work: PrivateDirectory
        do {
            work = try PrivateDirectory(prefix: "wasmc-serve-")
            try OutputFile.write(module, to: work.url.appendingPathComponent(CompileWorker.inputName), mode: 0o600,
                                 action: "cannot write the module", durable: false)
        } catch {
            throw .internalError("\(error)")
        }
        let arguments = CompileWorker.Arguments(workDirectory: work.url, request: request, cacheDirectory: cacheDirectory,
                                                memoryLimit: memoryLimit)
        let ending: Ending
        do {
            ending = try await run(arguments.commandLine, in: work.url)
        } catch {
            work.remove()
            throw .internalError("cannot start the compiler process: \(error)")
        }
        let output = Output(work: work, artifact: work.url.appendingPathComponent(CompileWorker.artifactName),
                            manifest: work.url.appendingPathComponent(CompileWorker.manifestName))
        switch ending {
        case .exited(0):
            return output
        case .timedOut:
            work.remove()
            throw ServiceError(.unprocessableContent, kind: "limit",
                               message: "compiling took longer than the limit of \(timeout.components.seconds) s")
        case .exited(let status):
            defer { work.remove() }
            if let data = FileManager.default.contents(atPath: work.url.appendingPathComponent(CompileWorker.errorName).path),
               let body = ErrorBody.decode(data) {
                throw ServiceError(compileFailure: body)
            }
            throw .internalError("the compiler process exited with status \(status): \(Self.tail(of: work.url.appendingPathComponent("stderr")))")
        case .signalled(let signal):
            work.remove()
            // A process past its address-space limit fails an allocation and aborts; nothing else tells.
            throw .internalError("the compiler process was killed by signal \(signal) (it may have exceeded the memory limit of \(memoryLimit >> 20) MiB)")
        }
    }

    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    private func run(_ arguments: [String], in directory: URL) async throws -> Ending {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // Files, not pipes: a chatty child can never block on a full pipe nobody reads.
        let stderrPath = directory.appendingPathComponent("stderr").path
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil, attributes: [.posixPermissions: 0o600])
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        defer { try? stderr.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = directory.path  // the C compiler's temporaries die with the work directory
        process.environment = environment
        let watch = ChildWatch()
        let timeout = self.timeout
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                watch.exited()
                let ending: Ending = watch.timedOut ? .timedOut
                    : process.terminationReason == .uncaughtSignal ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
                continuation.resume(returning: ending)
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let pid = process.processIdentifier
            watch.start(Task {
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                if watch.markTimedOut() { kill(pid, SIGKILL) }
            })
        }
    }

    /// The last lines a failed child printed, for the error message.
    private static func tail(of file: URL) -> String {
        guard let data = FileManager.default.contents(atPath: file.path) else { return "no output" }
        let text = String(decoding: data.suffix(2000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no output" : text
    }
}

/// The wall-time watch over one child: the timer is cancelled when the child exits, and the child is
/// killed only until its exit has been seen.
private final class ChildWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var timer: Task<Void, Never>?
    private var hasExited = false
    private var killed = false

    var timedOut: Bool { lock.withLock { killed } }

    func start(_ timer: Task<Void, Never>) {
        let exitedAlready = lock.withLock {
            self.timer = timer
            return hasExited
        }
        if exitedAlready { timer.cancel() }
    }

    func exited() {
        let timer = lock.withLock {
            hasExited = true
            return self.timer
        }
        timer?.cancel()
    }

    /// Whether the child is still to be killed.
    func markTimedOut() -> Bool {
        lock.withLock {
            guard !hasExited else { return false }
            killed = true
            return true
        }
    }
}

extension ServiceError {
    /// A failure a compile child reported: the module's fault (422) or the service's (500).
    init(compileFailure body: ErrorBody) {
        switch body.kind {
        case "malformed", "invalid", "unsupported", "limit": self.init(.unprocessableContent, body)
        case "bad-request": self.init(.badRequest, body)
        default: self.init(.internalServerError, body)
        }
    }
}
