import ArgumentParser
import Foundation
import Testing
import WAT
import WasmBinary
import WasmIR
@testable import WasmcCommands
import WasmcCompiler
import WasmcHost
@testable import WasmcInterpreter

/// `wasmc run --engine`: parsing, when `auto` falls back, and the interpreter's values and traps.
@Suite("Engine selection")
struct EngineSelectionTests {
    private func run(_ arguments: [String]) throws -> InvokeCommand {
        try #require(try Wasmc.parseAsRoot(["run"] + arguments) as? InvokeCommand)
    }

    @Test func autoIsTheDefaultAndEveryEngineParses() throws {
        #expect(try run(["m.wasm"]).engine == .auto)
        #expect(try run(["--engine", "compiled", "m.wasm"]).engine == .compiled)
        #expect(try run(["--engine", "interpreter", "m.wasm"]).engine == .interpreter)
        #expect(try run(["--engine", "auto", "--invoke", "f", "m.wasm", "1"]).engine == .auto)
    }

    @Test func anUnknownEngineIsAParseErrorNamingTheChoices() throws {
        do {
            _ = try Wasmc.parseAsRoot(["run", "--engine", "jit", "m.wasm"])
            Issue.record("--engine jit parsed")
        } catch {
            let message = Wasmc.message(for: error)
            #expect(message.contains("jit") && message.contains("compiled") && message.contains("interpreter"), "\(message)")
        }
    }

    @Test func anEngineAfterTheModuleIsTheProgramsArgument() throws {
        let command = try run(["m.wasm", "--engine", "interpreter"])
        #expect(command.engine == .auto)
        #expect(command.arguments == ["--engine", "interpreter"])
    }

    @Test func onlyAutoFallsBackAndOnlyForUnsupported() {
        let unsupported = CompileError.unsupported("exception handling")
        #expect(ExecutionEngine.auto.fallbackWarning(after: unsupported) == "warning: unsupported: exception handling; running in the interpreter")
        // The frontend's message already starts with `unsupported:`; it is not repeated.
        #expect(ExecutionEngine.auto.fallbackWarning(after: CompileError.unsupported("unsupported: gc"))
                == "warning: unsupported: gc; running in the interpreter")
        #expect(ExecutionEngine.compiled.fallbackWarning(after: unsupported) == nil)
        #expect(ExecutionEngine.interpreter.fallbackWarning(after: unsupported) == nil)
        let others: [Error] = [
            CompileError.rejected(WasmError(.malformed, at: 8, "illegal opcode")),
            CompileError.internalError("bug"), CompileError.link("cc failed"), CompileError.invalidOptions("no such CPU"),
            CocoaError(.fileNoSuchFile),
        ]
        for error in others { #expect(ExecutionEngine.auto.fallbackWarning(after: error) == nil, "\(error)") }
    }
}

@Suite("Interpreter values and traps")
struct InterpreterValueTests {
    @Test(arguments: [
        WasmValue.i32(0xFFFF_FFFF), .i64(0x8000_0000_0000_0001), .f32(0x7FA0_0001), .f32(0x8000_0000), .f64(0x7FF4_0000_0000_0001),
        .v128(V128Bits(low: 0x0706_0504_0302_0100, high: 0x0F0E_0D0C_0B0A_0908)), .funcref(nil), .externref(nil), .externref(7),
    ])
    func valuesRoundTripBitForBit(_ value: WasmValue) throws {
        #expect(try InterpreterValues.wasmcValue(InterpreterValues.wasmKitValue(value)) == value)
    }

    @Test func aVectorsBytesStayLittleEndian() throws {
        guard case .v128(let vector) = try InterpreterValues.wasmKitValue(.v128(V128Bits(lanes: [1, 2, 3, 4], bitWidth: 32)!)) else {
            Issue.record("not a v128")
            return
        }
        #expect(vector.bytes == [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0])
    }

    @Test func aCompiledFunctionReferenceCannotEnterTheInterpreter() {
        #expect(throws: InterpreterError.self) { try InterpreterValues.wasmKitValue(.funcref(0x1000)) }
    }

    @Test(arguments: [
        ("unreachable", TrapCode.unreachable, "unreachable"),
        ("integer divide by zero", .integerDivideByZero, "integer divide by zero"),
        ("out of bounds memory access", .memoryOutOfBounds, "out of bounds memory access"),
        ("out of bounds table access at 7 (undefined element)", .tableOutOfBounds, "undefined element"),
        ("indirect call to null element (uninitialized element 3)", .uninitializedElement, "uninitialized element"),
        ("indirect call type mismatch, expected (i32) -> (), got () -> ()", .indirectCallTypeMismatch, "indirect call type mismatch"),
        ("call stack exhausted", .callStackExhausted, "call stack exhausted"),
    ])
    func wasmKitReasonsTakeTheRuntimesWording(_ reason: String, _ code: TrapCode, _ message: String) {
        let trap = InterpreterTrap(reason: reason)
        #expect(trap.trapCode == code)
        #expect(trap.message == message)
    }

    @Test func reasonsWithoutACounterpartKeepWasmKitsWords() {
        for reason in ["unaligned atomic", "out of fuel", "initial memory size exceeds the resource limit: 1 bytes"] {
            let trap = InterpreterTrap(reason: reason)
            #expect(trap.trapCode == nil)
            #expect(trap.message == reason)
        }
    }

    @Test func wasmKitsParserMessagesAreMadeReadable() {
        #expect(Interpreter.readable(#""Message(text: "Too many locals: 9 vs 1")" at offset 0x23"#) == "Too many locals: 9 vs 1 at offset 0x23")
        #expect(Interpreter.readable("Unexpected end of byte sequence. at offset 0x9") == "Unexpected end of byte sequence. at offset 0x9")
    }

    @Test func proposalsTheCompilerLacksStillRunInTheInterpreter() throws {
        let tail = try wat2wasm("""
            (module
              (func $f (param i32) (result i32) (local.get 0))
              (func (export "g") (param i32) (result i32) (return_call $f (local.get 0))))
            """, features: Interpreter.features)
        #expect(try Interpreter.invoke(tail, function: "g", arguments: ["5"]) == [.i32(5)])
    }

    @Test func invokePrintsWhatCompiledCodePrints() throws {
        let bytes = try wat2wasm("""
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "pair") (param f32) (result f32 i64) (local.get 0) (i64.const -5))
              (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0))))
            """)
        #expect(try Interpreter.invoke(bytes, function: "add", arguments: ["-1", "0x10"]).map(\.description) == ["i32:15"])
        #expect(try Interpreter.invoke(bytes, function: "pair", arguments: ["nan:0x200001"]).map(\.description)
                == ["f32:nan:0x200001 (0x7fa00001)", "i64:-5"])
        #expect(throws: InterpreterTrap(reason: "integer divide by zero")) {
            try Interpreter.invoke(bytes, function: "div", arguments: ["0"])
        }
        #expect(throws: InterpreterError.self) { try Interpreter.invoke(bytes, function: "nope", arguments: []) }
        #expect(throws: InterpreterError.self) { try Interpreter.invoke(bytes, function: "add", arguments: ["1"]) }
        #expect(throws: ValueParseError.self) { try Interpreter.invoke(bytes, function: "add", arguments: ["1", "x"]) }
    }
}
