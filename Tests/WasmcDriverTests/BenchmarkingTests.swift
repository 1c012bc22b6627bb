import Foundation
import Testing
import WAT
@testable import WasmcCommands
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

@Suite("Benchmark statistics")
struct SampleStatisticsTests {
    @Test func oddAndEvenCounts() throws {
        let odd = try #require(SampleStatistics([3, 1, 2, 10, 4]))
        #expect(odd.median == 3)
        #expect(odd.minimum == 1)
        #expect(odd.maximum == 10)
        #expect(odd.count == 5)
        #expect(odd.spread == 3)
        let even = try #require(SampleStatistics([4, 1, 3, 2]))
        #expect(even.median == 2.5)
        #expect(SampleStatistics([7])?.spread == 0)
    }

    @Test func nothingToSummarise() {
        #expect(SampleStatistics([]) == nil)
        #expect(SampleStatistics([0, 0])?.spread == 0)
    }

    @Test func speedupIsTheRatioOfMedians() throws {
        let fast = try #require(SampleStatistics([0.5, 0.5, 2]))
        let slow = try #require(SampleStatistics([10, 20, 30]))
        #expect(fast.speedup(over: slow) == 40)
        #expect(slow.speedup(over: fast) == 0.025)
        #expect(try #require(SampleStatistics([0])).speedup(over: slow) == nil)
    }
}

@Suite("Benchmark output comparison")
struct OutputComparisonTests {
    private func run(_ text: String, exit: Int32 = 0, error: String = "") -> ProcessRun {
        ProcessRun(exitCode: exit, standardOutput: Array(text.utf8), standardError: Array(error.utf8), wallSeconds: 1, cpuSeconds: 1)
    }

    @Test func agreeingRunsMatchWhateverTheirTimesAndStderr() {
        var other = run("a\nb\n", error: "noise")
        other.wallSeconds = 99
        #expect(OutputMismatch.between("wasmc", run("a\nb\n"), and: "wasmkit", other) == nil)
    }

    @Test func differentStdoutNamesTheFirstDifferingLine() throws {
        let mismatch = try #require(OutputMismatch.between("wasmc", run("a\nb\nc\n"), and: "wasmkit", run("a\nx\nc\n")))
        #expect(mismatch.description.contains("stdout differs at line 2"))
        #expect(mismatch.description.contains("wasmc: \"b\""))
        #expect(mismatch.description.contains("wasmkit: \"x\""))
        #expect(!mismatch.description.contains("exit code"))
    }

    @Test func shorterOutputEndsEarly() throws {
        let mismatch = try #require(OutputMismatch.between("wasmc", run("a\nb"), and: "wasmkit", run("a")))
        #expect(mismatch.description.contains("line 2"))
        #expect(mismatch.description.contains("wasmkit: (end of output)"))
    }

    @Test func differentExitCodeIsReportedWithTheStderrTail() throws {
        let mismatch = try #require(OutputMismatch.between("wasmc", run("same"), and: "wasmkit", run("same", exit: 134, error: "x\ntrap: unreachable\n")))
        #expect(mismatch.description.contains("exit code: wasmc 0, wasmkit 134"))
        #expect(mismatch.description.contains("wasmkit stderr: trap: unreachable"))
        #expect(!mismatch.description.contains("stdout differs"))
    }
}

@Suite("Interpreter command line")
struct InterpreterCommandTests {
    @Test func hostOptionsAndArgumentsWithoutSeparator() throws {
        let command = InterpreterCommand(executable: "/opt/wasmkit")
        let arguments = try command.arguments(module: "m.wasm", programArguments: ["--x", "1"],
                                              grants: try HostGrants(directories: ["/data", "/same::/same"], environment: ["A=1"]))
        #expect(arguments == ["/opt/wasmkit", "run", "--dir", "/data", "--dir", "/same", "--env", "A=1", "m.wasm", "--x", "1"])
    }

    @Test func wasmcsOwnInterpreterTakesGrantsAsRunDoes() throws {
        let command = InterpreterCommand(executable: "/x/wasmc", kind: .wasmcInterpreter)
        let arguments = try command.arguments(module: "-m.wasm", programArguments: ["--", "--dir", "/"],
                                              grants: try HostGrants(directories: ["/data", "/a::/b"], environment: ["A=1=2"]))
        #expect(arguments == ["/x/wasmc", "run", "--engine", "interpreter", "--dir", "/data::/data", "--dir", "/a::/b",
                              "--env", "A=1=2", "--", "-m.wasm", "--", "--", "--dir", "/"])
        #expect(command.name == "wasmkit-lib")
        #expect(throws: ProcessLaunchError.self) {
            try command.arguments(module: "m.wasm", programArguments: [], grants: HostGrants(directories: [.init(hostPath: "/a::b", guestPath: "/g")]))
        }
    }

    @Test func aRemappedDirectoryIsUnsupported() {
        #expect(throws: ProcessLaunchError.self) {
            try InterpreterCommand(executable: "wasmkit").arguments(module: "m.wasm", programArguments: [], grants: try HostGrants(directories: ["/a::/b"], environment: []))
        }
    }
}

@Suite("Timed process")
struct TimedProcessTests {
    @Test func capturesOutputAndExitCode() throws {
        let run = try TimedProcess.run("/bin/sh", arguments: ["sh", "-c", "echo out; echo err >&2; exit 3"], environment: [:])
        #expect(run.exitCode == 3)
        #expect(run.standardOutput == Array("out\n".utf8))
        #expect(run.standardError == Array("err\n".utf8))
        #expect(run.wallSeconds > 0)
    }

    @Test func aSignalBecomes128PlusItsNumber() throws {
        let run = try TimedProcess.run("/bin/sh", arguments: ["sh", "-c", "kill -9 $$"], environment: [:])
        #expect(run.exitCode == 137)
    }

    @Test func aMissingProgramIsALaunchError() {
        #expect(throws: ProcessLaunchError.self) {
            try TimedProcess.run("/nonexistent/program", arguments: ["x"], environment: [:])
        }
    }
}

/// `wasmc bench` on a tiny WASI module that prints one line and exits with 3: the report's structure
/// (never its timings), and the failure when the other runner prints something else.
@Suite("wasmc bench end to end", .serialized)
struct BenchCommandTests {
    static let work: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-bench-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }()

    private func module() throws -> String {
        let path = Self.work.appendingPathComponent("tiny.wasm")
        let bytes = try wat2wasm("""
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "bench ok\\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 9))
                (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $exit (i32.const 3))))
            """)
        try Data(bytes).write(to: path)
        return path.path
    }

    /// A stand-in interpreter: a script printing `output` and exiting with `status`.
    private func fakeInterpreter(_ output: String, status: Int) throws -> String {
        let path = Self.work.appendingPathComponent("interp-\(UUID().uuidString.prefix(8)).sh")
        try "#!/bin/sh\nprintf '\(output)'\nexit \(status)\n".write(to: path, atomically: true, encoding: .utf8)
        chmod(path.path, 0o755)
        return path.path
    }

    private func command(_ arguments: [String]) throws -> BenchCommand {
        return try #require(try Wasmc.parseAsRoot(["bench"] + arguments) as? BenchCommand)
    }

    @Test func reportsBothRunnersCompileTimesAndTheSpeedup() throws {
        let interpreter = try fakeInterpreter("bench ok\\n", status: 3)
        let report = try command([try module(), "--runs", "3", "--interpreter", interpreter, "-O1", "--", "arg"]).measure()
        let lines = report.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("module   \(try module()) ("))
        #expect(lines[0].hasSuffix("-O1, bounds checks guard, target CPU native"), "run and bench compile for this machine")
        #expect(lines[1].hasPrefix("compile  cold ") && lines[1].contains(", cached "))
        #expect(lines[3].split(separator: " ") == ["runner", "runs", "median", "s", "min", "s", "max", "s", "spread"])
        #expect(lines[4].split(separator: " ").prefix(2) == ["wasmc", "3"])
        #expect(lines[5].split(separator: " ").prefix(2) == [Substring(URL(fileURLWithPath: interpreter).lastPathComponent), "3"])
        #expect(lines[4].split(separator: " ").count == 6)
        #expect(lines.contains { $0.hasPrefix("speedup  ") && $0.hasSuffix("median / wasmc median)") })
        #expect(lines.contains("output   identical in all 6 runs: 9 bytes of stdout, exit code 3"))
        #expect(report.rows.map(\.statistics.count) == [3, 3])
        #expect(report.compile.cachedSeconds != nil)
    }

    @Test func withoutInterpreterOrCacheThereIsOneRow() throws {
        let report = try command([try module(), "--runs", "2", "--no-interpreter", "--no-cache"]).measure()
        #expect(report.rows.map(\.runner) == ["wasmc"])
        #expect(report.speedup == nil)
        #expect(report.compile.cachedSeconds == nil)
        #expect(report.description.contains("cached n/a (--no-cache)"))
        #expect(!report.description.contains("speedup"))
    }

    @Test func differentOutputFails() throws {
        let interpreter = try fakeInterpreter("bench KO\\n", status: 3)
        #expect(throws: OutputMismatch.self) {
            _ = try command([try module(), "--runs", "1", "--interpreter", interpreter]).measure()
        }
        let exitsZero = try fakeInterpreter("bench ok\\n", status: 0)
        let error = #expect(throws: OutputMismatch.self) {
            _ = try command([try module(), "--runs", "1", "--interpreter", exitsZero]).measure()
        }
        #expect(error?.description.contains("exit code: wasmc run 1 3, \(URL(fileURLWithPath: exitsZero).lastPathComponent) run 1 0") == true)
    }

    @Test(.enabled(if: InterpreterCommand.defaultWasmKit() != nil, "no wasmkit beside swift"))
    func agreesWithTheWasmKitCLI() throws {
        let report = try command([try module(), "--runs", "1", "--interpreter", "wasmkit-cli"]).measure()
        #expect(report.rows.map(\.runner) == ["wasmc", "wasmkit"])
        #expect(report.output.exitCode == 3)
    }

    /// The default: the WasmKit library inside wasmc (`wasmc run --engine interpreter`), no external tool.
    @Test(.enabled(if: InterpreterCommand.wasmcInterpreter() != nil, "no wasmc executable built beside the tests"))
    func agreesWithTheInterpreterInsideWasmc() throws {
        let report = try command([try module(), "--runs", "1"]).measure()
        #expect(report.rows.map(\.runner) == ["wasmc", "wasmkit-lib"])
        #expect(report.output.exitCode == 3)
        #expect(report.output.standardOutput == Array("bench ok\n".utf8))
    }
}
