import WasmBinary
import WasmIR

/// How each operation reads its operands, for `LoadAnchoring`.
extension LoadAnchoring {
    struct Anchor {
        var value: Value
        var mask: ByteMask
        /// Read before the instruction can trap itself (a store's value, a call's argument, a divisor),
        /// so a load may be followed directly by it; otherwise (a dividend, a `call_indirect` argument)
        /// the value is read only after the instruction's own checks, which a load must not be sunk past.
        var early: Bool
    }

    /// Instructions a load must not be moved across: anything that traps (other than another memory
    /// access, which traps the same way) or has a side effect.
    static func isBarrier(_ operation: Operation) -> Bool {
        switch operation {
        case .store, .call, .callIndirect, .globalSet, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy,
             .memoryFill, .tableGet, .tableSet, .tableGrow, .tableFill, .tableCopy, .tableInit, .elemDrop, .trapIf:
            return true
        case .laneAccess(let op, _, _, _, _):
            return op.isStore
        case .plain(let op, _):
            return op.traps
        case .constant, .select, .load, .shuffle, .extractLane, .replaceLane, .globalGet, .memorySize, .tableSize,
             .refNull, .refIsNull, .refFunc:
            return false
        }
    }

    /// For a load, the byte of its result that holds the last byte it reads from memory.
    static func lastLoadedByte(_ instruction: IRInstruction) -> ByteMask? {
        switch instruction.operation {
        case .load(let op, _, _):
            switch op {
            case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: return 1 << 0
            case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: return 1 << 1
            case .i32Load, .f32Load, .i64Load32S, .i64Load32U, .v128Load32Zero: return 1 << 3
            case .i64Load, .f64Load, .v128Load64Zero: return 1 << 7
            case .v128Load: return 1 << 15
            // Widening loads put the last loaded byte in the top lane: the high byte of its value, and
            // for signed ones the sign copies above it.
            case .v128Load8x8S: return 0xC000
            case .v128Load16x4S: return 0xE000
            case .v128Load32x2S: return 0xF800
            case .v128Load8x8U: return 1 << 14
            case .v128Load16x4U: return 1 << 13
            case .v128Load32x2U: return 1 << 11
            // A splat's every lane holds the whole scalar: any copy of its last byte.
            case .v128Load8Splat: return 0xFFFF
            case .v128Load16Splat: return 0xAAAA
            case .v128Load32Splat: return 0x8888
            case .v128Load64Splat: return 0x8080
            }
        case .laneAccess(let op, _, let lane, _, _) where !op.isStore:
            return 1 << (Int(lane) * op.accessSize + op.accessSize - 1)
        default:
            return nil
        }
    }

    /// The address of a load: LLVM computes it only when the load itself stays (its result is used). A
    /// load that is checked instead may go, and so may its check when earlier checks imply it (an address
    /// that is a 0-or-1 flag plus an offset), so a load's address is not an anchor of its own.
    static func loadAddress(_ operation: Operation) -> Value? {
        switch operation {
        case .load(_, _, let pointer): pointer
        case .laneAccess(let op, _, _, let pointer, _) where !op.isStore: pointer
        default: nil
        }
    }

    /// The anchors among an instruction's operands; `resultKept`: whether the instruction's result is
    /// used before the next barrier.
    func anchors(of instruction: IRInstruction, block: Int, position: Int, resultKept: Bool) -> [Anchor] {
        let address = ByteMask(0xF)
        switch instruction.operation {
        case .load:
            return []
        case .store(let op, _, let pointer, let stored):
            // Dead-store elimination may delete a store that another one overwrites, and its value with it.
            let kept = overwrites.mayBeOverwritten(BlockID(UInt32(block)), position) ? 0 : ByteDemand.full(op.accessSize)
            return [Anchor(value: pointer, mask: address, early: true), Anchor(value: stored, mask: kept, early: true)]
        case .laneAccess(let op, _, let lane, let pointer, let vector):
            guard op.isStore else { return [] }
            let laneMask = ByteDemand.full(op.accessSize) << (Int(lane) * op.accessSize)
            return [Anchor(value: pointer, mask: address, early: true), Anchor(value: vector, mask: laneMask, early: true)]
        case .plain(let op, let operands) where op.traps:
            // The checks compare with constants (a zero divisor, a conversion's range), which LLVM folds when
            // it knows the operand's range (one plus a zero-extended byte is never zero, and converts
            // exactly), so the operands are read for sure only when the result is used. Division checks the
            // divisor first and reads the dividend after; conversions check their operand.
            guard resultKept else { return [] }
            return operands.enumerated().map { index, operand in
                Anchor(value: operand, mask: ByteDemand.full(ByteDemand.width(op.operands[index])),
                       early: operands.count == 1 || index == 1)
            }
        case .call(let callee, let arguments):
            // An import is opaque; a defined callee keeps what its body keeps (it may be inlined).
            let defined = Int(callee) - interface.importedFunctionCount
            return arguments.enumerated().map { index, argument in
                let mask = defined < 0 ? ByteDemand.full(ByteDemand.width(function.type(of: argument)))
                    : (interface.parameterMasks.indices.contains(defined) && interface.parameterMasks[defined].indices.contains(index)
                        ? interface.parameterMasks[defined][index] : 0)
                return Anchor(value: argument, mask: mask, early: true)
            }
        case .callIndirect(_, _, let callee, let arguments):
            // The callee index is checked (bounds, signature) before the arguments are passed.
            return arguments.map { Anchor(value: $0, mask: ByteDemand.full(ByteDemand.width(function.type(of: $0))), early: false) }
                + [Anchor(value: callee, mask: address, early: true)]
        case .memoryGrow, .memoryInit, .memoryCopy, .memoryFill, .tableGet, .tableSet, .tableGrow, .tableFill,
             .tableCopy, .tableInit, .trapIf:
            // Runtime calls and checks that read the whole value.
            return instruction.operation.operands.map {
                Anchor(value: $0, mask: ByteDemand.full(ByteDemand.width(function.type(of: $0))), early: true)
            }
        default:
            // globalSet: a later write to the same global may make it dead.
            return []
        }
    }

    /// The bytes of each operand a pure instruction must read to produce `resultMask` of its result.
    func transfer(_ instruction: IRInstruction, resultMask: ByteMask) -> [(Value, ByteMask)] {
        switch instruction.operation {
        case .plain(let op, let operands):
            // An operand folded from constants has a value LLVM knows and this analysis does not: the
            // result may fold (a compare with `f64.promote_f32` of a constant), so nothing is read for sure.
            if operands.contains(where: { constants.isConstant($0) && constant($0) == nil }) { return [] }
            return Array(zip(operands, ByteDemand.operandDemands(op, operands, result: resultMask, constant: { self.constant($0) })))
        case .select(let condition, let ifTrue, let ifFalse):
            guard ifTrue != ifFalse, !constants.isConstant(condition) else { return [] }
            return [(ifTrue, resultMask), (ifFalse, resultMask)]
        case .shuffle(let lanes, let first, let second):
            var masks: (ByteMask, ByteMask) = (0, 0)
            for (index, lane) in lanes.enumerated() where resultMask & (1 << index) != 0 {
                if lane < 16 { masks.0 |= 1 << lane } else { masks.1 |= 1 << (lane - 16) }
            }
            return first == second ? [(first, masks.0 | masks.1)] : [(first, masks.0), (second, masks.1)]
        case .extractLane(let op, let lane, let vector):
            let laneBytes = 16 / op.laneCount
            var mask: ByteMask = 0
            // Bytes above the lane are zeros or copies of its sign bit.
            for byte in 0..<laneBytes where resultMask & (1 << byte) != 0 {
                mask |= 1 << (Int(lane) * laneBytes + byte)
            }
            return [(vector, mask)]
        case .replaceLane(let op, let lane, let vector, let scalar):
            let laneBytes = 16 / op.laneCount
            let laneMask = ByteDemand.full(laneBytes) << (Int(lane) * laneBytes)
            return [(vector, resultMask & ~laneMask), (scalar, (resultMask & laneMask) >> (Int(lane) * laneBytes))]
        case .laneAccess(let op, _, let lane, _, let vector) where !op.isStore:
            let laneMask = ByteDemand.full(op.accessSize) << (Int(lane) * op.accessSize)
            return [(vector, resultMask & ~laneMask)]
        default:
            return []
        }
    }
}
