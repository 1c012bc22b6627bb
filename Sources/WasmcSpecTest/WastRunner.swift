import Foundation
import WasmBinary
import WasmIR
import WasmcCompiler
import WasmcHost

/// Runs `.wast` spec scripts against compiled code: each script is converted with
/// `wasm-tools json-from-wast`, its modules are compiled, linked and instantiated, and every assertion
/// is checked on the native results.
/// The spec edition a script's rejections are checked against (re-exported for the command line).
public typealias WastSpecVersion = SpecVersion

public struct WastRunner: Sendable {
    public struct Options: Sendable {
        public var compilation: CompilationOptions
        /// Print every failure with its line and expected/actual values.
        public var verbose: Bool
        /// Where each script's private (mkdtemp) directory for its converted modules is made; the
        /// temporary directory when nil.
        public var workDirectory: URL?
        /// The artifact cache; nil compiles into the work directory every time.
        public var cacheDirectory: URL?
        /// Print machine-readable progress after every command (for a parent running scripts in
        /// child processes) instead of the per-file and closing lines.
        public var reportProgress: Bool
        /// The spec edition `assert_invalid` and `assert_malformed` are checked against: the 2.0 suite
        /// rejects some modules that 3.0 accepts (see `SpecVersion`).
        public var specVersion: SpecVersion

        public init(compilation: CompilationOptions = CompilationOptions(), verbose: Bool = false,
                    workDirectory: URL? = nil, cacheDirectory: URL? = ArtifactCache.defaultDirectory(),
                    reportProgress: Bool = false, specVersion: SpecVersion = .v3) {
            self.specVersion = specVersion
            self.compilation = compilation
            self.verbose = verbose
            self.workDirectory = workDirectory
            self.cacheDirectory = cacheDirectory
            self.reportProgress = reportProgress
        }
    }

    public let options: Options
    let output: @Sendable (String) -> Void

    /// `output` receives every line the runner prints (per-file results, failures, the summary).
    public init(options: Options = Options(), output: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.options = options
        self.output = output
    }

    /// The `.wast` files a list of paths names: files as given, directories' top-level scripts sorted.
    public static func scripts(in paths: [String]) throws -> [URL] {
        var scripts: [URL] = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else { throw FileError("cannot read the input", path: path, errno: errno) }
            if status.st_mode & S_IFMT == S_IFDIR {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".wast") }.sorted()
                scripts += names.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                scripts.append(URL(fileURLWithPath: path))
            }
        }
        return scripts
    }

    /// Runs every script, printing a line per file and the closing `N passed, M failed[, K skipped]`.
    public func run(paths: [String]) throws -> WastTally {
        let engine = LazyEngine(options: options.compilation, cacheDirectory: options.cacheDirectory)
        var total = WastTally()
        for script in try Self.scripts(in: paths) {
            if options.reportProgress {
                let tally = run(script: script, engine: engine, starting: WastProgress.emitStart) { WastProgress.emit($0, done: false) }
                WastProgress.emit(tally, done: true)
                total.add(tally)
            } else {
                let tally = run(script: script, engine: engine)
                output(tally.fileLine(script.lastPathComponent))
                total.add(tally)
            }
        }
        if !options.reportProgress { total.closingLines.forEach(output) }
        return total
    }

    /// Runs one script; problems with the script itself (conversion) count as one failure.
    /// `starting` is told the line of each command before it runs, `progress` the counts after it.
    public func run(script: URL, engine: LazyEngine, starting: ((Int) -> Void)? = nil,
                    progress: ((WastTally) -> Void)? = nil) -> WastTally {
        let parsed: WastScript
        let work: URL
        var directory: PrivateDirectory?
        defer { directory?.remove() }
        do {
            directory = try PrivateDirectory(prefix: "wasmc-wast-", in: options.workDirectory)
            work = directory!.url
            parsed = try WastConverter.convert(script, into: work)
        } catch {
            var tally = WastTally()
            tally.record(.failed, line: 0, "\(error)")
            if options.verbose { output("\(script.lastPathComponent): \(error)") }
            return tally
        }
        var execution = WastExecution(engine: engine, directory: work, scriptName: script.lastPathComponent,
                                      specVersion: options.specVersion)
        defer { execution.tearDown() }
        var tally = WastTally()
        tally.commandCount = parsed.commands.count
        progress?(tally)
        for command in parsed.commands {
            starting?(command.line)
            let (outcome, detail) = execution.execute(command)
            tally.record(outcome, line: command.line, detail)
            if options.verbose, outcome == .failed {
                output("\(script.lastPathComponent):\(command.line): \(command.type) failed: \(detail ?? "")")
            } else if options.verbose, let detail, outcome == .passed {
                output("\(script.lastPathComponent):\(command.line): note: \(detail)")
            }
            progress?(tally)
        }
        return tally
    }
}

/// The result of one command.
public enum WastOutcome: Sendable {
    case passed
    case failed
    case skipped
    /// A text-format `assert_malformed`: the text format is not ours to check.
    case textFormat
}

/// Counts of outcomes for a script or a whole run.
public struct WastTally: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    public var textFormat = 0
    /// Commands in the script (0 when unknown).
    public var commandCount = 0
    /// The first failures, as `line: detail`.
    public var failures: [String] = []

    public init() {}

    public mutating func record(_ outcome: WastOutcome, line: Int, _ detail: String?) {
        switch outcome {
        case .passed: passed += 1
        case .failed:
            failed += 1
            if failures.count < 50 { failures.append("\(line): \(detail ?? "")") }
        case .skipped: skipped += 1
        case .textFormat: textFormat += 1
        }
    }

    public mutating func add(_ other: WastTally) {
        passed += other.passed
        failed += other.failed
        skipped += other.skipped
        textFormat += other.textFormat
        commandCount += other.commandCount
    }

    /// `P passed, F failed, S skipped` and, when there were any, `, T text-format n/a`.
    public func fileLine(_ name: String) -> String {
        "\(name): \(passed) passed, \(failed) failed, \(skipped) skipped" + (textFormat > 0 ? ", \(textFormat) text-format n/a" : "")
    }

    /// The text-format count (if any) on its own line, then exactly `N passed, M failed[, K skipped]`.
    public var closingLines: [String] {
        let closing = "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
        return textFormat > 0 ? ["\(textFormat) text-format n/a", closing] : [closing]
    }
}

/// The engine, created when a script first needs to compile a module: rejected-module assertions
/// need only the frontend, and a runtime that fails to build fails just the commands that need it.
public final class LazyEngine: @unchecked Sendable {
    private let options: CompilationOptions
    private let cacheDirectory: URL?
    private let lock = NSLock()
    private var result: Result<Engine, CompileError>?

    public init(options: CompilationOptions, cacheDirectory: URL?) {
        self.options = options
        self.cacheDirectory = cacheDirectory
    }

    public func get() throws(CompileError) -> Engine {
        let result = lock.withLock {
            if let result = self.result { return result }
            let created = Result { () throws(CompileError) in try Engine(options: options, cacheDirectory: cacheDirectory) }
            self.result = created
            return created
        }
        return try result.get()
    }
}
