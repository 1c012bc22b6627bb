import Foundation
import WasmBinary
import WasmcCompiler
import WasmcHost

/// A `.wast` script as `wasm-tools json-from-wast` writes it.
/// > Note: https://github.com/bytecodealliance/wasm-tools/tree/main/crates/json-from-wast
public struct WastScript: Decodable, Sendable {
    public var sourceFilename: String?
    public var commands: [WastCommand]

    enum CodingKeys: String, CodingKey {
        case sourceFilename = "source_filename"
        case commands
    }
}

public struct WastCommand: Decodable, Sendable {
    public var type: String
    public var line: Int
    /// The module's name (`module $M`) or the registered instance's (`register "as" $M`).
    public var name: String?
    public var filename: String?
    /// `binary` or `text`.
    public var moduleType: String?
    /// For text modules wasm-tools could assemble: the binary it wrote beside the text.
    public var binaryFilename: String?
    /// The expected failure reason of an assertion.
    public var text: String?
    public var action: WastAction?
    public var expected: [WastJSONValue]?
    /// `register`: the import module name the instance becomes visible as.
    public var registeredAs: String?
    /// `module_instance`: the new instance's name and the `module_definition` it instantiates.
    public var instance: String?
    public var module: String?

    enum CodingKeys: String, CodingKey {
        case type, line, name, filename, text, action, expected, instance, module
        case moduleType = "module_type"
        case binaryFilename = "binary_filename"
        case registeredAs = "as"
    }
}

public struct WastAction: Decodable, Sendable {
    /// `invoke` or `get`.
    public var type: String
    /// The named module acted on; the most recent module when absent.
    public var module: String?
    public var field: String
    public var args: [WastJSONValue]?
}

/// A value in the JSON: `{"type": "i32", "value": "42"}`, a vector with `lane_type` and a list of
/// lanes, or `either` with alternatives.
public struct WastJSONValue: Decodable, Sendable {
    public var type: String
    public var laneType: String?
    public var value: [String]?
    public var isList = false
    public var alternatives: [WastJSONValue]?

    enum CodingKeys: String, CodingKey {
        case type, value, values
        case laneType = "lane_type"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        laneType = try container.decodeIfPresent(String.self, forKey: .laneType)
        alternatives = try container.decodeIfPresent([WastJSONValue].self, forKey: .values)
        if let list = try? container.decode([String].self, forKey: .value) {
            value = list
            isList = true
        } else {
            value = try container.decodeIfPresent(String.self, forKey: .value).map { [$0] }
        }
    }
}

/// A JSON value the runner cannot interpret.
public struct WastValueError: Error, CustomStringConvertible {
    public var description: String
}

extension WastJSONValue {
    private var scalar: String? { isList ? nil : value?.first }

    /// The argument value this JSON denotes (arguments are never patterns).
    public func argument() throws(WastValueError) -> WasmValue {
        guard case .exact(let value) = try expectation(allowPatterns: false) else {
            throw WastValueError(description: "an argument cannot be a pattern: \(type)")
        }
        return value
    }

    /// The expectation this JSON denotes for an `assert_return` result.
    public func expectation(allowPatterns: Bool = true) throws(WastValueError) -> ExpectedValue {
        func bad() -> WastValueError { WastValueError(description: "unreadable \(type) value \(value ?? [])") }
        switch type {
        case "i32":
            guard let text = scalar, let bits = parseInteger(text, bitWidth: 32) else { throw bad() }
            return .exact(.i32(UInt32(truncatingIfNeeded: bits)))
        case "i64":
            guard let text = scalar, let bits = parseInteger(text, bitWidth: 64) else { throw bad() }
            return .exact(.i64(bits))
        case "f32":
            guard let text = scalar else { throw bad() }
            if allowPatterns, let pattern = NaNPattern(rawValue: text) { return .f32NaN(pattern) }
            guard let bits = parseInteger(text, bitWidth: 32) else { throw bad() }
            return .exact(.f32(UInt32(truncatingIfNeeded: bits)))
        case "f64":
            guard let text = scalar else { throw bad() }
            if allowPatterns, let pattern = NaNPattern(rawValue: text) { return .f64NaN(pattern) }
            guard let bits = parseInteger(text, bitWidth: 64) else { throw bad() }
            return .exact(.f64(bits))
        case "v128":
            guard let laneType, let shape = VectorShape(laneType: laneType), let lanes = value, lanes.count == shape.laneCount else {
                throw bad()
            }
            var patterns: [LanePattern] = []
            for lane in lanes {
                if shape.isFloat, allowPatterns, let pattern = NaNPattern(rawValue: lane) {
                    patterns.append(.nan(pattern))
                } else if let bits = parseInteger(lane, bitWidth: shape.laneBitWidth) {
                    patterns.append(.bits(bits))
                } else {
                    throw bad()
                }
            }
            if !allowPatterns {
                let bits = patterns.compactMap { pattern -> UInt64? in if case .bits(let bits) = pattern { bits } else { nil } }
                guard let vector = V128Bits(lanes: bits, bitWidth: shape.laneBitWidth) else { throw bad() }
                return .exact(.v128(vector))
            }
            return .vector(shape, patterns)
        case "funcref":
            guard let text = scalar else {
                guard allowPatterns else { throw bad() }
                return .anyFunctionReference
            }
            guard text == "null" else { throw WastValueError(description: "funcref values other than null cannot be written") }
            return .exact(.funcref(nil))
        case "externref":
            guard let text = scalar else { throw bad() }
            if text == "null" { return .exact(.externref(nil)) }
            guard let host = UInt64(text) else { throw bad() }
            return .exact(.externref(host))
        case "either":
            guard allowPatterns, let alternatives else { throw bad() }
            var expectations: [ExpectedValue] = []
            for alternative in alternatives { expectations.append(try alternative.expectation()) }
            return .either(expectations)
        default:
            throw WastValueError(description: "unsupported: value type \(type)")
        }
    }
}
