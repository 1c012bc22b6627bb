import Foundation
import WasmBinary
import WasmFrontend
import WasmIR
import WasmcCompiler

/// Times each frontend stage on one module and reports throughput in MB/s of code section.
public enum FrontendBenchmark {
    public struct Stage: Sendable {
        public var name: String
        /// Median over the repetitions.
        public var seconds: Double
    }

    public struct Result: Sendable, CustomStringConvertible {
        public var moduleBytes: Int
        public var codeBytes: Int
        public var functionCount: Int
        public var stages: [Stage]

        public var description: String {
            var lines = [String(format: "module %.2f MB, code section %.2f MB, %d functions",
                                Double(moduleBytes) / 1e6, Double(codeBytes) / 1e6, functionCount)]
            lines.append("stage                 median s      MB/s of code")
            for stage in stages {
                lines.append(stage.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                             + String(format: "%10.4f  %14.1f", stage.seconds, Double(codeBytes) / 1e6 / stage.seconds))
            }
            return lines.joined(separator: "\n")
        }
    }

    public static func measure(_ bytes: [UInt8], repetitions: Int) throws -> Result {
        var decodeTimes: [Double] = [], validateTimes: [Double] = [], translateTimes: [Double] = [],
            verifyTimes: [Double] = []
        var module = Module()
        for _ in 0..<max(1, repetitions) {
            decodeTimes.append(try time { module = try decodeModule(bytes) })
            validateTimes.append(try time { try validateModule(module) })
            var irModule: IRModule?
            translateTimes.append(try time { irModule = try translateModule(module) })
            verifyTimes.append(try time { for function in irModule!.functions { try verifyIR(function) } })
        }
        let total = zip(zip(decodeTimes, validateTimes), zip(translateTimes, verifyTimes)).map { $0.0 + $0.1 + $1.0 + $1.1 }
        return Result(
            moduleBytes: bytes.count,
            codeBytes: module.codes.reduce(0) { $0 + $1.byteRange.count },
            functionCount: module.codes.count,
            stages: [
                Stage(name: "decode", seconds: median(decodeTimes)),
                Stage(name: "validate", seconds: median(validateTimes)),
                Stage(name: "translate to SSA", seconds: median(translateTimes)),
                Stage(name: "verify IR", seconds: median(verifyTimes)),
                Stage(name: "all (no verify)", seconds: median(zip(zip(decodeTimes, validateTimes), translateTimes).map { $0.0 + $0.1 + $1 })),
                Stage(name: "all", seconds: median(total)),
            ]
        )
    }

    private static func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
