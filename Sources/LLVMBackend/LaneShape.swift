import CLLVM

/// One way of viewing a v128's bits as lanes. Values travel as `<2 x i64>`; each SIMD operator
/// bitcasts to the shape its name starts with (`i8x16.add` works on `<16 x i8>`), which costs nothing.
enum LaneShape: String {
    case i8x16, i16x8, i32x4, i64x2, f32x4, f64x2

    var laneCount: Int {
        switch self {
        case .i8x16: 16
        case .i16x8: 8
        case .i32x4, .f32x4: 4
        case .i64x2, .f64x2: 2
        }
    }

    var laneBits: Int { 128 / laneCount }
    var isFloat: Bool { self == .f32x4 || self == .f64x2 }

    /// The integer shape with the same lanes (`f32x4` → `i32x4`).
    var integerShape: LaneShape {
        switch self {
        case .f32x4: .i32x4
        case .f64x2: .i64x2
        default: self
        }
    }

    /// The integer shape with half as many lanes of twice the width (`i8x16` → `i16x8`).
    var widened: LaneShape? {
        switch self {
        case .i8x16: .i16x8
        case .i16x8: .i32x4
        case .i32x4: .i64x2
        default: nil
        }
    }

    /// The integer shape whose lanes are half as wide (`i16x8` → `i8x16`).
    var narrowed: LaneShape? {
        switch self {
        case .i16x8: .i8x16
        case .i32x4: .i16x8
        case .i64x2: .i32x4
        default: nil
        }
    }

    /// The integer shape with lanes of `bytes` bytes.
    init(integerLaneBytes bytes: Int) {
        switch bytes {
        case 1: self = .i8x16
        case 2: self = .i16x8
        case 4: self = .i32x4
        default: self = .i64x2
        }
    }

    func laneType(in context: LLVMContextRef) -> LLVMTypeRef {
        switch self {
        case .f32x4: LLVMFloatTypeInContext(context)
        case .f64x2: LLVMDoubleTypeInContext(context)
        default: LLVMIntTypeInContext(context, UInt32(laneBits))
        }
    }

    func vectorType(in context: LLVMContextRef, lanes: Int? = nil) -> LLVMTypeRef {
        LLVMVectorType(laneType(in: context), UInt32(lanes ?? laneCount))
    }
}
