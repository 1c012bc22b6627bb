import CLLVM
import Testing
import WAT
import WasmBinary
import WasmFrontend
import WasmIR
@testable import LLVMBackend

/// Splitting a module into partitions compiled on separate threads.
@Suite("Partitioned compilation")
struct PartitionTests {
    @Test func rangesAreContiguousNonEmptyAndBalanced() {
        let weights = [10, 10, 10, 10, 100, 10, 10, 10, 10, 10]
        let ranges = Partition.balancedRanges(weights: weights, count: 3)
        #expect(ranges.count == 3)
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == weights.count)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(ranges.allSatisfy { !$0.isEmpty })
        let sums = ranges.map { weights[$0].reduce(0, +) }
        #expect(sums.max()! <= 2 * 200 / 3 + 100, "\(sums)")
    }

    @Test func neverMorePartitionsThanFunctions() {
        #expect(Partition.balancedRanges(weights: [5, 1], count: 8) == [0..<1, 1..<2])
        #expect(Partition.balancedRanges(weights: [0, 0, 0], count: 3) == [0..<1, 1..<2, 2..<3])
        #expect(Partition.balancedRanges(weights: [], count: 4) == [0..<0])
        #expect(Partition.balancedRanges(weights: [1, 1, 1, 1], count: 1) == [0..<4])
    }

    /// A heavy function at the end still leaves every other partition a function.
    @Test func heavyTailStillFillsEveryPartition() {
        let ranges = Partition.balancedRanges(weights: [1, 1, 1, 1000], count: 3)
        #expect(ranges == [0..<1, 1..<2, 2..<4] || ranges == [0..<2, 2..<3, 3..<4], "\(ranges)")
        #expect(ranges.count == 3)
    }

    private func irModule(functions: Int) throws -> IRModule {
        let bodies = (0..<functions).map { index in
            index == 0 ? "(func $f0 (export \"f0\") (param i32) (result i32) (local.get 0))"
                : "(func $f\(index) (export \"f\(index)\") (param i32) (result i32) (call $f\(index - 1) (i32.add (local.get 0) (i32.const 1))))"
        }
        let module = try decodeModule(try wat2wasm("(module " + bodies.joined(separator: "\n") + ")"))
        try validateModule(module)
        return try translateModule(module)
    }

    @Test func smallModulesStayWhole() throws {
        let module = try irModule(functions: 6)
        let compiled = try compileToObjects(module, options: BackendOptions(jobs: 4))
        #expect(compiled.objects.count == 1)
        #expect(compiled.timings.partitions == 1)
    }

    @Test func forcedPartitionsGiveOneObjectEach() throws {
        let module = try irModule(functions: 6)
        let compiled = try compileToObjects(module, options: BackendOptions(verifyLLVMIR: true, jobs: 4, minimumPartitionedSize: 0))
        #expect(compiled.objects.count == 4)
        #expect(compiled.timings.partitions == 4)
        #expect(compiled.objects.allSatisfy { $0.starts(with: [0x7F, 0x45, 0x4C, 0x46]) }, "every object is ELF")
    }

    /// A partition defines its own functions and declares those of others as hidden externals; only the
    /// first carries the module descriptor.
    @Test func partitionsDeclareEachOthersFunctions() throws {
        let module = try irModule(functions: 4)
        let options = BackendOptions(jobs: 2, minimumPartitionedSize: 0)
        let partitions = Partition.partitions(of: module, options: options)
        #expect(partitions.map(\.functions) == [0..<2, 2..<4])
        let second = try ModuleLowering(module, options: options, partition: partitions[1])
        try second.lower()
        let ir = text(of: second)
        #expect(ir.contains("declare hidden i32 @wasm_1_f1(ptr, i32)"), "\(ir)")
        #expect(ir.contains("define hidden i32 @wasm_2_f2("), "\(ir)")
        #expect(!ir.contains("@wasmc_module"))
        let first = try ModuleLowering(module, options: options, partition: partitions[0])
        try first.lower()
        #expect(text(of: first).contains("@wasmc_module = constant"))
    }

    private func text(of lowering: ModuleLowering) -> String {
        guard let text = LLVMPrintModuleToString(lowering.llvmModule) else { return "" }
        defer { LLVMDisposeMessage(text) }
        return String(cString: text)
    }

    @Test func unknownTargetCPUsAreRejected() throws {
        #expect(isKnownTargetCPU("generic"))
        #expect(isKnownTargetCPU("native"))
        #expect(isKnownTargetCPU("x86-64-v2"))
        #expect(!isKnownTargetCPU("x86-64-v9"))
        #expect(!isKnownTargetCPU(""))
        let module = try irModule(functions: 1)
        #expect {
            _ = try compileToObjects(module, options: BackendOptions(targetCPU: "pentium-nine"))
        } throws: { error in
            "\(error)".hasPrefix("unknown target CPU 'pentium-nine'")
        }
    }
}
