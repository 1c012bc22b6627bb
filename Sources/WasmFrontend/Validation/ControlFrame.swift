import WasmBinary

/// One entry of the control stack: a structured instruction (or the function itself) being validated.
/// > Note: https://webassembly.github.io/spec/core/appendix/algorithm.html
struct ControlFrame {
    enum Kind {
        case function, block, loop, `if`, `else`
    }

    var kind: Kind
    var parameters: [ValueType]
    var results: [ValueType]
    /// Operand stack height when the frame was entered; its operands live above it.
    var height: Int
    /// Set after an unconditional branch: the rest of the frame's code is stack-polymorphic.
    var isUnreachable = false

    /// What a branch to this frame carries: a loop's label sits at its start.
    var labelTypes: [ValueType] { kind == .loop ? parameters : results }
}

/// Shared one-element result lists, so `block (result t)` allocates nothing per instruction.
enum SingleResult {
    static let i32: [ValueType] = [.i32]
    static let i64: [ValueType] = [.i64]
    static let f32: [ValueType] = [.f32]
    static let f64: [ValueType] = [.f64]
    static let v128: [ValueType] = [.v128]
    static let funcref: [ValueType] = [.funcref]
    static let externref: [ValueType] = [.externref]

    static func of(_ type: ValueType) -> [ValueType] {
        switch type {
        case .i32: i32
        case .i64: i64
        case .f32: f32
        case .f64: f64
        case .v128: v128
        case .funcref: funcref
        case .externref: externref
        }
    }
}
