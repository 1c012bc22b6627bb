import Foundation
import WasmIR

/// Seconds the backend spent per stage. With several partitions the stages run on several threads at
/// once, so `lowering + optimization + codegen` (summed over partitions) may exceed `wall`.
public struct BackendTimings: Sendable, Equatable {
    public var partitions = 1
    /// The module's size as the partitioning threshold measures it: IR instructions plus block terminators.
    public var instructions = 0
    /// IR → LLVM IR (plan and descriptor included).
    public var lowering: Double = 0
    /// The LLVM pass pipeline (`default<On>`).
    public var optimization: Double = 0
    /// Instruction selection, register allocation and object emission.
    public var codegen: Double = 0
    /// Elapsed time of the whole backend run.
    public var wall: Double = 0
    /// CPU seconds each partition's thread used. Unlike elapsed times these do not grow when other
    /// processes compete for the processors, so `max` estimates the elapsed time with a core per partition.
    public var partitionCPU: [Double] = []

    public init() {}

    mutating func add(_ other: BackendTimings) {
        lowering += other.lowering
        optimization += other.optimization
        codegen += other.codegen
        partitionCPU += other.partitionCPU
    }
}

/// The objects of a module, one per partition (the first defines `wasmc_module`), to be linked
/// together (`ld -r`) into the module's object.
public struct CompiledObjects: Sendable {
    public var objects: [[UInt8]]
    public var timings: BackendTimings
}

/// Lowers, optimizes and emits a module, splitting it into `options.jobs` partitions compiled in
/// parallel when it has at least `options.minimumPartitionedSize` IR instructions.
public func compileToObjects(_ module: IRModule, options: BackendOptions) throws -> CompiledObjects {
    let start = ContinuousClock.now
    let partitions = Partition.partitions(of: module, options: options)
    // Which loads need explicit checks is a property of the whole module: decided once, for every partition.
    let loadChecks = options.boundsChecks == .explicit ? [] : ModuleLoadAnchoring.explicitChecks(for: module)
    let results: [Result<([UInt8], BackendTimings), any Error>]
    if partitions.count == 1 {
        results = [Result { try compile(partitions[0], of: module, options: options, loadChecks: loadChecks) }]
    } else {
        let slots = ResultSlots<([UInt8], BackendTimings)>(count: partitions.count)
        DispatchQueue.concurrentPerform(iterations: partitions.count) { index in
            slots.set(index, Result { try compile(partitions[index], of: module, options: options, loadChecks: loadChecks) })
        }
        results = slots.results
    }
    var timings = BackendTimings()
    timings.partitions = partitions.count
    timings.instructions = module.functions.reduce(0) { $0 + Partition.weight(of: $1) }
    var objects: [[UInt8]] = []
    for result in results {
        let (object, partitionTimings) = try result.get()
        objects.append(object)
        timings.add(partitionTimings)
    }
    timings.wall = seconds(since: start)
    return CompiledObjects(objects: objects, timings: timings)
}

/// One partition from IR to object, each stage timed.
private func compile(_ partition: Partition, of module: IRModule, options: BackendOptions,
                     loadChecks: [[Bool]]) throws -> ([UInt8], BackendTimings) {
    var timings = BackendTimings()
    let cpuStart = threadCPUSeconds()
    var mark = ContinuousClock.now
    func lap() -> Double {
        let now = ContinuousClock.now
        defer { mark = now }
        return seconds(between: mark, now)
    }
    let lowering = try ModuleLowering(module, options: options, partition: partition, explicitLoadChecks: loadChecks)
    try lowering.lower()
    timings.lowering = lap()
    try lowering.target.optimize(lowering.llvmModule, optimizationLevel: options.optimizationLevel)
    timings.optimization = lap()
    let object = try lowering.target.emitOptimizedObject(lowering.llvmModule)
    timings.codegen = lap()
    timings.partitionCPU = [threadCPUSeconds() - cpuStart]
    return (object, timings)
}

/// CPU time of the calling thread.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
    seconds(between: start, .now)
}

private func seconds(between start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) -> Double {
    let duration = end - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// One result per worker, written from the workers' threads.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.withLock { slots[index] = result }
    }

    /// Every slot's result; call after all workers finished.
    var results: [Result<Value, any Error>] {
        lock.withLock { slots.map { $0 ?? .failure(BackendError.llvm("a compilation worker produced no result")) } }
    }
}
