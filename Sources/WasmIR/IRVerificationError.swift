/// Why a function's IR is not well formed, and where.
public struct IRVerificationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a block the problem is in.
    public enum Location: Hashable, Sendable, CustomStringConvertible {
        /// The function as a whole (its block list or signature).
        case function
        /// A block's parameter list.
        case parameters
        /// The instruction at this position in its block.
        case instruction(Int)
        case terminator

        public var description: String {
            switch self {
            case .function: "function"
            case .parameters: "parameters"
            case .instruction(let index): "instruction \(index)"
            case .terminator: "terminator"
            }
        }
    }

    /// Index of the function in the module's function index space.
    public var function: UInt32
    /// The block, unless the problem concerns the whole function.
    public var block: BlockID?
    public var location: Location
    public var message: String

    public init(function: UInt32, block: BlockID?, location: Location, message: String) {
        self.function = function
        self.block = block
        self.location = location
        self.message = message
    }

    /// `function 3, block2, instruction 4: use of v9 is not dominated by its definition`
    public var description: String {
        var text = "function \(function)"
        if let block { text += ", \(block)" }
        if location != .function { text += ", \(location)" }
        return text + ": " + message
    }
}
