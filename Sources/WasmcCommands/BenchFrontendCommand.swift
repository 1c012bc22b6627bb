import ArgumentParser
import WasmcDevTools

/// `wasmc bench-frontend FILE.wasm`: decode/validate/SSA throughput of the frontend on one module.
struct BenchFrontendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-frontend",
        abstract: "Measure decode, validation and SSA translation throughput (MB/s of code section)."
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Option(name: .customLong("repeat"), help: "Repetitions; the median is reported.")
    var repetitions: Int = 5

    func run() throws {
        let bytes = try readInputFile(file)
        print(try FrontendBenchmark.measure(bytes, repetitions: repetitions))
    }
}
