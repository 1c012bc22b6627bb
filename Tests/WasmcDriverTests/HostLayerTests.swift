import CFFI
import CWasmcRuntime
import Foundation
import Testing
import WasmBinary
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// The host layer on a hand-written module (`Tests/DriverFixtures/module.c`) and the real runtime:
/// loading, descriptors, import checks, calls, traps, globals.
@Suite("Host layer on a fixture module", .serialized)
struct HostLayerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DriverFixtures")

    /// One engine for the process: the runtime can be loaded only once.
    nonisolated(unsafe) static var shared: (Engine, URL)?

    private func engineAndModule() throws -> (Engine, LoadedModule) {
        if let (engine, path) = Self.shared { return (engine, try engine.load(sharedObject: path)) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-host-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let engine = try Engine(cacheDirectory: work)
        let module = work.appendingPathComponent("module.so")
        try RuntimeLibrary.runCompiler(["-shared", "-fPIC", "-I", RuntimeLibrary.sourceDirectory().appendingPathComponent("include").path,
                                        Self.fixtures.appendingPathComponent("module.c").path, "-o", module.path])
        Self.shared = (engine, module)
        return (engine, try engine.load(sharedObject: module))
    }

    @Test func descriptorIsRead() throws {
        let (_, module) = try engineAndModule()
        #expect(module.imports.map(\.name) == ["print_i32", "global_i32"])
        #expect(module.imports.last?.descriptor == .global(GlobalType(valueType: .i32, mutability: .constant)))
        #expect(module.exports.count == 11)
    }

    @Test func callsOfEveryShape() throws {
        let (engine, module) = try engineAndModule()
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        #expect(try instance.invoke("add", [.i32(0xFFFF_FFFF), .i32(3)]) == [.i32(2)])
        #expect(try instance.invoke("multi", []) == [.i32(7), .i64(UInt64(bitPattern: -2)), .f32(Float(1.5).bitPattern)])
        #expect(try instance.invoke("swap", [.v128(V128Bits(low: 1, high: 2))]) == [.v128(V128Bits(low: 2, high: 1))])
        #expect(try instance.invoke("twice", [.f32(Float(1.25).bitPattern)]) == [.f32(Float(2.5).bitPattern)])
        #expect(try instance.invoke("imported_global", []) == [.i32(666)])
        #expect(try instance.global("counter") == .i32(0))
        _ = try instance.invoke("call_print", [.i32(5)])
        #expect(try instance.global("counter") == .i32(1))
        #expect(instance.functionType("print") == FunctionType(parameters: [.i32], results: []), "a re-exported import keeps its type")
        guard case .memory = instance.export(named: "memory") else { Issue.record("no memory export"); return }
        guard case .table = instance.export(named: "table") else { Issue.record("no table export"); return }
    }

    @Test func trapsComeBackAsCodesAndTheHostKeepsWorking() throws {
        let (engine, module) = try engineAndModule()
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        for _ in 0..<3 {
            guard case .failure(.trap(let trap)) = instance.call("div_s", [.i32(1), .i32(0)]) else {
                Issue.record("division by zero did not trap")
                return
            }
            #expect(trap.trapCode == .integerDivideByZero)
            #expect(trap.function == "div_s")
            #expect(trap.matches("integer divide by zero"))
        }
        #expect(try instance.invoke("div_s", [.i32(7), .i32(2)]) == [.i32(3)])
    }

    @Test func badCallsAreRejected() throws {
        let (engine, module) = try engineAndModule()
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        #expect(throws: CallError.self) { try instance.invoke("missing", []) }
        #expect(throws: CallError.self) { try instance.invoke("add", [.i32(1)]) }
        #expect(throws: CallError.self) { try instance.invoke("add", [.i32(1), .f32(0)]) }
        #expect(throws: CallError.self) { try instance.global("add") }
    }

    /// Imports named by a dictionary, to feed the module the wrong things.
    final class Source: ImportSource {
        let values: [String: ExternalValue]
        init(_ values: [String: ExternalValue]) { self.values = values }
        func export(named name: String) -> ExternalValue? { values[name] }
    }

    @Test func importsAreCheckedLikeTheSpecSays() throws {
        let (engine, module) = try engineAndModule()
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let donor = try linker.instantiate(module)
        defer { donor.destroy() }
        let print = try #require(donor.export(named: "print"))
        let add = try #require(donor.export(named: "add"))
        let counter = try #require(donor.export(named: "counter"))

        let wrongFunction = engine.makeLinker()
        wrongFunction.register(Source(["print_i32": add, "global_i32": counter]), as: "spectest")
        #expect(throws: InstantiationError.self) { try wrongFunction.instantiate(module) }

        let mutableGlobal = engine.makeLinker()
        mutableGlobal.register(Source(["print_i32": print, "global_i32": counter]), as: "spectest")
        do {
            _ = try mutableGlobal.instantiate(module)
            Issue.record("a mutable global satisfied a constant global import")
        } catch {
            guard case .unlinkable(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.hasPrefix("incompatible import type"))
        }

        let missing = engine.makeLinker()
        missing.register(Source(["print_i32": print]), as: "spectest")
        do {
            _ = try missing.instantiate(module)
            Issue.record("a missing import linked")
        } catch {
            guard case .unlinkable(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.hasPrefix("unknown import"))
        }
    }

    @Test func aTrappingStartFunctionFailsInstantiation() throws {
        let (engine, module) = try engineAndModule()
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let donor = try linker.instantiate(module)
        defer { donor.destroy() }
        let cell = UnsafeMutablePointer<wasmc_global>.allocate(capacity: 1)
        defer { cell.deallocate() }
        cell.initialize(to: wasmc_global())
        cell.pointee.type = ValueType.i32.rawValue
        UnsafeMutableRawPointer(cell).storeBytes(of: Int32(13), as: Int32.self)
        let trapping = engine.makeLinker()
        trapping.register(Source(["print_i32": try #require(donor.export(named: "print")),
                                  "global_i32": .global(UnsafeMutableRawPointer(cell), GlobalType(valueType: .i32, mutability: .constant))]),
                          as: "spectest")
        do {
            let instance = try trapping.instantiate(module)
            instance.destroy()
            Issue.record("instantiation did not trap")
        } catch {
            guard case .trap(let trap, let partial) = error else { Issue.record("\(error)"); return }
            #expect(trap.trapCode == .unreachable)
            partial?.destroy()
        }
    }
}
