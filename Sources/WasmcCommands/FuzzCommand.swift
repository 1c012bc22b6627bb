import ArgumentParser
import Foundation
import WasmcCompiler
import WasmcDevTools

/// `wasmc fuzz CORPUS...`: long mutation-fuzzing runs of the frontend (a developer tool).
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Mutation-fuzz the decoder, validator and translator with corrupted seed modules.",
        shouldDisplay: false
    )

    @Argument(help: "Seed .wasm files or directories searched recursively for them.")
    var corpus: [String]

    @Option(help: "How many mutated cases to run.")
    var iterations = 100_000

    @Option(help: "Random seed; the same seed and corpus replay the same cases.")
    var seed: UInt64 = 1

    func run() throws {
        let seeds = try corpus.flatMap(wasmFiles(in:)).map(readInputFile)
        guard !seeds.isEmpty else { throw ValidationError("no .wasm files in \(corpus.joined(separator: ", "))") }
        print("fuzzing with \(seeds.count) seed modules, seed \(seed)")
        var fuzzer = FrontendFuzzer(corpus: seeds, seed: seed)
        let report = fuzzer.run(iterations: iterations) { print($0) }
        print(report)
        for failure in report.internalErrors.prefix(20) { print("BUG \(failure)") }
        if !report.internalErrors.isEmpty { throw ExitCode.failure }
    }

    private func wasmFiles(in path: String) throws -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            printError("error: \(FileError("cannot read the input", path: path, errno: errno))")
            throw ExitCode.failure
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let entry = enumerator?.nextObject() as? String {
            if entry.hasSuffix(".wasm") { files.append((path as NSString).appendingPathComponent(entry)) }
        }
        return files.sorted()
    }
}
