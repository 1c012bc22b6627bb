/// A decoded (not yet validated) WebAssembly module.
/// > Note: https://webassembly.github.io/spec/core/syntax/modules.html
public struct Module: Sendable {
    public var types: [FunctionType] = []
    public var imports: [Import] = []
    /// Type indices of the functions defined in this module (the function section).
    public var functionTypeIndices: [UInt32] = []
    public var tables: [TableType] = []
    public var memories: [MemoryType] = []
    public var globals: [Global] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    /// The data count section's value, if the section is present.
    public var dataCount: UInt32?
    public var codes: [FunctionBody] = []
    public var data: [DataSegment] = []
    public var customSections: [CustomSection] = []
    /// Names from the `name` custom section; empty when absent or unparsable.
    public var names = NameMap()

    public init() {}
}

public struct Import: Hashable, Sendable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor

    public init(module: String, name: String, descriptor: ImportDescriptor) {
        self.module = module
        self.name = name
        self.descriptor = descriptor
    }
}

public enum ImportDescriptor: Hashable, Sendable {
    /// A function with the type at this index.
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

public struct Export: Hashable, Sendable {
    public var name: String
    public var descriptor: ExportDescriptor

    public init(name: String, descriptor: ExportDescriptor) {
        self.name = name
        self.descriptor = descriptor
    }
}

public enum ExportDescriptor: Hashable, Sendable {
    case function(UInt32)
    case table(UInt32)
    case memory(UInt32)
    case global(UInt32)
}

/// A constant expression: its instructions without the final `end`.
public struct ConstantExpression: Hashable, Sendable {
    public var instructions: [Instruction]
    /// Byte offset of the expression's first instruction, for error messages.
    public var offset: Int

    public init(instructions: [Instruction], offset: Int) {
        self.instructions = instructions
        self.offset = offset
    }
}

public struct Global: Hashable, Sendable {
    public var type: GlobalType
    public var initializer: ConstantExpression

    public init(type: GlobalType, initializer: ConstantExpression) {
        self.type = type
        self.initializer = initializer
    }
}

public struct ElementSegment: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case passive
        case active(table: UInt32, offset: ConstantExpression)
        case declarative
    }

    public var type: ReferenceType
    /// Each element as a constant expression (`ref.func i` or `ref.null t` for the index encodings).
    public var initializers: [ConstantExpression]
    public var mode: Mode

    public init(type: ReferenceType, initializers: [ConstantExpression], mode: Mode) {
        self.type = type
        self.initializers = initializers
        self.mode = mode
    }
}

public struct DataSegment: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case passive
        case active(memory: UInt32, offset: ConstantExpression)
    }

    public var bytes: [UInt8]
    public var mode: Mode

    public init(bytes: [UInt8], mode: Mode) {
        self.bytes = bytes
        self.mode = mode
    }
}

/// A function body: its declared locals and decoded instructions (the last one is the final `end`).
public struct FunctionBody: Sendable {
    /// Local declarations run-length encoded as in the binary: `count` locals of `type`.
    public var locals: [(count: UInt32, type: ValueType)]
    public var instructions: [Instruction]
    /// Byte offset of each instruction in the module, parallel to `instructions`.
    public var instructionOffsets: [Int]
    /// Byte range of the body (after its size field) in the module.
    public var byteRange: Range<Int>

    public init(locals: [(count: UInt32, type: ValueType)], instructions: [Instruction], instructionOffsets: [Int], byteRange: Range<Int>) {
        self.locals = locals
        self.instructions = instructions
        self.instructionOffsets = instructionOffsets
        self.byteRange = byteRange
    }
}

public struct CustomSection: Hashable, Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Contents of the `name` custom section.
/// > Note: https://webassembly.github.io/spec/core/appendix/custom.html#name-section
public struct NameMap: Hashable, Sendable {
    public var moduleName: String?
    /// Function index (imports first) to name.
    public var functionNames: [UInt32: String] = [:]
    /// Function index to (local index to name).
    public var localNames: [UInt32: [UInt32: String]] = [:]

    public init() {}
}

extension Module {
    public var importedFunctionCount: Int { imports.count { if case .function = $0.descriptor { true } else { false } } }
    public var importedTableCount: Int { imports.count { if case .table = $0.descriptor { true } else { false } } }
    public var importedMemoryCount: Int { imports.count { if case .memory = $0.descriptor { true } else { false } } }
    public var importedGlobalCount: Int { imports.count { if case .global = $0.descriptor { true } else { false } } }

    /// Type indices of all functions in the function index space (imports first).
    public var allFunctionTypeIndices: [UInt32] {
        imports.compactMap { if case .function(let t) = $0.descriptor { t } else { nil } } + functionTypeIndices
    }
    public var allTables: [TableType] {
        imports.compactMap { if case .table(let t) = $0.descriptor { t } else { nil } } + tables
    }
    public var allMemories: [MemoryType] {
        imports.compactMap { if case .memory(let m) = $0.descriptor { m } else { nil } } + memories
    }
    public var allGlobalTypes: [GlobalType] {
        imports.compactMap { if case .global(let g) = $0.descriptor { g } else { nil } } + globals.map(\.type)
    }
}
