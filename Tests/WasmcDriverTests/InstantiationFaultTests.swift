import Testing
import WasmIR
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// How instantiation ends when it cannot finish: a segment that does not fit or a trapping start
/// function is a trap that names the step (never a function the segment has nothing to do with); a
/// table the runtime cannot create is an error, not a trap.
@Suite("Instantiation faults", .serialized)
struct InstantiationFaultTests {
    /// The trap instantiating `wat` ends with, or nil (recorded as an issue) when it does not trap.
    private func instantiationTrap(_ wat: String, _ options: CompilationOptions) throws -> Trap? {
        let (engine, module) = try CompiledModules.load(wat, options)
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        do {
            let instance = try linker.instantiate(module)
            instance.destroy()
            Issue.record("instantiation did not trap")
        } catch {
            guard case .trap(let trap, let partial) = error else {
                Issue.record("\(error)")
                return nil
            }
            partial?.destroy()
            return trap
        }
        return nil
    }

    @Test(arguments: CompiledModules.modes)
    func segmentTrapsNameTheSegment(_ options: CompilationOptions) throws {
        let data = try instantiationTrap("""
            (module (memory 1) (data (i32.const 10) "ok") (data (i32.const 65535) "ab")
              (func $first (export "first")) (func $second) (func $last))
            """, options)
        #expect(data?.trapCode == .memoryOutOfBounds)
        #expect(data?.function == nil)
        #expect(data?.instantiationStep == "data segment 1")
        #expect(data?.description == "out of bounds memory access (while instantiating: data segment 1)")

        let elements = try instantiationTrap("""
            (module (table 1 funcref) (elem (i32.const 0) $f) (elem (i32.const 1) $f) (func $f (export "f")))
            """, options)
        #expect(elements?.trapCode == .tableOutOfBounds)
        #expect(elements?.function == nil)
        #expect(elements?.instantiationStep == "element segment 1")
    }

    @Test(arguments: CompiledModules.modes)
    func startFunctionTrapsNameTheFunctionAndTheStep(_ options: CompilationOptions) throws {
        let trap = try instantiationTrap("""
            (module (func $boom (export "boom") unreachable) (func $start call $boom) (start $start))
            """, options)
        #expect(trap?.trapCode == .unreachable)
        #expect(trap?.function == "boom")
        #expect(trap?.instantiationStep == "start function")
    }

    /// The step is the instantiation's own: a later trap in a call is not attributed to it.
    @Test func callTrapsAfterAnInstantiationTrapNameNoStep() throws {
        _ = try instantiationTrap("(module (memory 1) (data (i32.const 65536) \"x\"))", CompiledModules.guardPages)
        let (engine, module) = try CompiledModules.load("(module (func (export \"boom\") unreachable))", CompiledModules.guardPages)
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        guard case .failure(.trap(let trap)) = instance.call("boom", []) else {
            Issue.record("boom did not trap")
            return
        }
        #expect(trap.function == "boom")
        #expect(trap.instantiationStep == nil)
    }

    /// Above the runtime's table limit (10,000,000 elements) nothing is allocated: instantiation fails
    /// with Wasmtime's wording, as an error rather than an "undefined element" trap.
    @Test(arguments: [UInt32(10_000_001), 0xFFFF_FFFF])
    func tablesAboveTheLimitFailInstantiation(_ minimum: UInt32) throws {
        let (engine, module) = try CompiledModules.load("(module (table \(minimum) funcref))", CompiledModules.guardPages)
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        do {
            let instance = try linker.instantiate(module)
            instance.destroy()
            Issue.record("a table of \(minimum) elements was created")
        } catch {
            guard case .failed(let reason) = error else {
                Issue.record("expected an instantiation error, got \(error)")
                return
            }
            #expect(reason == "table minimum size of \(minimum) elements exceeds table limits")
        }
        // The limit itself is fine.
        let (_, largest) = try CompiledModules.load("(module (table 10000000 funcref))", CompiledModules.guardPages)
        let instance = try linker.instantiate(largest)
        instance.destroy()
    }
}
