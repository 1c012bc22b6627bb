import Foundation
import Testing
import WAT
import WasmBinary
import WasmIR
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// Compiles modules from WAT with one engine per set of options. The process loads the runtime once
/// with the first engine's flags, so the guard-pages engine comes first: explicit-checks code runs fine
/// with the signal handlers installed, guard-pages code needs them.
enum CompiledModules {
    static let guardPages = CompilationOptions(optimizationLevel: 2, boundsChecks: .guardPages)
    static let explicitChecks = CompilationOptions(optimizationLevel: 0, boundsChecks: .explicit)
    /// Every module split into partitions, as only large modules are by default.
    static let partitioned = CompilationOptions(optimizationLevel: 2, boundsChecks: .guardPages, codegenJobs: 3,
                                                minimumPartitionedSize: 0)
    static let modes: [CompilationOptions] = [guardPages, explicitChecks, partitioned]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var engines: [CompilationOptions: Engine] = [:]

    static func engine(_ options: CompilationOptions) throws -> Engine {
        try lock.withLock {
            if engines[guardPages] == nil { engines[guardPages] = try Engine(options: guardPages, cacheDirectory: nil) }
            if let engine = engines[options] { return engine }
            let engine = try Engine(options: options, cacheDirectory: nil)
            engines[options] = engine
            return engine
        }
    }

    static func load(_ wat: String, _ options: CompilationOptions) throws -> (Engine, LoadedModule) {
        let engine = try engine(options)
        return (engine, try engine.load(try wat2wasm(wat)))
    }
}

/// Every kind of trap compiled code raises, in both bounds-check modes and with partitioned compilation:
/// the trap's code, the spec's message and the function it happened in.
@Suite("Traps in compiled code", .serialized)
struct CompiledTrapTests {
    static let module = """
        (module
          (type $unary (func (param i32) (result i32)))
          (type $nullary (func))
          (memory 1 3)
          (table 4 8 funcref)
          (func $double (type $unary) (i32.mul (local.get 0) (i32.const 2)))
          (elem (i32.const 0) $double)
          (func (export "unreachable") unreachable)
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
          (func (export "load_offset") (param i32) (result i64) (i64.load offset=0xFFFFFFF0 (local.get 0)))
          (func (export "store") (param i32) (i32.store16 (local.get 0) (i32.const 7)))
          (func (export "fill") (param i32 i32) (memory.fill (local.get 0) (i32.const 0) (local.get 1)))
          (func (export "grow") (result i32) (memory.grow (i32.const 1)))
          (func (export "call_indirect") (param i32) (result i32) (call_indirect (type $unary) (i32.const 21) (local.get 0)))
          (func (export "call_indirect_nullary") (param i32) (call_indirect (type $nullary) (local.get 0)))
          (func (export "table_get") (param i32) (result funcref) (table.get (local.get 0)))
          (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "rem_u") (param i64 i64) (result i64) (i64.rem_u (local.get 0) (local.get 1)))
          (func (export "trunc_s") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
          (func (export "trunc_u") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
          (func (export "recurse") (param i32) (result i32) (i32.add (call 14 (local.get 0)) (i32.const 1))))
        """

    /// Export, arguments, and the trap as the spec words it.
    static let cases: [(String, [WasmValue], TrapCode, String)] = [
        ("unreachable", [], .unreachable, "unreachable"),
        ("load", [.i32(65536)], .memoryOutOfBounds, "out of bounds memory access"),
        ("load", [.i32(65533)], .memoryOutOfBounds, "out of bounds memory access"),
        ("load", [.i32(0xFFFF_FFFF)], .memoryOutOfBounds, "out of bounds memory access"),
        ("load_offset", [.i32(0x20)], .memoryOutOfBounds, "out of bounds memory access"),
        ("store", [.i32(65535)], .memoryOutOfBounds, "out of bounds memory access"),
        ("fill", [.i32(65000), .i32(1000)], .memoryOutOfBounds, "out of bounds memory access"),
        ("call_indirect", [.i32(4)], .tableOutOfBounds, "undefined element"),
        ("call_indirect", [.i32(0xFFFF_FFFF)], .tableOutOfBounds, "undefined element"),
        ("table_get", [.i32(4)], .tableOutOfBounds, "undefined element"),
        ("call_indirect_nullary", [.i32(0)], .indirectCallTypeMismatch, "indirect call type mismatch"),
        ("call_indirect", [.i32(1)], .uninitializedElement, "uninitialized element"),
        ("div_s", [.i32(1), .i32(0)], .integerDivideByZero, "integer divide by zero"),
        ("rem_u", [.i64(1), .i64(0)], .integerDivideByZero, "integer divide by zero"),
        ("div_s", [.i32(0x8000_0000), .i32(0xFFFF_FFFF)], .integerOverflow, "integer overflow"),
        ("trunc_s", [.f64((2147483648.0).bitPattern)], .integerOverflow, "integer overflow"),
        ("trunc_u", [.f32(Float(-1).bitPattern)], .integerOverflow, "integer overflow"),
        ("trunc_s", [.f64(Double.nan.bitPattern)], .invalidConversionToInteger, "invalid conversion to integer"),
        ("trunc_u", [.f32(Float.nan.bitPattern)], .invalidConversionToInteger, "invalid conversion to integer"),
        ("recurse", [.i32(0)], .callStackExhausted, "call stack exhausted"),
    ]

    @Test(arguments: CompiledModules.modes)
    func everyTrapKind(_ options: CompilationOptions) throws {
        let (engine, module) = try CompiledModules.load(Self.module, options)
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let instance = try linker.instantiate(module)
        defer { instance.destroy() }
        for (name, arguments, code, message) in Self.cases {
            guard case .failure(.trap(let trap)) = instance.call(name, arguments) else {
                Issue.record("\(name)\(arguments) did not trap (\(options.cacheKeyText))")
                continue
            }
            #expect(trap.trapCode == code, "\(name)\(arguments)")
            #expect(trap.message == message, "\(name)\(arguments)")
            // Inline checks name their function; guard-page faults and traps inside runtime helpers
            // (memory.fill, table.get) find it by code address.
            #expect(trap.function == name, "\(name)\(arguments)")
            #expect("\(CallError.trap(trap))" == "trap: \(message)" + (trap.function.map { " (in \($0))" } ?? ""))
        }
        // The same functions work inside the bounds, and after the traps.
        #expect(try instance.invoke("load", [.i32(65532)]) == [.i32(0)])
        #expect(try instance.invoke("call_indirect", [.i32(0)]) == [.i32(42)])
        #expect(try instance.invoke("div_s", [.i32(7), .i32(0xFFFF_FFFF)]) == [.i32(UInt32(bitPattern: -7))])
        #expect(try instance.invoke("trunc_s", [.f64((-2147483648.9).bitPattern)]) == [.i32(0x8000_0000)])
        // Growing memory moves the bound: the address that trapped is now valid.
        #expect(try instance.invoke("grow", []) == [.i32(1)])
        #expect(try instance.invoke("load", [.i32(65536)]) == [.i32(0)])
        guard case .failure(.trap(let trap)) = instance.call("load", [.i32(131_072)]) else {
            Issue.record("a load past the grown memory did not trap")
            return
        }
        #expect(trap.trapCode == .memoryOutOfBounds)
    }
}

/// Two instances of one compiled module share code, never state.
@Suite("Instance isolation", .serialized)
struct InstanceIsolationTests {
    static let module = """
        (module
          (memory (export "memory") 1 4)
          (global (export "counter") (mut i32) (i32.const 0))
          (table 2 funcref)
          (func $one (result i32) (i32.const 1))
          (func $two (result i32) (i32.const 2))
          (elem declare func $one $two)
          (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
          (func (export "grow") (result i32) (memory.grow (i32.const 1)))
          (func (export "size") (result i32) (memory.size))
          (func (export "set_counter") (param i32) (global.set 0 (local.get 0)))
          (func (export "get_counter") (result i32) (global.get 0))
          (func (export "set_slot") (param i32)
            (table.set (i32.const 0) (select (result funcref) (ref.func $one) (ref.func $two) (local.get 0))))
          (func (export "call_slot") (result i32) (call_indirect (result i32) (i32.const 0))))
        """

    @Test(arguments: CompiledModules.modes)
    func instancesKeepTheirOwnState(_ options: CompilationOptions) throws {
        let (engine, module) = try CompiledModules.load(Self.module, options)
        let linker = engine.makeLinker()
        defer { linker.tearDown() }
        let first = try linker.instantiate(module)
        defer { first.destroy() }
        let second = try linker.instantiate(module)
        defer { second.destroy() }

        _ = try first.invoke("store", [.i32(100), .i32(42)])
        #expect(try first.invoke("load", [.i32(100)]) == [.i32(42)])
        #expect(try second.invoke("load", [.i32(100)]) == [.i32(0)], "a store through one instance showed in the other")
        _ = try second.invoke("store", [.i32(100), .i32(7)])
        #expect(try first.invoke("load", [.i32(100)]) == [.i32(42)])

        #expect(try first.invoke("grow", []) == [.i32(1)])
        #expect(try first.invoke("size", []) == [.i32(2)])
        #expect(try second.invoke("size", []) == [.i32(1)])
        guard case .failure(.trap(let trap)) = second.call("load", [.i32(65536)]) else {
            Issue.record("the other instance's memory grew too")
            return
        }
        #expect(trap.trapCode == .memoryOutOfBounds)

        _ = try first.invoke("set_counter", [.i32(5)])
        #expect(try first.global("counter") == .i32(5))
        #expect(try second.global("counter") == .i32(0))
        #expect(try second.invoke("get_counter", []) == [.i32(0)])

        _ = try first.invoke("set_slot", [.i32(1)])
        #expect(try first.invoke("call_slot", []) == [.i32(1)])
        guard case .failure(.trap(let empty)) = second.call("call_slot", []) else {
            Issue.record("a table write through one instance showed in the other")
            return
        }
        #expect(empty.trapCode == .uninitializedElement)
        _ = try second.invoke("set_slot", [.i32(0)])
        #expect(try second.invoke("call_slot", []) == [.i32(2)])
        #expect(try first.invoke("call_slot", []) == [.i32(1)])
    }
}
