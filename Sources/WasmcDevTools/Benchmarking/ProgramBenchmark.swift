import Foundation
import WasmcCompiler

/// `wasmc bench`: compiles a WASI program through the cached-executable path of `wasmc run`, runs the
/// executable and (optionally) an interpreter the same number of times, interleaved so that machine noise
/// hits both alike, and checks that every run prints the same stdout and exits with the same code.
public enum ProgramBenchmark {
    /// Which clock the run times come from.
    public enum Clock: String, Sendable, CaseIterable {
        case wall
        /// User + system time of the program: steadier when other work shares the cores.
        case cpu
    }

    public struct Configuration: Sendable {
        public var runs: Int
        public var interpreter: InterpreterCommand?
        /// The directories and variables the program is granted.
        public var grants: HostGrants
        public var programArguments: [String]
        public var clock: Clock

        public init(runs: Int = 5, interpreter: InterpreterCommand?, grants: HostGrants = HostGrants(), programArguments: [String] = [],
                    clock: Clock = .wall) {
            self.runs = runs
            self.interpreter = interpreter
            self.grants = grants
            self.programArguments = programArguments
            self.clock = clock
        }
    }

    /// Compiles and runs `bytes` (read from `modulePath`, which is also the program's argv[0]).
    /// Throws `OutputMismatch` when two runs disagree.
    public static func measure(_ bytes: [UInt8], modulePath: String, builder: ExecutableBuilder,
                               configuration: Configuration) throws -> BenchmarkReport {
        let compile = try timeCompilation(bytes, builder: builder)
        let environment = ProcessInfo.processInfo.environment
        let compiled = [modulePath] + configuration.grants.runnerArguments + configuration.programArguments
        let interpreted = try configuration.interpreter?.arguments(module: modulePath, programArguments: configuration.programArguments,
                                                                   grants: configuration.grants)
        let interpreterName = configuration.interpreter?.name ?? "interpreter"

        var runs: [String: [ProcessRun]] = ["wasmc": []]
        var reference: ProcessRun?
        for index in 1...max(1, configuration.runs) {
            let native = try TimedProcess.run(compile.executable.path, arguments: compiled, environment: environment)
            try check(native, named: "wasmc run \(index)", against: &reference)
            runs["wasmc", default: []].append(native)
            if let interpreted {
                let run = try TimedProcess.run(interpreted[0], arguments: interpreted, environment: environment)
                try check(run, named: "\(interpreterName) run \(index)", against: &reference)
                runs["interpreter", default: []].append(run)
            }
        }
        let seconds: (ProcessRun) -> Double = configuration.clock == .wall ? { $0.wallSeconds } : { $0.cpuSeconds }
        var rows = [BenchmarkReport.Row(runner: "wasmc", statistics: SampleStatistics(runs["wasmc"]!.map(seconds))!)]
        if let samples = runs["interpreter"] {
            rows.append(BenchmarkReport.Row(runner: interpreterName, statistics: SampleStatistics(samples.map(seconds))!))
        }
        return BenchmarkReport(module: modulePath, moduleBytes: bytes.count, options: builder.compiler.options, compile: compile.timing,
                               rows: rows, clock: configuration.clock, output: reference!,
                               runCount: runs.values.reduce(0) { $0 + $1.count })
    }

    /// The first run is the reference every later run must match.
    private static func check(_ run: ProcessRun, named name: String, against reference: inout ProcessRun?) throws {
        guard let expected = reference else {
            reference = run
            return
        }
        if let mismatch = OutputMismatch.between("wasmc run 1", expected, and: name, run) { throw mismatch }
    }

    /// Cold: a compile from scratch; cached: fetching the already-built executable from the artifact cache
    /// (what every `wasmc run` after the first pays). Without a cache there is only the cold time.
    private static func timeCompilation(_ bytes: [UInt8], builder: ExecutableBuilder) throws -> (executable: URL, timing: BenchmarkReport.CompileTiming) {
        let wasCached = builder.isCached(bytes)
        var (executable, first) = try timed { try builder.cachedExecutable(bytes) }
        guard builder.usesCache else { return (executable, .init(coldSeconds: first, cachedSeconds: nil)) }
        if wasCached {
            let scratch = try PrivateDirectory(prefix: "wasmc-bench-")
            defer { scratch.remove() }
            let cold = try timed {
                try builder.build(bytes, kind: .executable, output: scratch.url.appendingPathComponent("cold"), grants: .runnerFlags,
                                  cachingOutput: false)
            }.seconds
            return (executable, .init(coldSeconds: cold, cachedSeconds: first))
        }
        let cached: Double
        (executable, cached) = try timed { try builder.cachedExecutable(bytes) }
        return (executable, .init(coldSeconds: first, cachedSeconds: cached))
    }

    private static func timed<T>(_ body: () throws -> T) throws -> (T, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
