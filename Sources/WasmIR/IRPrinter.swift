import WasmBinary

/// The text form of a function's IR: one block per label, one instruction per line.
///
/// Results are written `v1 = i32.add v0, v0` when the operation's name fixes their type and
/// `v4: i64 = call 3(v1)` when it does not; block parameters always carry their type.
public func printIR(_ function: IRFunction) -> String {
    var printer = IRPrinter(function: function)
    printer.printFunction()
    return printer.output
}

/// Every function of the module, separated by blank lines.
public func printIR(_ module: IRModule) -> String {
    module.functions.map { printIR($0) }.joined(separator: "\n")
}

struct IRPrinter {
    let function: IRFunction
    var output = ""

    init(function: IRFunction) {
        self.function = function
    }

    mutating func printFunction() {
        output += "function \(function.index)"
        if let name = function.name { output += " \"\(escaped(name))\"" }
        output += " \(typeList(function.type.parameters)) -> \(typeList(function.type.results)) {\n"
        for block in function.blocks {
            printBlock(block)
        }
        output += "}\n"
    }

    private mutating func printBlock(_ block: IRBlock) {
        output += block.id.description
        if !block.parameters.isEmpty {
            output += "(" + block.parameters.map { "\($0): \(typeName(of: $0))" }.joined(separator: ", ") + ")"
        }
        output += ":\n"
        for instruction in block.instructions {
            output += "    " + line(for: instruction) + "\n"
        }
        if let terminator = block.terminator {
            output += "    " + line(for: terminator) + "\n"
        } else {
            output += "    ; no terminator\n"
        }
    }

    private func line(for instruction: IRInstruction) -> String {
        let body = (instruction.isTailCall ? "tail " : "") + text(of: instruction.operation)
        guard !instruction.results.isEmpty else { return body }
        let results = instruction.results.map { value in
            namesResultType(instruction.operation) ? value.description : "\(value): \(typeName(of: value))"
        }
        return results.joined(separator: ", ") + " = " + body
    }

    /// Whether the printed operation name already says what type its single result has.
    private func namesResultType(_ operation: Operation) -> Bool {
        switch operation {
        case .constant, .plain, .load, .laneAccess, .shuffle, .extractLane, .replaceLane,
             .memorySize, .memoryGrow, .tableSize, .tableGrow, .refIsNull, .refNull, .refFunc:
            true
        default:
            false
        }
    }

    private func text(of operation: Operation) -> String {
        switch operation {
        case .constant(let constant):
            return text(of: constant)
        case .plain(let op, let operands):
            return operands.isEmpty ? op.name : "\(op.name) \(list(operands))"
        case .select(let condition, let ifTrue, let ifFalse):
            return "select \(condition), \(ifTrue), \(ifFalse)"
        case .load(let op, let access, let address):
            return "\(op.name) \(address)\(text(of: access))"
        case .store(let op, let access, let address, let value):
            return "\(op.name) \(address), \(value)\(text(of: access))"
        case .laneAccess(let op, let access, let lane, let address, let vector):
            return "\(op.name) \(address), \(vector), lane=\(lane)\(text(of: access))"
        case .shuffle(let lanes, let a, let b):
            return "i8x16.shuffle \(a), \(b), [\(lanes.map(String.init).joined(separator: " "))]"
        case .extractLane(let op, let lane, let vector):
            let name = op.rawValue.hasSuffix(".lane") ? "\(op.shape).extract_lane" : op.rawValue
            return "\(name) \(vector), lane=\(lane)"
        case .replaceLane(let op, let lane, let vector, let scalar):
            return "\(op.shape).replace_lane \(vector), \(scalar), lane=\(lane)"
        case .globalGet(let index):
            return "global.get \(index)"
        case .globalSet(let index, let value):
            return "global.set \(index), \(value)"
        case .call(let function, let arguments):
            return "call \(function)(\(list(arguments)))"
        case .callIndirect(let type, let table, let callee, let arguments):
            return "call_indirect type=\(type) table=\(table) \(callee)(\(list(arguments)))"
        case .memorySize(let memory):
            return "memory.size\(memorySuffix(memory))"
        case .memoryGrow(let memory, let delta):
            return "memory.grow\(memorySuffix(memory)) \(delta)"
        case .memoryInit(let data, let memory, let destination, let source, let count):
            return "memory.init data=\(data)\(memorySuffix(memory)) \(destination), \(source), \(count)"
        case .dataDrop(let data):
            return "data.drop \(data)"
        case .memoryCopy(let destinationMemory, let sourceMemory, let destination, let source, let count):
            let memories = destinationMemory == 0 && sourceMemory == 0 ? "" : " memory=\(destinationMemory)<-\(sourceMemory)"
            return "memory.copy\(memories) \(destination), \(source), \(count)"
        case .memoryFill(let memory, let destination, let value, let count):
            return "memory.fill\(memorySuffix(memory)) \(destination), \(value), \(count)"
        case .tableGet(let table, let index):
            return "table.get \(table), \(index)"
        case .tableSet(let table, let index, let value):
            return "table.set \(table), \(index), \(value)"
        case .tableSize(let table):
            return "table.size \(table)"
        case .tableGrow(let table, let initial, let delta):
            return "table.grow \(table), \(initial), \(delta)"
        case .tableFill(let table, let destination, let value, let count):
            return "table.fill \(table), \(destination), \(value), \(count)"
        case .tableCopy(let destinationTable, let sourceTable, let destination, let source, let count):
            return "table.copy \(destinationTable)<-\(sourceTable), \(destination), \(source), \(count)"
        case .tableInit(let element, let table, let destination, let source, let count):
            return "table.init elem=\(element) \(table), \(destination), \(source), \(count)"
        case .elemDrop(let element):
            return "elem.drop \(element)"
        case .refNull(let type):
            return "ref.null \(type)"
        case .refIsNull(let value):
            return "ref.is_null \(value)"
        case .refFunc(let function):
            return "ref.func \(function)"
        case .trapIf(let condition, let code):
            return "trap_if \(condition), \"\(code.message)\""
        }
    }

    private func text(of constant: Constant) -> String {
        switch constant {
        case .i32(let bits): "i32.const \(Int32(bitPattern: bits))"
        case .i64(let bits): "i64.const \(Int64(bitPattern: bits))"
        case .f32(let bits): "f32.const \(Float(bitPattern: bits)) (0x\(hex(UInt64(bits), digits: 8)))"
        case .f64(let bits): "f64.const \(Double(bitPattern: bits)) (0x\(hex(bits, digits: 16)))"
        case .v128(let vector): "v128.const \(vector)"
        case .null(let type): "ref.null \(type)"
        }
    }

    private func text(of access: MemoryAccess) -> String {
        var text = ""
        if access.memory != 0 { text += " memory=\(access.memory)" }
        text += " offset=\(access.offset)"
        // The text format writes the alignment in bytes; shifts past 63 only come from bad input.
        text += access.alignmentLog2 < 64 ? " align=\(UInt64(1) << UInt64(access.alignmentLog2))" : " align=2^\(access.alignmentLog2)"
        return text
    }

    private func line(for terminator: Terminator) -> String {
        switch terminator {
        case .jump(let call):
            "jump \(text(of: call))"
        case .branch(let condition, let ifTrue, let ifFalse):
            "br_if \(condition), \(text(of: ifTrue)), \(text(of: ifFalse))"
        case .switchTable(let index, let targets, let defaultTarget):
            "br_table \(index), [\(targets.map { text(of: $0) }.joined(separator: ", "))], \(text(of: defaultTarget))"
        case .return(let values):
            values.isEmpty ? "return" : "return \(list(values))"
        case .trap(let code):
            "trap \"\(code.message)\""
        }
    }

    private func text(of call: BlockCall) -> String {
        call.arguments.isEmpty ? call.block.description : "\(call.block)(\(list(call.arguments)))"
    }

    private func memorySuffix(_ memory: UInt32) -> String {
        memory == 0 ? "" : " memory=\(memory)"
    }

    private func list(_ values: [Value]) -> String {
        values.map(\.description).joined(separator: ", ")
    }

    private func typeList(_ types: [IRType]) -> String {
        "(" + types.map(\.description).joined(separator: ", ") + ")"
    }

    /// A value's type, or `?` for a value outside the type table (only in malformed IR).
    private func typeName(of value: Value) -> String {
        Int(value.index) < function.valueTypes.count ? function.type(of: value).description : "?"
    }

    private func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    private func escaped(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
