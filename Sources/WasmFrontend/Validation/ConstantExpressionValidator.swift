import WasmBinary

/// Constant expressions (global initializers, segment offsets and element initializers).
/// > Note: https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions
extension ValidationContext {
    /// Checks that `expression` is constant and produces exactly one `expected` value. In 2.0 it may
    /// only read imported immutable globals; `ref.func` may name any function.
    func validate(_ expression: ConstantExpression, produces expected: ValueType) throws(WasmError) {
        var produced: ValueType?
        var count = 0
        for instruction in expression.instructions {
            let offset = expression.offset
            let type: ValueType
            switch instruction {
            case .i32Const: type = .i32
            case .i64Const: type = .i64
            case .f32Const: type = .f32
            case .f64Const: type = .f64
            case .v128Const: type = .v128
            case .refNull(let reference): type = reference.valueType
            case .refFunc(let function):
                _ = try functionType(function, at: offset)
                type = .funcref
            case .globalGet(let index):
                guard index < importedGlobalCount else { throw .invalid(at: offset, "unknown global \(index)") }
                let global = globals[Int(index)]
                guard global.mutability == .constant else {
                    throw .invalid(at: offset, "constant expression required")
                }
                type = global.valueType
            default:
                throw .invalid(at: offset, "constant expression required")
            }
            produced = type
            count += 1
        }
        guard count == 1, produced == expected else { throw .invalid(at: expression.offset, "type mismatch") }
    }

    /// Adds every function a constant expression names to `refs`.
    mutating func declareFunctions(in expression: ConstantExpression) {
        for case .refFunc(let function) in expression.instructions { declare(function: function) }
    }
}
