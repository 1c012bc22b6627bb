import Foundation
import WAT
import CWasmcRuntime
import WasmBinary
import XCTest
@testable import WasmcCompiler

final class ManifestTests: XCTestCase {
    /// One runtime build shared by the tests (it compiles C).
    static let runtime: RuntimeLibrary = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-manifest-tests-\(getpid())")
        return try! RuntimeLibrary.prepare(cache: ArtifactCache(directory: directory, warn: { _ in }))
    }()

    private func manifest(_ text: String, options: CompilationOptions = CompilationOptions()) throws -> ModuleManifest {
        try ModuleManifest(module: try wat2wasm(text), compiler: Compiler(options: options, runtime: Self.runtime, cache: nil))
    }

    func testImportsExportsMemoriesTablesAndKeyInputs() throws {
        let text = """
            (module
              (import "env" "log" (func $log (param i32 i64)))
              (import "env" "mem" (memory 1 4))
              (import "env" "counter" (global $g (mut i32)))
              (table $t 2 funcref)
              (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
              (func (export "pair") (result i32 f64) i32.const 1 f64.const 2)
              (export "memory" (memory 0))
              (export "table" (table $t))
              (export "g" (global $g)))
            """
        let bytes = try wat2wasm(text)
        let options = CompilationOptions(optimizationLevel: 3, boundsChecks: .explicit, targetCPU: "x86-64-v2")
        let compiler = Compiler(options: options, runtime: Self.runtime, cache: nil)
        let manifest = try ModuleManifest(module: bytes, compiler: compiler)
        XCTAssertEqual(manifest.moduleSize, bytes.count)
        XCTAssertEqual(manifest.moduleSHA256.count, 64)
        XCTAssertEqual(manifest.cacheKey, compiler.cacheKey(for: bytes))
        XCTAssertEqual(manifest.inputs.compilerVersion, compilerVersion)
        XCTAssertEqual(manifest.inputs.optimizationLevel, 3)
        XCTAssertEqual(manifest.inputs.boundsChecks, "explicit")
        XCTAssertEqual(manifest.inputs.targetCPU, "x86-64-v2")
        XCTAssertEqual(manifest.inputs.runtimeABIVersion, Int(WASMC_ABI_VERSION))
        XCTAssertTrue(manifest.inputs.targetTriple.hasSuffix("-linux-gnu"))
        XCTAssertEqual(manifest.imports.map(\.kind), ["function", "memory", "global"])
        XCTAssertEqual(manifest.imports[0].type, "(i32, i64) -> ()")
        XCTAssertEqual(manifest.imports[0].cSignature, "void log(void *instance, int32_t p0, int64_t p1)")
        XCTAssertEqual(manifest.imports[1].type, "memory 1..4")
        XCTAssertEqual(manifest.imports[2].type, "global mut i32")
        let add = try XCTUnwrap(manifest.exports.first { $0.name == "add" })
        XCTAssertEqual(add.type, "(i32, i32) -> (i32)")
        XCTAssertEqual(add.cSignature, "int32_t module_add(void *instance, int32_t p0, int32_t p1)")
        XCTAssertEqual(manifest.exports.first { $0.name == "pair" }?.cSignature, "void module_pair(void *instance, void *results)")
        XCTAssertEqual(manifest.exports.first { $0.name == "memory" }?.type, "memory 1..4")
        XCTAssertEqual(manifest.exports.first { $0.name == "table" }?.type, "table funcref 2..")
        XCTAssertEqual(manifest.memories, [ModuleManifest.Memory(index: 0, imported: true, minimumPages: 1, maximumPages: 4, address64: false)])
        XCTAssertEqual(manifest.tables, [ModuleManifest.Table(index: 0, imported: false, elementType: "funcref", minimum: 2, maximum: nil, address64: false)])
        XCTAssertEqual(manifest.features, ["multi-value", "mutable-globals"])
        // The JSON round-trips and is stable.
        let decoded = try JSONDecoder().decode(ModuleManifest.self, from: manifest.jsonData())
        XCTAssertEqual(decoded, manifest)
        XCTAssertEqual(decoded.jsonData(), manifest.jsonData())
    }

    func testFeatures() throws {
        XCTAssertEqual(try manifest("(module)").features, [])
        XCTAssertEqual(try manifest("(module (func (result i32) i32.const 1 i32.extend8_s))").features, ["sign-extension"])
        XCTAssertEqual(try manifest("(module (func (param f32) (result i32) local.get 0 i32.trunc_sat_f32_s))").features,
                       ["nontrapping-float-to-int"])
        XCTAssertEqual(try manifest("(module (memory 1) (func i32.const 0 i32.const 0 i32.const 0 memory.fill))").features, ["bulk-memory"])
        XCTAssertEqual(try manifest("(module (func (result v128) v128.const i32x4 1 2 3 4))").features, ["simd"])
        XCTAssertEqual(try manifest("(module (func (param externref)))").features, ["reference-types"])
    }

    func testRejectedModulesCarryTheirOffset() throws {
        XCTAssertThrowsError(try ModuleManifest(module: [0, 0x61, 0x73, 0x6d, 1, 0, 0],
                                                compiler: Compiler(options: CompilationOptions(), runtime: Self.runtime, cache: nil))) { error in
            guard case CompileError.rejected(let wasmError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(wasmError.kind, .malformed)
            XCTAssertEqual(wasmError.offset, 7, "the version ends early, at the end of the input")
        }
        XCTAssertThrowsError(try manifest("(module (func (result i32) i64.const 1))")) { error in
            guard case CompileError.rejected(let wasmError) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(wasmError.kind, .invalid)
            XCTAssertGreaterThan(wasmError.offset, 8)
        }
    }
}
