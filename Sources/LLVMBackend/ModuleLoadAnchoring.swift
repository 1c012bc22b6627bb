import Foundation
import WasmBinary
import WasmIR

/// `LoadAnchoring` over a whole module: what a callee keeps of its parameters and what every caller
/// keeps of a callee's results cross calls (LLVM inlines across them), so the per-function analyses are
/// iterated to a fixed point from "nothing is kept", which is safe to stop at any step.
enum ModuleLoadAnchoring {
    /// Per defined function, per value: whether the load defining it needs an explicit check.
    static func explicitChecks(for irModule: IRModule, rounds: Int = 2) -> [[Bool]] {
        let imported = irModule.module.importedFunctionCount
        var calledDirectly = Array(repeating: false, count: irModule.functions.count)
        for function in irModule.functions {
            for block in function.blocks {
                for instruction in block.instructions {
                    if case .call(let callee, _) = instruction.operation, Int(callee) >= imported {
                        calledDirectly[Int(callee) - imported] = true
                    }
                }
            }
        }
        // A result no direct call can drop (the function is exported or in a table only) is kept whole.
        var interface = LoadAnchoring.Interface(
            importedFunctionCount: imported,
            parameterMasks: irModule.functions.map { $0.type.parameters.map { _ in 0 } },
            resultMasks: irModule.functions.indices.map { index in
                irModule.functions[index].type.results.map { _ in calledDirectly[index] ? 0 : 0xFFFF }
            },
            mayNotReturn: NoReturnCuts.mayNotReturn(irModule.functions, importedFunctionCount: imported))
        let first = interface
        let facts = concurrentMap(irModule.functions) { LoadAnchoring.FunctionFacts($0, interface: first) }
        var analyses: [LoadAnchoring] = []
        for _ in 0..<max(1, rounds) {
            let current = interface
            analyses = concurrentMap(Array(irModule.functions.indices)) {
                LoadAnchoring(irModule.functions[$0], interface: current, facts: facts[$0])
            }
            var next = interface
            next.parameterMasks = analyses.map(\.entryParameterMasks)
            // The bytes every direct call keeps: an intersection over the calls.
            var kept = irModule.functions.map { $0.type.results.map { _ in ByteMask(0xFFFF) } }
            for analysis in analyses {
                for (callee, masks) in analysis.callResultMasks {
                    for index in masks.indices where kept[callee].indices.contains(index) { kept[callee][index] &= masks[index] }
                }
            }
            next.resultMasks = kept
            if next.parameterMasks == interface.parameterMasks && next.resultMasks == interface.resultMasks { break }
            interface = next
        }
        return analyses.map(\.needsCheck)
    }
}

/// `map` over the processors: the per-function analyses are independent.
private func concurrentMap<Element: Sendable, Mapped: Sendable>(_ elements: [Element],
                                                                 _ transform: @escaping @Sendable (Element) -> Mapped) -> [Mapped] {
    let slots = Slots<Mapped>(count: elements.count)
    let chunk = max(1, elements.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
    let chunks = (elements.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        let range = (index * chunk)..<min(elements.count, (index + 1) * chunk)
        slots.set(range.lowerBound, range.map { transform(elements[$0]) })
    }
    return slots.values
}

/// Results written by disjoint chunks of a concurrent loop.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ start: Int, _ values: [Value]) {
        lock.withLock { for (offset, value) in values.enumerated() { storage[start + offset] = value } }
    }

    var values: [Value] { lock.withLock { storage.map { $0! } } }
}
