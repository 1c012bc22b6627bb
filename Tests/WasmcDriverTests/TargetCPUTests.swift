import ArgumentParser
import Foundation
import Testing
import WasmcCommands
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// `--target-cpu` must name a processor LLVM knows: LLVM itself only warns and emits generic code.
@Suite("Target CPU names")
struct TargetCPUTests {
    @Test func knownNamesAreAccepted() {
        for name in ["generic", "native", "x86-64", "x86-64-v2", "x86-64-v3", "skylake", "znver3"] {
            #expect(isKnownTargetCPU(name), "\(name)")
        }
    }

    @Test func unknownNamesAreRejected() {
        for name in ["", "x86-64-v7", "skylake ", "Skylake", "pentium-nine", "--O2"] {
            #expect(!isKnownTargetCPU(name), "\(name)")
        }
    }

    @Test func theCommandLineRejectsAnUnknownCPU() {
        do {
            _ = try Wasmc.parseAsRoot(["compile", "x.wasm", "-o", "x", "--target-cpu", "pentium-nine"])
            Issue.record("an unknown target CPU was accepted")
        } catch {
            let message = Wasmc.message(for: error)
            #expect(message.contains("unknown --target-cpu 'pentium-nine'"), "\(message)")
        }
        #expect(throws: Never.self) { _ = try Wasmc.parseAsRoot(["compile", "x.wasm", "-o", "x", "--target-cpu", "x86-64-v2"]) }
    }

    /// Library callers that skip the command line get a clear error before any work is done.
    @Test func theCompilerRejectsAnUnknownCPU() throws {
        let compiler = Compiler(options: CompilationOptions(targetCPU: "pentium-nine"),
                                runtime: RuntimeLibrary(runtimePath: URL(fileURLWithPath: "/nonexistent/libwasmc_rt.so"),
                                                       spectestPath: URL(fileURLWithPath: "/nonexistent/spectest.so"), sourceKey: "rt"),
                                cache: nil)
        let emptyModule: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        do {
            _ = try compiler.compileToObjectFile(emptyModule)
            Issue.record("an unknown target CPU was accepted")
        } catch {
            guard case .invalidOptions(let message) = error else { Issue.record("wrong error: \(error)"); return }
            #expect(message.hasPrefix("unknown target CPU 'pentium-nine'"))
        }
    }
}
