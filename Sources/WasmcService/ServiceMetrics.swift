import Metrics
import Prometheus

/// The service's own metrics, in one Prometheus registry that `/metrics` renders. Requests by route and
/// status come from Hummingbird's `MetricsMiddleware` (`hb_requests`), through the global metrics
/// system bootstrapped with the same registry (`bootstrapGlobalMetrics`).
public struct ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let compileDuration: Metrics.Timer
    let compilesSucceeded: Metrics.Counter
    let compilesFailed: Metrics.Counter
    let queueDepth: Metrics.Gauge
    let queueRejections: Metrics.Counter
    let cacheHits: Metrics.Counter
    let cacheMisses: Metrics.Counter
    let storedBytes: Metrics.Counter

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let factory = Self.factory(registry)
        compileDuration = Metrics.Timer(label: "wasmc_compile_duration_seconds", factory: factory)
        compilesSucceeded = Metrics.Counter(label: "wasmc_compiles_total", dimensions: [("result", "ok")], factory: factory)
        compilesFailed = Metrics.Counter(label: "wasmc_compiles_total", dimensions: [("result", "error")], factory: factory)
        queueDepth = Metrics.Gauge(label: "wasmc_compile_queue_depth", factory: factory)
        queueRejections = Metrics.Counter(label: "wasmc_compile_queue_rejections_total", factory: factory)
        cacheHits = Metrics.Counter(label: "wasmc_cache_hits_total", factory: factory)
        cacheMisses = Metrics.Counter(label: "wasmc_cache_misses_total", factory: factory)
        storedBytes = Metrics.Counter(label: "wasmc_cache_stored_bytes_total", factory: factory)
        queueDepth.record(0)
    }

    /// Compiles take seconds to minutes, far beyond the default request buckets.
    static func factory(_ registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["wasmc_compile_duration_seconds"] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(120), .seconds(300),
        ]
        return factory
    }

    /// Routes the global metrics system (Hummingbird's middleware) into this registry. Once per process.
    public func bootstrapGlobalMetrics() {
        MetricsSystem.bootstrap(Self.factory(registry))
    }

    /// The Prometheus text exposition.
    public func render() -> [UInt8] {
        registry.emitToBuffer()
    }
}
