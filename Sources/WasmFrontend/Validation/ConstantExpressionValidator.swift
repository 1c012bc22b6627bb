import WasmBinary

/// Constant expressions (global initializers, segment offsets and element initializers).
/// > Note: https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions
extension ValidationContext {
    /// Checks that `expression` is constant and produces exactly one `expected` value. It may read
    /// immutable globals among the first `visibleGlobals` (imports, then those defined before a global
    /// being initialised; all of them elsewhere), and compute with the extended constant operators
    /// (`i32`/`i64` `add`, `sub`, `mul`); `ref.func` may name any function.
    func validate(_ expression: ConstantExpression, produces expected: ValueType, visibleGlobals: Int? = nil) throws(WasmError) {
        let offset = expression.offset
        var stack: [ValueType] = []
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const: stack.append(.i32)
            case .i64Const: stack.append(.i64)
            case .f32Const: stack.append(.f32)
            case .f64Const: stack.append(.f64)
            case .v128Const: stack.append(.v128)
            case .refNull(let reference): stack.append(reference.valueType)
            case .refFunc(let function):
                _ = try functionType(function, at: offset)
                stack.append(.funcref)
            case .globalGet(let index):
                let visible = version == .v2 ? importedGlobalCount : visibleGlobals ?? globals.count
                guard index < visible else { throw .invalid(at: offset, "unknown global \(index)") }
                let global = globals[Int(index)]
                guard global.mutability == .constant else {
                    throw .invalid(at: offset, "constant expression required")
                }
                stack.append(global.valueType)
            case .plain(let op) where version != .v2:
                guard let type = Self.extendedConstantType(op) else { throw .invalid(at: offset, "constant expression required") }
                guard stack.count >= 2, stack.removeLast() == type, stack.removeLast() == type else {
                    throw .invalid(at: offset, "type mismatch")
                }
                stack.append(type)
            default:
                throw .invalid(at: offset, "constant expression required")
            }
        }
        guard stack == [expected] else { throw .invalid(at: offset, "type mismatch") }
    }

    /// The operand and result type of an operator allowed in constant expressions (extended constants).
    static func extendedConstantType(_ op: PlainOp) -> ValueType? {
        switch op {
        case .i32Add, .i32Sub, .i32Mul: .i32
        case .i64Add, .i64Sub, .i64Mul: .i64
        default: nil
        }
    }

    /// Adds every function a constant expression names to `refs`.
    mutating func declareFunctions(in expression: ConstantExpression) {
        for case .refFunc(let function) in expression.instructions { declare(function: function) }
    }
}
