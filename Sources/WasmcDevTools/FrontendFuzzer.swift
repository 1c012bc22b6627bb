import Foundation
import WasmBinary
import WasmcCompiler

/// Mutation fuzzing of the frontend: corrupts and truncates real modules and runs decode → validate →
/// translate → verify on each. Any outcome but acceptance or a `WasmError` is a bug; a crash or hang
/// takes the process down, which is the signal a fuzz run exists to give.
public struct FrontendFuzzer {
    public struct Report: CustomStringConvertible, Sendable {
        public var cases = 0
        public var accepted = 0
        public var malformed = 0
        public var invalid = 0
        /// Rejected with `unsupported: <feature>` (a proposal the compiler does not implement yet).
        public var unsupported = 0
        /// Frontend bugs: a module that validated but whose translation failed or did not verify.
        public var internalErrors: [String] = []
        public var slowestCaseSeconds = 0.0
        public var totalSeconds = 0.0

        public var description: String {
            "\(cases) cases in \(String(format: "%.1f", totalSeconds)) s: \(accepted) accepted, \(malformed) malformed, "
                + "\(invalid) invalid, \(unsupported) unsupported, \(internalErrors.count) internal errors; slowest case "
                + String(format: "%.3f", slowestCaseSeconds) + " s"
        }
    }

    private let corpus: [[UInt8]]
    private var random: SplitMix64

    public init(corpus: [[UInt8]], seed: UInt64) {
        precondition(!corpus.isEmpty, "the fuzzer needs at least one seed module")
        self.corpus = corpus
        self.random = SplitMix64(seed: seed)
    }

    /// Runs `iterations` mutated cases, calling `progress` every 10,000 cases.
    public mutating func run(iterations: Int, progress: ((Report) -> Void)? = nil) -> Report {
        var report = Report()
        let start = Date()
        for iteration in 0..<iterations {
            let input = mutate(corpus[random.next(below: corpus.count)])
            let caseStart = Date()
            do {
                _ = try Frontend.translate(input)
                report.accepted += 1
            } catch {
                switch error {
                case .rejected(let wasmError):
                    if wasmError.kind == .malformed { report.malformed += 1 } else { report.invalid += 1 }
                case .unsupported:
                    report.unsupported += 1
                case .internalError, .noSuchFunction:
                    report.internalErrors.append("case \(iteration): \(error); input \(input.count) bytes, hex prefix "
                        + input.prefix(64).map { String(format: "%02x", $0) }.joined())
                }
            }
            report.slowestCaseSeconds = max(report.slowestCaseSeconds, Date().timeIntervalSince(caseStart))
            report.cases += 1
            if let progress, report.cases % 10_000 == 0 {
                report.totalSeconds = Date().timeIntervalSince(start)
                progress(report)
            }
        }
        report.totalSeconds = Date().timeIntervalSince(start)
        return report
    }

    /// One to four random edits; truncation is common because "unexpected end" paths are where decoders break.
    private mutating func mutate(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0...random.next(below: 4) {
            guard !bytes.isEmpty else { break }
            let position = random.next(below: bytes.count)
            switch random.next(below: 8) {
            case 0:
                bytes.removeSubrange(random.next(below: bytes.count)...)
            case 1:
                bytes[position] ^= UInt8(1) << UInt8(random.next(below: 8))
            case 2:
                bytes[position] = Self.interestingBytes[random.next(below: Self.interestingBytes.count)]
            case 3:
                let length = min(1 + random.next(below: 16), bytes.count - position)
                bytes.removeSubrange(position..<(position + length))
            case 4:
                let inserted = (0..<(1 + random.next(below: 8))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                bytes.insert(contentsOf: inserted, at: position)
            case 5:
                let length = min(1 + random.next(below: 32), bytes.count - position)
                bytes.insert(contentsOf: bytes[position..<(position + length)], at: random.next(below: bytes.count))
            case 6:
                // An over-long or over-large LEB128 where a count or index was.
                bytes.replaceSubrange(position..<min(position + 1, bytes.count), with: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
            default:
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return bytes
    }

    private static let interestingBytes: [UInt8] = [0x00, 0x01, 0x0B, 0x40, 0x41, 0x60, 0x6F, 0x70, 0x7B, 0x7F, 0x80, 0xFC, 0xFD, 0xFF]
}

/// A small, fast, seedable generator so fuzz runs are reproducible from their seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
