import WasmBinary
import WasmIR

/// `LoadAnchoring` over a whole module: what a callee keeps of its parameters and what every caller
/// keeps of a callee's results cross calls (LLVM inlines across them), so the per-function analyses are
/// iterated to a fixed point from "nothing is kept", which is safe to stop at any step.
enum ModuleLoadAnchoring {
    /// Per defined function, per value: whether the load defining it needs an explicit check.
    static func explicitChecks(for irModule: IRModule, rounds: Int = 3) -> [[Bool]] {
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
            })
        var analyses: [LoadAnchoring] = []
        for _ in 0..<max(1, rounds) {
            analyses = irModule.functions.map { LoadAnchoring($0, interface: interface) }
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
