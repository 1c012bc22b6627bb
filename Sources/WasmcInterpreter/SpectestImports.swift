import Foundation
import WasmKit
import WasmParser

/// The spec suite's `spectest` module for `--invoke` in the interpreter, as `runtime-c/spectest.c` has
/// it: print functions (same output lines), globals of 666 / 666.6, a funcref table of 10..20 elements
/// and a memory of 1..2 pages.
enum SpectestImports {
    static func define(in imports: inout WasmKit.Imports, store: WasmKit.Store) throws {
        func printer(_ name: String, _ parameters: [WasmKit.ValueType], _ line: @escaping ([WasmKit.Value]) -> String) {
            imports.define(module: "spectest", name: name, WasmKit.Function(store: store, parameters: parameters) { _, arguments in
                print(line(arguments))
                return []
            })
        }
        func i32(_ value: WasmKit.Value) -> String { if case .i32(let bits) = value { "\(Int32(bitPattern: bits)) : i32" } else { "?" } }
        func i64(_ value: WasmKit.Value) -> String { if case .i64(let bits) = value { "\(Int64(bitPattern: bits)) : i64" } else { "?" } }
        func f32(_ value: WasmKit.Value) -> String {
            if case .f32(let bits) = value { String(format: "%.9g : f32", Double(Float(bitPattern: bits))) } else { "?" }
        }
        func f64(_ value: WasmKit.Value) -> String { if case .f64(let bits) = value { String(format: "%.17g : f64", Double(bitPattern: bits)) } else { "?" } }
        printer("print", []) { _ in "" }
        printer("print_i32", [.i32]) { i32($0[0]) }
        printer("print_i64", [.i64]) { i64($0[0]) }
        printer("print_f32", [.f32]) { f32($0[0]) }
        printer("print_f64", [.f64]) { f64($0[0]) }
        printer("print_i32_f32", [.i32, .f32]) { i32($0[0]) + "\n" + f32($0[1]) }
        printer("print_f64_f64", [.f64, .f64]) { f64($0[0]) + "\n" + f64($0[1]) }
        let globals: [(String, WasmKit.ValueType, WasmKit.Value)] = [
            ("global_i32", .i32, .i32(666)), ("global_i64", .i64, .i64(666)),
            ("global_f32", .f32, .f32(Float(666.6).bitPattern)), ("global_f64", .f64, .f64(Double(666.6).bitPattern)),
        ]
        for (name, type, value) in globals {
            imports.define(module: "spectest", name: name,
                           try WasmKit.Global(store: store, type: GlobalType(mutability: .constant, valueType: type), value: value))
        }
        imports.define(module: "spectest", name: "table",
                       try WasmKit.Table(store: store, type: TableType(elementType: .funcRef, limits: Limits(min: 10, max: 20))))
        imports.define(module: "spectest", name: "memory", try WasmKit.Memory(store: store, type: Limits(min: 1, max: 2)))
    }
}
