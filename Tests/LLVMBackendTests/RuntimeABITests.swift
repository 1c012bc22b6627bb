import CWasmcRuntime
import Testing
import WasmIR
@testable import LLVMBackend

/// The numbers generated code relies on come from `wasmc_rt.h`; these check they fit together.
@Suite("Runtime ABI")
struct RuntimeABITests {
    @Test func everyTrapHasItsOwnRuntimeCode() {
        let codes = TrapCode.allCases.map(\.runtimeCode)
        #expect(Set(codes).count == codes.count)
        for trap in TrapCode.allCases { #expect(TrapCode(runtimeCode: trap.runtimeCode) == trap) }
        // Unwinding for proc_exit and failed instantiation are not traps.
        #expect(TrapCode(runtimeCode: UInt32(WASMC_TRAP_NONE)) == nil)
        #expect(TrapCode(runtimeCode: UInt32(WASMC_TRAP_EXIT)) == nil)
        #expect(TrapCode(runtimeCode: UInt32(WASMC_TRAP_INSTANTIATION_FAILED)) == nil)
    }

    @Test func structuresFitTheirInstanceSlots() {
        #expect(MemoryLayout<wasmc_memory>.size <= RuntimeABI.memorySlot)
        #expect(MemoryLayout<wasmc_table>.size <= RuntimeABI.tableSlot)
        #expect(MemoryLayout<wasmc_global>.size <= RuntimeABI.globalSlot)
        #expect(MemoryLayout<wasmc_func>.size <= RuntimeABI.functionSlot)
        #expect(MemoryLayout<wasmc_segment>.size == RuntimeABI.segmentSlot)
        #expect(MemoryLayout<wasmc_v128>.size == RuntimeABI.resultSlot)
        #expect(RuntimeABI.version == UInt32(WASMC_ABI_VERSION))
    }

    /// Swift's importer lays the structures out as the C compiler does (the header pins the C side).
    @Test func offsetsAreTheHeaders() {
        #expect(RuntimeABI.memoryBase == 0 && RuntimeABI.memorySizeBytes == 8 && RuntimeABI.memoryPages == 16)
        #expect(RuntimeABI.tableSize == 8)
        #expect(RuntimeABI.functionCode == 0 && RuntimeABI.functionTypeID == 8 && RuntimeABI.functionInstance == 16)
        #expect(RuntimeABI.functionTailCode == 24)
        #expect(RuntimeABI.segmentLength == 8)
    }
}
