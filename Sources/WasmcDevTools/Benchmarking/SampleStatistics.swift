import WasmcCompiler
/// Summary of repeated timings of one runner.
public struct SampleStatistics: Sendable, Equatable {
    public var count: Int
    public var median: Double
    public var minimum: Double
    public var maximum: Double

    /// Nil for no samples: there is nothing to summarise.
    public init?(_ samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        count = sorted.count
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
    }

    /// (max − min) / median: how far apart the runs were, relative to the typical run; 0 when the median is 0.
    public var spread: Double {
        median > 0 ? (maximum - minimum) / median : 0
    }

    /// How many times faster `self` is than `other`: other's median over this one's (nil when this median is 0).
    public func speedup(over other: SampleStatistics) -> Double? {
        median > 0 ? other.median / median : nil
    }
}
