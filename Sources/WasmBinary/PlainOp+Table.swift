// The operator table of the WebAssembly core spec, 2.0 plus the relaxed SIMD operators of 3.0 (binary
// opcodes from the spec index of instructions).

/// An operator with no immediates and a fixed signature: every numeric, comparison and conversion
/// operator of the core spec and every SIMD operator that takes only operands.
public enum PlainOp: UInt16, CaseIterable, Sendable {
    case i32Eqz
    case i32Eq
    case i32Ne
    case i32LtS
    case i32LtU
    case i32GtS
    case i32GtU
    case i32LeS
    case i32LeU
    case i32GeS
    case i32GeU
    case i64Eqz
    case i64Eq
    case i64Ne
    case i64LtS
    case i64LtU
    case i64GtS
    case i64GtU
    case i64LeS
    case i64LeU
    case i64GeS
    case i64GeU
    case f32Eq
    case f32Ne
    case f32Lt
    case f32Gt
    case f32Le
    case f32Ge
    case f64Eq
    case f64Ne
    case f64Lt
    case f64Gt
    case f64Le
    case f64Ge
    case i32Clz
    case i32Ctz
    case i32Popcnt
    case i32Add
    case i32Sub
    case i32Mul
    case i32DivS
    case i32DivU
    case i32RemS
    case i32RemU
    case i32And
    case i32Or
    case i32Xor
    case i32Shl
    case i32ShrS
    case i32ShrU
    case i32Rotl
    case i32Rotr
    case i64Clz
    case i64Ctz
    case i64Popcnt
    case i64Add
    case i64Sub
    case i64Mul
    case i64DivS
    case i64DivU
    case i64RemS
    case i64RemU
    case i64And
    case i64Or
    case i64Xor
    case i64Shl
    case i64ShrS
    case i64ShrU
    case i64Rotl
    case i64Rotr
    case f32Abs
    case f32Neg
    case f32Ceil
    case f32Floor
    case f32Trunc
    case f32Nearest
    case f32Sqrt
    case f32Add
    case f32Sub
    case f32Mul
    case f32Div
    case f32Min
    case f32Max
    case f32Copysign
    case f64Abs
    case f64Neg
    case f64Ceil
    case f64Floor
    case f64Trunc
    case f64Nearest
    case f64Sqrt
    case f64Add
    case f64Sub
    case f64Mul
    case f64Div
    case f64Min
    case f64Max
    case f64Copysign
    case i32WrapI64
    case i32TruncF32S
    case i32TruncF32U
    case i32TruncF64S
    case i32TruncF64U
    case i64ExtendI32S
    case i64ExtendI32U
    case i64TruncF32S
    case i64TruncF32U
    case i64TruncF64S
    case i64TruncF64U
    case f32ConvertI32S
    case f32ConvertI32U
    case f32ConvertI64S
    case f32ConvertI64U
    case f32DemoteF64
    case f64ConvertI32S
    case f64ConvertI32U
    case f64ConvertI64S
    case f64ConvertI64U
    case f64PromoteF32
    case i32ReinterpretF32
    case i64ReinterpretF64
    case f32ReinterpretI32
    case f64ReinterpretI64
    case i32Extend8S
    case i32Extend16S
    case i64Extend8S
    case i64Extend16S
    case i64Extend32S
    case i32TruncSatF32S
    case i32TruncSatF32U
    case i32TruncSatF64S
    case i32TruncSatF64U
    case i64TruncSatF32S
    case i64TruncSatF32U
    case i64TruncSatF64S
    case i64TruncSatF64U
    case i8x16Swizzle
    case i8x16Splat
    case i16x8Splat
    case i32x4Splat
    case i64x2Splat
    case f32x4Splat
    case f64x2Splat
    case i8x16Eq
    case i8x16Ne
    case i8x16LtS
    case i8x16LtU
    case i8x16GtS
    case i8x16GtU
    case i8x16LeS
    case i8x16LeU
    case i8x16GeS
    case i8x16GeU
    case i16x8Eq
    case i16x8Ne
    case i16x8LtS
    case i16x8LtU
    case i16x8GtS
    case i16x8GtU
    case i16x8LeS
    case i16x8LeU
    case i16x8GeS
    case i16x8GeU
    case i32x4Eq
    case i32x4Ne
    case i32x4LtS
    case i32x4LtU
    case i32x4GtS
    case i32x4GtU
    case i32x4LeS
    case i32x4LeU
    case i32x4GeS
    case i32x4GeU
    case f32x4Eq
    case f32x4Ne
    case f32x4Lt
    case f32x4Gt
    case f32x4Le
    case f32x4Ge
    case f64x2Eq
    case f64x2Ne
    case f64x2Lt
    case f64x2Gt
    case f64x2Le
    case f64x2Ge
    case v128Not
    case v128And
    case v128Andnot
    case v128Or
    case v128Xor
    case v128Bitselect
    case i8x16Abs
    case i8x16Neg
    case i8x16AllTrue
    case i8x16Bitmask
    case i8x16NarrowI16x8S
    case i8x16NarrowI16x8U
    case i8x16Shl
    case i8x16ShrS
    case i8x16ShrU
    case i8x16Add
    case i8x16AddSatS
    case i8x16AddSatU
    case i8x16Sub
    case i8x16SubSatS
    case i8x16SubSatU
    case i8x16MinS
    case i8x16MinU
    case i8x16MaxS
    case i8x16MaxU
    case i8x16AvgrU
    case i16x8Abs
    case i16x8Neg
    case i16x8AllTrue
    case i16x8Bitmask
    case i16x8NarrowI32x4S
    case i16x8NarrowI32x4U
    case i16x8ExtendLowI8x16S
    case i16x8ExtendHighI8x16S
    case i16x8ExtendLowI8x16U
    case i16x8ExtendHighI8x16U
    case i16x8Shl
    case i16x8ShrS
    case i16x8ShrU
    case i16x8Add
    case i16x8AddSatS
    case i16x8AddSatU
    case i16x8Sub
    case i16x8SubSatS
    case i16x8SubSatU
    case i16x8Mul
    case i16x8MinS
    case i16x8MinU
    case i16x8MaxS
    case i16x8MaxU
    case i16x8AvgrU
    case i32x4Abs
    case i32x4Neg
    case i32x4AllTrue
    case i32x4Bitmask
    case i32x4ExtendLowI16x8S
    case i32x4ExtendHighI16x8S
    case i32x4ExtendLowI16x8U
    case i32x4ExtendHighI16x8U
    case i32x4Shl
    case i32x4ShrS
    case i32x4ShrU
    case i32x4Add
    case i32x4Sub
    case i32x4Mul
    case i32x4MinS
    case i32x4MinU
    case i32x4MaxS
    case i32x4MaxU
    case i32x4DotI16x8S
    case i64x2Abs
    case i64x2Neg
    case i64x2Bitmask
    case i64x2ExtendLowI32x4S
    case i64x2ExtendHighI32x4S
    case i64x2ExtendLowI32x4U
    case i64x2ExtendHighI32x4U
    case i64x2Shl
    case i64x2ShrS
    case i64x2ShrU
    case i64x2Add
    case i64x2Sub
    case i64x2Mul
    case f32x4Ceil
    case f32x4Floor
    case f32x4Trunc
    case f32x4Nearest
    case f64x2Ceil
    case f64x2Floor
    case f64x2Trunc
    case f64x2Nearest
    case f32x4Abs
    case f32x4Neg
    case f32x4Sqrt
    case f32x4Add
    case f32x4Sub
    case f32x4Mul
    case f32x4Div
    case f32x4Min
    case f32x4Max
    case f32x4Pmin
    case f32x4Pmax
    case f64x2Abs
    case f64x2Neg
    case f64x2Sqrt
    case f64x2Add
    case f64x2Sub
    case f64x2Mul
    case f64x2Div
    case f64x2Min
    case f64x2Max
    case f64x2Pmin
    case f64x2Pmax
    case i32x4TruncSatF32x4S
    case i32x4TruncSatF32x4U
    case f32x4ConvertI32x4S
    case f32x4ConvertI32x4U
    case i16x8ExtmulLowI8x16S
    case i16x8ExtmulHighI8x16S
    case i16x8ExtmulLowI8x16U
    case i16x8ExtmulHighI8x16U
    case i32x4ExtmulLowI16x8S
    case i32x4ExtmulHighI16x8S
    case i32x4ExtmulLowI16x8U
    case i32x4ExtmulHighI16x8U
    case i64x2ExtmulLowI32x4S
    case i64x2ExtmulHighI32x4S
    case i64x2ExtmulLowI32x4U
    case i64x2ExtmulHighI32x4U
    case i16x8Q15mulrSatS
    case v128AnyTrue
    case i64x2Eq
    case i64x2Ne
    case i64x2LtS
    case i64x2GtS
    case i64x2LeS
    case i64x2GeS
    case i64x2AllTrue
    case f64x2ConvertLowI32x4S
    case f64x2ConvertLowI32x4U
    case i32x4TruncSatF64x2SZero
    case i32x4TruncSatF64x2UZero
    case f32x4DemoteF64x2Zero
    case f64x2PromoteLowF32x4
    case i8x16Popcnt
    case i16x8ExtaddPairwiseI8x16S
    case i16x8ExtaddPairwiseI8x16U
    case i32x4ExtaddPairwiseI16x8S
    case i32x4ExtaddPairwiseI16x8U
    // Relaxed SIMD (3.0)
    case i8x16RelaxedSwizzle
    case i32x4RelaxedTruncF32x4S
    case i32x4RelaxedTruncF32x4U
    case i32x4RelaxedTruncF64x2SZero
    case i32x4RelaxedTruncF64x2UZero
    case f32x4RelaxedMadd
    case f32x4RelaxedNmadd
    case f64x2RelaxedMadd
    case f64x2RelaxedNmadd
    case i8x16RelaxedLaneselect
    case i16x8RelaxedLaneselect
    case i32x4RelaxedLaneselect
    case i64x2RelaxedLaneselect
    case f32x4RelaxedMin
    case f32x4RelaxedMax
    case f64x2RelaxedMin
    case f64x2RelaxedMax
    case i16x8RelaxedQ15mulrS
    case i16x8RelaxedDotI8x16I7x16S
    case i32x4RelaxedDotI8x16I7x16AddS
}

extension PlainOp {
    /// Static facts about each operator, indexed by `rawValue`.
    struct Info { let name: String; let prefix: UInt8; let opcode: UInt32; let operands: [ValueType]; let result: ValueType }

    static let table: [Info] = [
        Info(name: "i32.eqz", prefix: 0x00, opcode: 0x45, operands: [.i32], result: .i32),
        Info(name: "i32.eq", prefix: 0x00, opcode: 0x46, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.ne", prefix: 0x00, opcode: 0x47, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.lt_s", prefix: 0x00, opcode: 0x48, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.lt_u", prefix: 0x00, opcode: 0x49, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.gt_s", prefix: 0x00, opcode: 0x4A, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.gt_u", prefix: 0x00, opcode: 0x4B, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.le_s", prefix: 0x00, opcode: 0x4C, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.le_u", prefix: 0x00, opcode: 0x4D, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.ge_s", prefix: 0x00, opcode: 0x4E, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.ge_u", prefix: 0x00, opcode: 0x4F, operands: [.i32, .i32], result: .i32),
        Info(name: "i64.eqz", prefix: 0x00, opcode: 0x50, operands: [.i64], result: .i32),
        Info(name: "i64.eq", prefix: 0x00, opcode: 0x51, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.ne", prefix: 0x00, opcode: 0x52, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.lt_s", prefix: 0x00, opcode: 0x53, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.lt_u", prefix: 0x00, opcode: 0x54, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.gt_s", prefix: 0x00, opcode: 0x55, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.gt_u", prefix: 0x00, opcode: 0x56, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.le_s", prefix: 0x00, opcode: 0x57, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.le_u", prefix: 0x00, opcode: 0x58, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.ge_s", prefix: 0x00, opcode: 0x59, operands: [.i64, .i64], result: .i32),
        Info(name: "i64.ge_u", prefix: 0x00, opcode: 0x5A, operands: [.i64, .i64], result: .i32),
        Info(name: "f32.eq", prefix: 0x00, opcode: 0x5B, operands: [.f32, .f32], result: .i32),
        Info(name: "f32.ne", prefix: 0x00, opcode: 0x5C, operands: [.f32, .f32], result: .i32),
        Info(name: "f32.lt", prefix: 0x00, opcode: 0x5D, operands: [.f32, .f32], result: .i32),
        Info(name: "f32.gt", prefix: 0x00, opcode: 0x5E, operands: [.f32, .f32], result: .i32),
        Info(name: "f32.le", prefix: 0x00, opcode: 0x5F, operands: [.f32, .f32], result: .i32),
        Info(name: "f32.ge", prefix: 0x00, opcode: 0x60, operands: [.f32, .f32], result: .i32),
        Info(name: "f64.eq", prefix: 0x00, opcode: 0x61, operands: [.f64, .f64], result: .i32),
        Info(name: "f64.ne", prefix: 0x00, opcode: 0x62, operands: [.f64, .f64], result: .i32),
        Info(name: "f64.lt", prefix: 0x00, opcode: 0x63, operands: [.f64, .f64], result: .i32),
        Info(name: "f64.gt", prefix: 0x00, opcode: 0x64, operands: [.f64, .f64], result: .i32),
        Info(name: "f64.le", prefix: 0x00, opcode: 0x65, operands: [.f64, .f64], result: .i32),
        Info(name: "f64.ge", prefix: 0x00, opcode: 0x66, operands: [.f64, .f64], result: .i32),
        Info(name: "i32.clz", prefix: 0x00, opcode: 0x67, operands: [.i32], result: .i32),
        Info(name: "i32.ctz", prefix: 0x00, opcode: 0x68, operands: [.i32], result: .i32),
        Info(name: "i32.popcnt", prefix: 0x00, opcode: 0x69, operands: [.i32], result: .i32),
        Info(name: "i32.add", prefix: 0x00, opcode: 0x6A, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.sub", prefix: 0x00, opcode: 0x6B, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.mul", prefix: 0x00, opcode: 0x6C, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.div_s", prefix: 0x00, opcode: 0x6D, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.div_u", prefix: 0x00, opcode: 0x6E, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.rem_s", prefix: 0x00, opcode: 0x6F, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.rem_u", prefix: 0x00, opcode: 0x70, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.and", prefix: 0x00, opcode: 0x71, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.or", prefix: 0x00, opcode: 0x72, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.xor", prefix: 0x00, opcode: 0x73, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.shl", prefix: 0x00, opcode: 0x74, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.shr_s", prefix: 0x00, opcode: 0x75, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.shr_u", prefix: 0x00, opcode: 0x76, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.rotl", prefix: 0x00, opcode: 0x77, operands: [.i32, .i32], result: .i32),
        Info(name: "i32.rotr", prefix: 0x00, opcode: 0x78, operands: [.i32, .i32], result: .i32),
        Info(name: "i64.clz", prefix: 0x00, opcode: 0x79, operands: [.i64], result: .i64),
        Info(name: "i64.ctz", prefix: 0x00, opcode: 0x7A, operands: [.i64], result: .i64),
        Info(name: "i64.popcnt", prefix: 0x00, opcode: 0x7B, operands: [.i64], result: .i64),
        Info(name: "i64.add", prefix: 0x00, opcode: 0x7C, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.sub", prefix: 0x00, opcode: 0x7D, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.mul", prefix: 0x00, opcode: 0x7E, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.div_s", prefix: 0x00, opcode: 0x7F, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.div_u", prefix: 0x00, opcode: 0x80, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.rem_s", prefix: 0x00, opcode: 0x81, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.rem_u", prefix: 0x00, opcode: 0x82, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.and", prefix: 0x00, opcode: 0x83, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.or", prefix: 0x00, opcode: 0x84, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.xor", prefix: 0x00, opcode: 0x85, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.shl", prefix: 0x00, opcode: 0x86, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.shr_s", prefix: 0x00, opcode: 0x87, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.shr_u", prefix: 0x00, opcode: 0x88, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.rotl", prefix: 0x00, opcode: 0x89, operands: [.i64, .i64], result: .i64),
        Info(name: "i64.rotr", prefix: 0x00, opcode: 0x8A, operands: [.i64, .i64], result: .i64),
        Info(name: "f32.abs", prefix: 0x00, opcode: 0x8B, operands: [.f32], result: .f32),
        Info(name: "f32.neg", prefix: 0x00, opcode: 0x8C, operands: [.f32], result: .f32),
        Info(name: "f32.ceil", prefix: 0x00, opcode: 0x8D, operands: [.f32], result: .f32),
        Info(name: "f32.floor", prefix: 0x00, opcode: 0x8E, operands: [.f32], result: .f32),
        Info(name: "f32.trunc", prefix: 0x00, opcode: 0x8F, operands: [.f32], result: .f32),
        Info(name: "f32.nearest", prefix: 0x00, opcode: 0x90, operands: [.f32], result: .f32),
        Info(name: "f32.sqrt", prefix: 0x00, opcode: 0x91, operands: [.f32], result: .f32),
        Info(name: "f32.add", prefix: 0x00, opcode: 0x92, operands: [.f32, .f32], result: .f32),
        Info(name: "f32.sub", prefix: 0x00, opcode: 0x93, operands: [.f32, .f32], result: .f32),
        Info(name: "f32.mul", prefix: 0x00, opcode: 0x94, operands: [.f32, .f32], result: .f32),
        Info(name: "f32.div", prefix: 0x00, opcode: 0x95, operands: [.f32, .f32], result: .f32),
        Info(name: "f32.min", prefix: 0x00, opcode: 0x96, operands: [.f32, .f32], result: .f32),
        Info(name: "f32.max", prefix: 0x00, opcode: 0x97, operands: [.f32, .f32], result: .f32),
        Info(name: "f32.copysign", prefix: 0x00, opcode: 0x98, operands: [.f32, .f32], result: .f32),
        Info(name: "f64.abs", prefix: 0x00, opcode: 0x99, operands: [.f64], result: .f64),
        Info(name: "f64.neg", prefix: 0x00, opcode: 0x9A, operands: [.f64], result: .f64),
        Info(name: "f64.ceil", prefix: 0x00, opcode: 0x9B, operands: [.f64], result: .f64),
        Info(name: "f64.floor", prefix: 0x00, opcode: 0x9C, operands: [.f64], result: .f64),
        Info(name: "f64.trunc", prefix: 0x00, opcode: 0x9D, operands: [.f64], result: .f64),
        Info(name: "f64.nearest", prefix: 0x00, opcode: 0x9E, operands: [.f64], result: .f64),
        Info(name: "f64.sqrt", prefix: 0x00, opcode: 0x9F, operands: [.f64], result: .f64),
        Info(name: "f64.add", prefix: 0x00, opcode: 0xA0, operands: [.f64, .f64], result: .f64),
        Info(name: "f64.sub", prefix: 0x00, opcode: 0xA1, operands: [.f64, .f64], result: .f64),
        Info(name: "f64.mul", prefix: 0x00, opcode: 0xA2, operands: [.f64, .f64], result: .f64),
        Info(name: "f64.div", prefix: 0x00, opcode: 0xA3, operands: [.f64, .f64], result: .f64),
        Info(name: "f64.min", prefix: 0x00, opcode: 0xA4, operands: [.f64, .f64], result: .f64),
        Info(name: "f64.max", prefix: 0x00, opcode: 0xA5, operands: [.f64, .f64], result: .f64),
        Info(name: "f64.copysign", prefix: 0x00, opcode: 0xA6, operands: [.f64, .f64], result: .f64),
        Info(name: "i32.wrap_i64", prefix: 0x00, opcode: 0xA7, operands: [.i64], result: .i32),
        Info(name: "i32.trunc_f32_s", prefix: 0x00, opcode: 0xA8, operands: [.f32], result: .i32),
        Info(name: "i32.trunc_f32_u", prefix: 0x00, opcode: 0xA9, operands: [.f32], result: .i32),
        Info(name: "i32.trunc_f64_s", prefix: 0x00, opcode: 0xAA, operands: [.f64], result: .i32),
        Info(name: "i32.trunc_f64_u", prefix: 0x00, opcode: 0xAB, operands: [.f64], result: .i32),
        Info(name: "i64.extend_i32_s", prefix: 0x00, opcode: 0xAC, operands: [.i32], result: .i64),
        Info(name: "i64.extend_i32_u", prefix: 0x00, opcode: 0xAD, operands: [.i32], result: .i64),
        Info(name: "i64.trunc_f32_s", prefix: 0x00, opcode: 0xAE, operands: [.f32], result: .i64),
        Info(name: "i64.trunc_f32_u", prefix: 0x00, opcode: 0xAF, operands: [.f32], result: .i64),
        Info(name: "i64.trunc_f64_s", prefix: 0x00, opcode: 0xB0, operands: [.f64], result: .i64),
        Info(name: "i64.trunc_f64_u", prefix: 0x00, opcode: 0xB1, operands: [.f64], result: .i64),
        Info(name: "f32.convert_i32_s", prefix: 0x00, opcode: 0xB2, operands: [.i32], result: .f32),
        Info(name: "f32.convert_i32_u", prefix: 0x00, opcode: 0xB3, operands: [.i32], result: .f32),
        Info(name: "f32.convert_i64_s", prefix: 0x00, opcode: 0xB4, operands: [.i64], result: .f32),
        Info(name: "f32.convert_i64_u", prefix: 0x00, opcode: 0xB5, operands: [.i64], result: .f32),
        Info(name: "f32.demote_f64", prefix: 0x00, opcode: 0xB6, operands: [.f64], result: .f32),
        Info(name: "f64.convert_i32_s", prefix: 0x00, opcode: 0xB7, operands: [.i32], result: .f64),
        Info(name: "f64.convert_i32_u", prefix: 0x00, opcode: 0xB8, operands: [.i32], result: .f64),
        Info(name: "f64.convert_i64_s", prefix: 0x00, opcode: 0xB9, operands: [.i64], result: .f64),
        Info(name: "f64.convert_i64_u", prefix: 0x00, opcode: 0xBA, operands: [.i64], result: .f64),
        Info(name: "f64.promote_f32", prefix: 0x00, opcode: 0xBB, operands: [.f32], result: .f64),
        Info(name: "i32.reinterpret_f32", prefix: 0x00, opcode: 0xBC, operands: [.f32], result: .i32),
        Info(name: "i64.reinterpret_f64", prefix: 0x00, opcode: 0xBD, operands: [.f64], result: .i64),
        Info(name: "f32.reinterpret_i32", prefix: 0x00, opcode: 0xBE, operands: [.i32], result: .f32),
        Info(name: "f64.reinterpret_i64", prefix: 0x00, opcode: 0xBF, operands: [.i64], result: .f64),
        Info(name: "i32.extend8_s", prefix: 0x00, opcode: 0xC0, operands: [.i32], result: .i32),
        Info(name: "i32.extend16_s", prefix: 0x00, opcode: 0xC1, operands: [.i32], result: .i32),
        Info(name: "i64.extend8_s", prefix: 0x00, opcode: 0xC2, operands: [.i64], result: .i64),
        Info(name: "i64.extend16_s", prefix: 0x00, opcode: 0xC3, operands: [.i64], result: .i64),
        Info(name: "i64.extend32_s", prefix: 0x00, opcode: 0xC4, operands: [.i64], result: .i64),
        Info(name: "i32.trunc_sat_f32_s", prefix: 0xFC, opcode: 0x00, operands: [.f32], result: .i32),
        Info(name: "i32.trunc_sat_f32_u", prefix: 0xFC, opcode: 0x01, operands: [.f32], result: .i32),
        Info(name: "i32.trunc_sat_f64_s", prefix: 0xFC, opcode: 0x02, operands: [.f64], result: .i32),
        Info(name: "i32.trunc_sat_f64_u", prefix: 0xFC, opcode: 0x03, operands: [.f64], result: .i32),
        Info(name: "i64.trunc_sat_f32_s", prefix: 0xFC, opcode: 0x04, operands: [.f32], result: .i64),
        Info(name: "i64.trunc_sat_f32_u", prefix: 0xFC, opcode: 0x05, operands: [.f32], result: .i64),
        Info(name: "i64.trunc_sat_f64_s", prefix: 0xFC, opcode: 0x06, operands: [.f64], result: .i64),
        Info(name: "i64.trunc_sat_f64_u", prefix: 0xFC, opcode: 0x07, operands: [.f64], result: .i64),
        Info(name: "i8x16.swizzle", prefix: 0xFD, opcode: 0x0E, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.splat", prefix: 0xFD, opcode: 0x0F, operands: [.i32], result: .v128),
        Info(name: "i16x8.splat", prefix: 0xFD, opcode: 0x10, operands: [.i32], result: .v128),
        Info(name: "i32x4.splat", prefix: 0xFD, opcode: 0x11, operands: [.i32], result: .v128),
        Info(name: "i64x2.splat", prefix: 0xFD, opcode: 0x12, operands: [.i64], result: .v128),
        Info(name: "f32x4.splat", prefix: 0xFD, opcode: 0x13, operands: [.f32], result: .v128),
        Info(name: "f64x2.splat", prefix: 0xFD, opcode: 0x14, operands: [.f64], result: .v128),
        Info(name: "i8x16.eq", prefix: 0xFD, opcode: 0x23, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.ne", prefix: 0xFD, opcode: 0x24, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.lt_s", prefix: 0xFD, opcode: 0x25, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.lt_u", prefix: 0xFD, opcode: 0x26, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.gt_s", prefix: 0xFD, opcode: 0x27, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.gt_u", prefix: 0xFD, opcode: 0x28, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.le_s", prefix: 0xFD, opcode: 0x29, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.le_u", prefix: 0xFD, opcode: 0x2A, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.ge_s", prefix: 0xFD, opcode: 0x2B, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.ge_u", prefix: 0xFD, opcode: 0x2C, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.eq", prefix: 0xFD, opcode: 0x2D, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.ne", prefix: 0xFD, opcode: 0x2E, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.lt_s", prefix: 0xFD, opcode: 0x2F, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.lt_u", prefix: 0xFD, opcode: 0x30, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.gt_s", prefix: 0xFD, opcode: 0x31, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.gt_u", prefix: 0xFD, opcode: 0x32, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.le_s", prefix: 0xFD, opcode: 0x33, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.le_u", prefix: 0xFD, opcode: 0x34, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.ge_s", prefix: 0xFD, opcode: 0x35, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.ge_u", prefix: 0xFD, opcode: 0x36, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.eq", prefix: 0xFD, opcode: 0x37, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.ne", prefix: 0xFD, opcode: 0x38, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.lt_s", prefix: 0xFD, opcode: 0x39, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.lt_u", prefix: 0xFD, opcode: 0x3A, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.gt_s", prefix: 0xFD, opcode: 0x3B, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.gt_u", prefix: 0xFD, opcode: 0x3C, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.le_s", prefix: 0xFD, opcode: 0x3D, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.le_u", prefix: 0xFD, opcode: 0x3E, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.ge_s", prefix: 0xFD, opcode: 0x3F, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.ge_u", prefix: 0xFD, opcode: 0x40, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.eq", prefix: 0xFD, opcode: 0x41, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.ne", prefix: 0xFD, opcode: 0x42, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.lt", prefix: 0xFD, opcode: 0x43, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.gt", prefix: 0xFD, opcode: 0x44, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.le", prefix: 0xFD, opcode: 0x45, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.ge", prefix: 0xFD, opcode: 0x46, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.eq", prefix: 0xFD, opcode: 0x47, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.ne", prefix: 0xFD, opcode: 0x48, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.lt", prefix: 0xFD, opcode: 0x49, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.gt", prefix: 0xFD, opcode: 0x4A, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.le", prefix: 0xFD, opcode: 0x4B, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.ge", prefix: 0xFD, opcode: 0x4C, operands: [.v128, .v128], result: .v128),
        Info(name: "v128.not", prefix: 0xFD, opcode: 0x4D, operands: [.v128], result: .v128),
        Info(name: "v128.and", prefix: 0xFD, opcode: 0x4E, operands: [.v128, .v128], result: .v128),
        Info(name: "v128.andnot", prefix: 0xFD, opcode: 0x4F, operands: [.v128, .v128], result: .v128),
        Info(name: "v128.or", prefix: 0xFD, opcode: 0x50, operands: [.v128, .v128], result: .v128),
        Info(name: "v128.xor", prefix: 0xFD, opcode: 0x51, operands: [.v128, .v128], result: .v128),
        Info(name: "v128.bitselect", prefix: 0xFD, opcode: 0x52, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "i8x16.abs", prefix: 0xFD, opcode: 0x60, operands: [.v128], result: .v128),
        Info(name: "i8x16.neg", prefix: 0xFD, opcode: 0x61, operands: [.v128], result: .v128),
        Info(name: "i8x16.all_true", prefix: 0xFD, opcode: 0x63, operands: [.v128], result: .i32),
        Info(name: "i8x16.bitmask", prefix: 0xFD, opcode: 0x64, operands: [.v128], result: .i32),
        Info(name: "i8x16.narrow_i16x8_s", prefix: 0xFD, opcode: 0x65, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.narrow_i16x8_u", prefix: 0xFD, opcode: 0x66, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.shl", prefix: 0xFD, opcode: 0x6B, operands: [.v128, .i32], result: .v128),
        Info(name: "i8x16.shr_s", prefix: 0xFD, opcode: 0x6C, operands: [.v128, .i32], result: .v128),
        Info(name: "i8x16.shr_u", prefix: 0xFD, opcode: 0x6D, operands: [.v128, .i32], result: .v128),
        Info(name: "i8x16.add", prefix: 0xFD, opcode: 0x6E, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.add_sat_s", prefix: 0xFD, opcode: 0x6F, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.add_sat_u", prefix: 0xFD, opcode: 0x70, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.sub", prefix: 0xFD, opcode: 0x71, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.sub_sat_s", prefix: 0xFD, opcode: 0x72, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.sub_sat_u", prefix: 0xFD, opcode: 0x73, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.min_s", prefix: 0xFD, opcode: 0x76, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.min_u", prefix: 0xFD, opcode: 0x77, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.max_s", prefix: 0xFD, opcode: 0x78, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.max_u", prefix: 0xFD, opcode: 0x79, operands: [.v128, .v128], result: .v128),
        Info(name: "i8x16.avgr_u", prefix: 0xFD, opcode: 0x7B, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.abs", prefix: 0xFD, opcode: 0x80, operands: [.v128], result: .v128),
        Info(name: "i16x8.neg", prefix: 0xFD, opcode: 0x81, operands: [.v128], result: .v128),
        Info(name: "i16x8.all_true", prefix: 0xFD, opcode: 0x83, operands: [.v128], result: .i32),
        Info(name: "i16x8.bitmask", prefix: 0xFD, opcode: 0x84, operands: [.v128], result: .i32),
        Info(name: "i16x8.narrow_i32x4_s", prefix: 0xFD, opcode: 0x85, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.narrow_i32x4_u", prefix: 0xFD, opcode: 0x86, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.extend_low_i8x16_s", prefix: 0xFD, opcode: 0x87, operands: [.v128], result: .v128),
        Info(name: "i16x8.extend_high_i8x16_s", prefix: 0xFD, opcode: 0x88, operands: [.v128], result: .v128),
        Info(name: "i16x8.extend_low_i8x16_u", prefix: 0xFD, opcode: 0x89, operands: [.v128], result: .v128),
        Info(name: "i16x8.extend_high_i8x16_u", prefix: 0xFD, opcode: 0x8A, operands: [.v128], result: .v128),
        Info(name: "i16x8.shl", prefix: 0xFD, opcode: 0x8B, operands: [.v128, .i32], result: .v128),
        Info(name: "i16x8.shr_s", prefix: 0xFD, opcode: 0x8C, operands: [.v128, .i32], result: .v128),
        Info(name: "i16x8.shr_u", prefix: 0xFD, opcode: 0x8D, operands: [.v128, .i32], result: .v128),
        Info(name: "i16x8.add", prefix: 0xFD, opcode: 0x8E, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.add_sat_s", prefix: 0xFD, opcode: 0x8F, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.add_sat_u", prefix: 0xFD, opcode: 0x90, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.sub", prefix: 0xFD, opcode: 0x91, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.sub_sat_s", prefix: 0xFD, opcode: 0x92, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.sub_sat_u", prefix: 0xFD, opcode: 0x93, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.mul", prefix: 0xFD, opcode: 0x95, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.min_s", prefix: 0xFD, opcode: 0x96, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.min_u", prefix: 0xFD, opcode: 0x97, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.max_s", prefix: 0xFD, opcode: 0x98, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.max_u", prefix: 0xFD, opcode: 0x99, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.avgr_u", prefix: 0xFD, opcode: 0x9B, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.abs", prefix: 0xFD, opcode: 0xA0, operands: [.v128], result: .v128),
        Info(name: "i32x4.neg", prefix: 0xFD, opcode: 0xA1, operands: [.v128], result: .v128),
        Info(name: "i32x4.all_true", prefix: 0xFD, opcode: 0xA3, operands: [.v128], result: .i32),
        Info(name: "i32x4.bitmask", prefix: 0xFD, opcode: 0xA4, operands: [.v128], result: .i32),
        Info(name: "i32x4.extend_low_i16x8_s", prefix: 0xFD, opcode: 0xA7, operands: [.v128], result: .v128),
        Info(name: "i32x4.extend_high_i16x8_s", prefix: 0xFD, opcode: 0xA8, operands: [.v128], result: .v128),
        Info(name: "i32x4.extend_low_i16x8_u", prefix: 0xFD, opcode: 0xA9, operands: [.v128], result: .v128),
        Info(name: "i32x4.extend_high_i16x8_u", prefix: 0xFD, opcode: 0xAA, operands: [.v128], result: .v128),
        Info(name: "i32x4.shl", prefix: 0xFD, opcode: 0xAB, operands: [.v128, .i32], result: .v128),
        Info(name: "i32x4.shr_s", prefix: 0xFD, opcode: 0xAC, operands: [.v128, .i32], result: .v128),
        Info(name: "i32x4.shr_u", prefix: 0xFD, opcode: 0xAD, operands: [.v128, .i32], result: .v128),
        Info(name: "i32x4.add", prefix: 0xFD, opcode: 0xAE, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.sub", prefix: 0xFD, opcode: 0xB1, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.mul", prefix: 0xFD, opcode: 0xB5, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.min_s", prefix: 0xFD, opcode: 0xB6, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.min_u", prefix: 0xFD, opcode: 0xB7, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.max_s", prefix: 0xFD, opcode: 0xB8, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.max_u", prefix: 0xFD, opcode: 0xB9, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.dot_i16x8_s", prefix: 0xFD, opcode: 0xBA, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.abs", prefix: 0xFD, opcode: 0xC0, operands: [.v128], result: .v128),
        Info(name: "i64x2.neg", prefix: 0xFD, opcode: 0xC1, operands: [.v128], result: .v128),
        Info(name: "i64x2.bitmask", prefix: 0xFD, opcode: 0xC4, operands: [.v128], result: .i32),
        Info(name: "i64x2.extend_low_i32x4_s", prefix: 0xFD, opcode: 0xC7, operands: [.v128], result: .v128),
        Info(name: "i64x2.extend_high_i32x4_s", prefix: 0xFD, opcode: 0xC8, operands: [.v128], result: .v128),
        Info(name: "i64x2.extend_low_i32x4_u", prefix: 0xFD, opcode: 0xC9, operands: [.v128], result: .v128),
        Info(name: "i64x2.extend_high_i32x4_u", prefix: 0xFD, opcode: 0xCA, operands: [.v128], result: .v128),
        Info(name: "i64x2.shl", prefix: 0xFD, opcode: 0xCB, operands: [.v128, .i32], result: .v128),
        Info(name: "i64x2.shr_s", prefix: 0xFD, opcode: 0xCC, operands: [.v128, .i32], result: .v128),
        Info(name: "i64x2.shr_u", prefix: 0xFD, opcode: 0xCD, operands: [.v128, .i32], result: .v128),
        Info(name: "i64x2.add", prefix: 0xFD, opcode: 0xCE, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.sub", prefix: 0xFD, opcode: 0xD1, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.mul", prefix: 0xFD, opcode: 0xD5, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.ceil", prefix: 0xFD, opcode: 0x67, operands: [.v128], result: .v128),
        Info(name: "f32x4.floor", prefix: 0xFD, opcode: 0x68, operands: [.v128], result: .v128),
        Info(name: "f32x4.trunc", prefix: 0xFD, opcode: 0x69, operands: [.v128], result: .v128),
        Info(name: "f32x4.nearest", prefix: 0xFD, opcode: 0x6A, operands: [.v128], result: .v128),
        Info(name: "f64x2.ceil", prefix: 0xFD, opcode: 0x74, operands: [.v128], result: .v128),
        Info(name: "f64x2.floor", prefix: 0xFD, opcode: 0x75, operands: [.v128], result: .v128),
        Info(name: "f64x2.trunc", prefix: 0xFD, opcode: 0x7A, operands: [.v128], result: .v128),
        Info(name: "f64x2.nearest", prefix: 0xFD, opcode: 0x94, operands: [.v128], result: .v128),
        Info(name: "f32x4.abs", prefix: 0xFD, opcode: 0xE0, operands: [.v128], result: .v128),
        Info(name: "f32x4.neg", prefix: 0xFD, opcode: 0xE1, operands: [.v128], result: .v128),
        Info(name: "f32x4.sqrt", prefix: 0xFD, opcode: 0xE3, operands: [.v128], result: .v128),
        Info(name: "f32x4.add", prefix: 0xFD, opcode: 0xE4, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.sub", prefix: 0xFD, opcode: 0xE5, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.mul", prefix: 0xFD, opcode: 0xE6, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.div", prefix: 0xFD, opcode: 0xE7, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.min", prefix: 0xFD, opcode: 0xE8, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.max", prefix: 0xFD, opcode: 0xE9, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.pmin", prefix: 0xFD, opcode: 0xEA, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.pmax", prefix: 0xFD, opcode: 0xEB, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.abs", prefix: 0xFD, opcode: 0xEC, operands: [.v128], result: .v128),
        Info(name: "f64x2.neg", prefix: 0xFD, opcode: 0xED, operands: [.v128], result: .v128),
        Info(name: "f64x2.sqrt", prefix: 0xFD, opcode: 0xEF, operands: [.v128], result: .v128),
        Info(name: "f64x2.add", prefix: 0xFD, opcode: 0xF0, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.sub", prefix: 0xFD, opcode: 0xF1, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.mul", prefix: 0xFD, opcode: 0xF2, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.div", prefix: 0xFD, opcode: 0xF3, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.min", prefix: 0xFD, opcode: 0xF4, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.max", prefix: 0xFD, opcode: 0xF5, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.pmin", prefix: 0xFD, opcode: 0xF6, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.pmax", prefix: 0xFD, opcode: 0xF7, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.trunc_sat_f32x4_s", prefix: 0xFD, opcode: 0xF8, operands: [.v128], result: .v128),
        Info(name: "i32x4.trunc_sat_f32x4_u", prefix: 0xFD, opcode: 0xF9, operands: [.v128], result: .v128),
        Info(name: "f32x4.convert_i32x4_s", prefix: 0xFD, opcode: 0xFA, operands: [.v128], result: .v128),
        Info(name: "f32x4.convert_i32x4_u", prefix: 0xFD, opcode: 0xFB, operands: [.v128], result: .v128),
        Info(name: "i16x8.extmul_low_i8x16_s", prefix: 0xFD, opcode: 0x9C, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.extmul_high_i8x16_s", prefix: 0xFD, opcode: 0x9D, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.extmul_low_i8x16_u", prefix: 0xFD, opcode: 0x9E, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.extmul_high_i8x16_u", prefix: 0xFD, opcode: 0x9F, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.extmul_low_i16x8_s", prefix: 0xFD, opcode: 0xBC, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.extmul_high_i16x8_s", prefix: 0xFD, opcode: 0xBD, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.extmul_low_i16x8_u", prefix: 0xFD, opcode: 0xBE, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.extmul_high_i16x8_u", prefix: 0xFD, opcode: 0xBF, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.extmul_low_i32x4_s", prefix: 0xFD, opcode: 0xDC, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.extmul_high_i32x4_s", prefix: 0xFD, opcode: 0xDD, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.extmul_low_i32x4_u", prefix: 0xFD, opcode: 0xDE, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.extmul_high_i32x4_u", prefix: 0xFD, opcode: 0xDF, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.q15mulr_sat_s", prefix: 0xFD, opcode: 0x82, operands: [.v128, .v128], result: .v128),
        Info(name: "v128.any_true", prefix: 0xFD, opcode: 0x53, operands: [.v128], result: .i32),
        Info(name: "i64x2.eq", prefix: 0xFD, opcode: 0xD6, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.ne", prefix: 0xFD, opcode: 0xD7, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.lt_s", prefix: 0xFD, opcode: 0xD8, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.gt_s", prefix: 0xFD, opcode: 0xD9, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.le_s", prefix: 0xFD, opcode: 0xDA, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.ge_s", prefix: 0xFD, opcode: 0xDB, operands: [.v128, .v128], result: .v128),
        Info(name: "i64x2.all_true", prefix: 0xFD, opcode: 0xC3, operands: [.v128], result: .i32),
        Info(name: "f64x2.convert_low_i32x4_s", prefix: 0xFD, opcode: 0xFE, operands: [.v128], result: .v128),
        Info(name: "f64x2.convert_low_i32x4_u", prefix: 0xFD, opcode: 0xFF, operands: [.v128], result: .v128),
        Info(name: "i32x4.trunc_sat_f64x2_s_zero", prefix: 0xFD, opcode: 0xFC, operands: [.v128], result: .v128),
        Info(name: "i32x4.trunc_sat_f64x2_u_zero", prefix: 0xFD, opcode: 0xFD, operands: [.v128], result: .v128),
        Info(name: "f32x4.demote_f64x2_zero", prefix: 0xFD, opcode: 0x5E, operands: [.v128], result: .v128),
        Info(name: "f64x2.promote_low_f32x4", prefix: 0xFD, opcode: 0x5F, operands: [.v128], result: .v128),
        Info(name: "i8x16.popcnt", prefix: 0xFD, opcode: 0x62, operands: [.v128], result: .v128),
        Info(name: "i16x8.extadd_pairwise_i8x16_s", prefix: 0xFD, opcode: 0x7C, operands: [.v128], result: .v128),
        Info(name: "i16x8.extadd_pairwise_i8x16_u", prefix: 0xFD, opcode: 0x7D, operands: [.v128], result: .v128),
        Info(name: "i32x4.extadd_pairwise_i16x8_s", prefix: 0xFD, opcode: 0x7E, operands: [.v128], result: .v128),
        Info(name: "i32x4.extadd_pairwise_i16x8_u", prefix: 0xFD, opcode: 0x7F, operands: [.v128], result: .v128),
        Info(name: "i8x16.relaxed_swizzle", prefix: 0xFD, opcode: 0x100, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.relaxed_trunc_f32x4_s", prefix: 0xFD, opcode: 0x101, operands: [.v128], result: .v128),
        Info(name: "i32x4.relaxed_trunc_f32x4_u", prefix: 0xFD, opcode: 0x102, operands: [.v128], result: .v128),
        Info(name: "i32x4.relaxed_trunc_f64x2_s_zero", prefix: 0xFD, opcode: 0x103, operands: [.v128], result: .v128),
        Info(name: "i32x4.relaxed_trunc_f64x2_u_zero", prefix: 0xFD, opcode: 0x104, operands: [.v128], result: .v128),
        Info(name: "f32x4.relaxed_madd", prefix: 0xFD, opcode: 0x105, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "f32x4.relaxed_nmadd", prefix: 0xFD, opcode: 0x106, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "f64x2.relaxed_madd", prefix: 0xFD, opcode: 0x107, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "f64x2.relaxed_nmadd", prefix: 0xFD, opcode: 0x108, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "i8x16.relaxed_laneselect", prefix: 0xFD, opcode: 0x109, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "i16x8.relaxed_laneselect", prefix: 0xFD, opcode: 0x10A, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "i32x4.relaxed_laneselect", prefix: 0xFD, opcode: 0x10B, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "i64x2.relaxed_laneselect", prefix: 0xFD, opcode: 0x10C, operands: [.v128, .v128, .v128], result: .v128),
        Info(name: "f32x4.relaxed_min", prefix: 0xFD, opcode: 0x10D, operands: [.v128, .v128], result: .v128),
        Info(name: "f32x4.relaxed_max", prefix: 0xFD, opcode: 0x10E, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.relaxed_min", prefix: 0xFD, opcode: 0x10F, operands: [.v128, .v128], result: .v128),
        Info(name: "f64x2.relaxed_max", prefix: 0xFD, opcode: 0x110, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.relaxed_q15mulr_s", prefix: 0xFD, opcode: 0x111, operands: [.v128, .v128], result: .v128),
        Info(name: "i16x8.relaxed_dot_i8x16_i7x16_s", prefix: 0xFD, opcode: 0x112, operands: [.v128, .v128], result: .v128),
        Info(name: "i32x4.relaxed_dot_i8x16_i7x16_add_s", prefix: 0xFD, opcode: 0x113, operands: [.v128, .v128, .v128], result: .v128),
    ]
}
