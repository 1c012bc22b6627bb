import CLLVM
import WasmIR

/// A contiguous range of defined functions that one worker lowers, optimizes and emits with its own
/// LLVM context (LLVM contexts are not thread-safe). The first partition also carries the
/// instantiation plan and the module descriptor, which refer to every function.
struct Partition: Sendable {
    /// Position among the module's partitions.
    let index: Int
    /// Defined-function indices (`IRModule.functions`) this partition defines; it declares the rest.
    let functions: Range<Int>
    /// How many partitions the module has.
    let count: Int

    /// The whole module in one partition.
    static func wholeModule(_ module: IRModule) -> Partition {
        Partition(index: 0, functions: 0..<module.functions.count, count: 1)
    }

    var carriesPlan: Bool { index == 0 }

    /// The module's partitions: one when it has fewer than `options.minimumPartitionedSize` IR
    /// instructions, else up to `options.jobs` ranges of similar instruction counts.
    static func partitions(of module: IRModule, options: BackendOptions) -> [Partition] {
        let weights = module.functions.map(weight)
        let size = weights.reduce(0, +)
        let wanted = size >= options.minimumPartitionedSize ? options.jobs : 1
        let ranges = balancedRanges(weights: weights, count: wanted)
        return ranges.enumerated().map { Partition(index: $0, functions: $1, count: ranges.count) }
    }

    /// The work of lowering, optimizing and emitting a function grows with its instruction count.
    static func weight(of function: IRFunction) -> Int {
        function.blocks.reduce(0) { $0 + $1.instructions.count + 1 }
    }

    /// Splits `weights` into at most `count` contiguous, non-empty ranges whose sums are close to equal
    /// (one range, possibly empty, when there is nothing to split).
    static func balancedRanges(weights: [Int], count: Int) -> [Range<Int>] {
        let parts = max(1, min(count, weights.count))
        guard parts > 1 else { return [0..<weights.count] }
        let total = weights.reduce(0, +)
        var ranges: [Range<Int>] = []
        var start = 0
        var accumulated = 0
        for (index, weight) in weights.enumerated() {
            accumulated += weight
            let partsAfterThis = parts - ranges.count - 1
            guard partsAfterThis > 0 else { break }
            let itemsLeft = weights.count - index - 1
            // Cut here when the running sum is at least as close to this range's boundary as it would
            // be with the next function, or when every remaining function must open a range.
            let boundary = 2 * total * (ranges.count + 1)
            if parts * (2 * accumulated + weights[index + 1]) >= boundary || itemsLeft == partsAfterThis {
                ranges.append(start..<index + 1)
                start = index + 1
            }
        }
        ranges.append(start..<weights.count)
        return ranges
    }
}

extension ModuleLowering {
    /// Functions of a single partition stay internal. Across partitions they are hidden globals: the
    /// partitions' objects are linked into one, where each call finds its callee, and hidden symbols
    /// never leave the shared object or executable.
    func setLinkage(ofFunction function: LLVMValueRef) {
        if partition.count == 1 {
            LLVMSetLinkage(function, LLVMInternalLinkage)
        } else {
            LLVMSetLinkage(function, LLVMExternalLinkage)
            LLVMSetVisibility(function, LLVMHiddenVisibility)
        }
    }
}
