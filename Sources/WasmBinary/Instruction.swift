/// One decoded instruction of a function body or constant expression.
///
/// Operators with no immediates and a fixed signature are folded into `.plain`; everything that carries
/// an immediate or has a signature that depends on context has its own case.
/// > Note: https://webassembly.github.io/spec/core/binary/instructions.html
public enum Instruction: Hashable, Sendable {
    // Control
    case unreachable
    case nop
    case block(BlockType)
    case loop(BlockType)
    case `if`(BlockType)
    case `else`
    case end
    case br(depth: UInt32)
    case brIf(depth: UInt32)
    case brTable(depths: [UInt32], defaultDepth: UInt32)
    case `return`
    case call(function: UInt32)
    case callIndirect(type: UInt32, table: UInt32)
    /// Tail calls (3.0): the callee's results are the caller's; the caller's frame is gone first.
    case returnCall(function: UInt32)
    case returnCallIndirect(type: UInt32, table: UInt32)

    // Parametric
    case drop
    /// `select` (nil) or the typed `select t*` (exactly one type in 2.0).
    case select(ValueType?)

    // Variables
    case localGet(UInt32)
    case localSet(UInt32)
    case localTee(UInt32)
    case globalGet(UInt32)
    case globalSet(UInt32)

    // Tables
    case tableGet(table: UInt32)
    case tableSet(table: UInt32)
    case tableInit(element: UInt32, table: UInt32)
    case elemDrop(element: UInt32)
    case tableCopy(destination: UInt32, source: UInt32)
    case tableGrow(table: UInt32)
    case tableSize(table: UInt32)
    case tableFill(table: UInt32)

    // Memory
    case load(LoadOp, MemArg)
    case store(StoreOp, MemArg)
    /// `v128.loadN_lane` and `v128.storeN_lane`.
    case laneAccess(LaneAccessOp, MemArg, lane: UInt8)
    case memorySize(memory: UInt32)
    case memoryGrow(memory: UInt32)
    case memoryInit(data: UInt32, memory: UInt32)
    case dataDrop(data: UInt32)
    case memoryCopy(destination: UInt32, source: UInt32)
    case memoryFill(memory: UInt32)

    // Constants
    case i32Const(Int32)
    case i64Const(Int64)
    /// Raw IEEE-754 bits, so NaN payloads survive.
    case f32Const(UInt32)
    case f64Const(UInt64)
    case v128Const(V128)

    // References
    case refNull(ReferenceType)
    case refIsNull
    case refFunc(function: UInt32)

    // Operators without immediates (numeric, conversions, most SIMD)
    case plain(PlainOp)

    // SIMD operators with lane immediates
    case shuffle(lanes: [UInt8])
    case extractLane(LaneOp, lane: UInt8)
    case replaceLane(LaneOp, lane: UInt8)
}

/// Loads, including the SIMD extending, splatting and zero-filling loads.
public enum LoadOp: String, Hashable, Sendable, CaseIterable {
    case i32Load = "i32.load", i64Load = "i64.load", f32Load = "f32.load", f64Load = "f64.load"
    case i32Load8S = "i32.load8_s", i32Load8U = "i32.load8_u", i32Load16S = "i32.load16_s", i32Load16U = "i32.load16_u"
    case i64Load8S = "i64.load8_s", i64Load8U = "i64.load8_u", i64Load16S = "i64.load16_s", i64Load16U = "i64.load16_u"
    case i64Load32S = "i64.load32_s", i64Load32U = "i64.load32_u"
    case v128Load = "v128.load"
    case v128Load8x8S = "v128.load8x8_s", v128Load8x8U = "v128.load8x8_u"
    case v128Load16x4S = "v128.load16x4_s", v128Load16x4U = "v128.load16x4_u"
    case v128Load32x2S = "v128.load32x2_s", v128Load32x2U = "v128.load32x2_u"
    case v128Load8Splat = "v128.load8_splat", v128Load16Splat = "v128.load16_splat"
    case v128Load32Splat = "v128.load32_splat", v128Load64Splat = "v128.load64_splat"
    case v128Load32Zero = "v128.load32_zero", v128Load64Zero = "v128.load64_zero"

    public var name: String { rawValue }

    /// Bytes read from memory; the natural alignment is this size.
    public var accessSize: Int {
        switch self {
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U, .v128Load8Splat: 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U, .v128Load16Splat: 2
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U, .v128Load32Splat, .v128Load32Zero: 4
        case .i64Load, .f64Load, .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U,
             .v128Load32x2S, .v128Load32x2U, .v128Load64Splat, .v128Load64Zero: 8
        case .v128Load: 16
        }
    }

    public var resultType: ValueType {
        switch self {
        case .i32Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U: .i32
        case .i64Load, .i64Load8S, .i64Load8U, .i64Load16S, .i64Load16U, .i64Load32S, .i64Load32U: .i64
        case .f32Load: .f32
        case .f64Load: .f64
        default: .v128
        }
    }
}

public enum StoreOp: String, Hashable, Sendable, CaseIterable {
    case i32Store = "i32.store", i64Store = "i64.store", f32Store = "f32.store", f64Store = "f64.store"
    case i32Store8 = "i32.store8", i32Store16 = "i32.store16"
    case i64Store8 = "i64.store8", i64Store16 = "i64.store16", i64Store32 = "i64.store32"
    case v128Store = "v128.store"

    public var name: String { rawValue }

    public var accessSize: Int {
        switch self {
        case .i32Store8, .i64Store8: 1
        case .i32Store16, .i64Store16: 2
        case .i32Store, .f32Store, .i64Store32: 4
        case .i64Store, .f64Store: 8
        case .v128Store: 16
        }
    }

    public var valueType: ValueType {
        switch self {
        case .i32Store, .i32Store8, .i32Store16: .i32
        case .i64Store, .i64Store8, .i64Store16, .i64Store32: .i64
        case .f32Store: .f32
        case .f64Store: .f64
        case .v128Store: .v128
        }
    }
}

/// `v128.loadN_lane` / `v128.storeN_lane`.
public enum LaneAccessOp: String, Hashable, Sendable, CaseIterable {
    case load8Lane = "v128.load8_lane", load16Lane = "v128.load16_lane"
    case load32Lane = "v128.load32_lane", load64Lane = "v128.load64_lane"
    case store8Lane = "v128.store8_lane", store16Lane = "v128.store16_lane"
    case store32Lane = "v128.store32_lane", store64Lane = "v128.store64_lane"

    public var name: String { rawValue }
    public var isStore: Bool { rawValue.hasPrefix("v128.store") }
    public var accessSize: Int {
        switch self {
        case .load8Lane, .store8Lane: 1
        case .load16Lane, .store16Lane: 2
        case .load32Lane, .store32Lane: 4
        case .load64Lane, .store64Lane: 8
        }
    }
    public var laneCount: Int { 16 / accessSize }
}

/// The lane shape of `extract_lane` / `replace_lane`.
public enum LaneOp: String, Hashable, Sendable, CaseIterable {
    case i8x16S = "i8x16.extract_lane_s", i8x16U = "i8x16.extract_lane_u", i8x16 = "i8x16.replace_lane"
    case i16x8S = "i16x8.extract_lane_s", i16x8U = "i16x8.extract_lane_u", i16x8 = "i16x8.replace_lane"
    case i32x4 = "i32x4.lane", i64x2 = "i64x2.lane", f32x4 = "f32x4.lane", f64x2 = "f64x2.lane"

    public var laneCount: Int {
        switch self {
        case .i8x16S, .i8x16U, .i8x16: 16
        case .i16x8S, .i16x8U, .i16x8: 8
        case .i32x4, .f32x4: 4
        case .i64x2, .f64x2: 2
        }
    }

    /// The scalar type of one lane as seen on the operand stack.
    public var scalarType: ValueType {
        switch self {
        case .i8x16S, .i8x16U, .i8x16, .i16x8S, .i16x8U, .i16x8, .i32x4: .i32
        case .i64x2: .i64
        case .f32x4: .f32
        case .f64x2: .f64
        }
    }

    /// The shape name for text output (`i8x16`, `f64x2`, …).
    public var shape: String { String(rawValue.prefix(5)) }
}
