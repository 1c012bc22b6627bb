/// The value of each (variable, block) pair, as an open-addressing hash table with a multiplicative
/// hash: variable lookups are the builder's hottest path, and the standard dictionary's seeded
/// SipHash costs several times more for these integer keys.
struct DefinitionTable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [UInt32]
    private var count = 0
    /// log2 of the capacity; the hash's top `bits` bits pick the slot.
    private var bits: Int

    init(minimumCapacity: Int = 64) {
        var bits = 6
        while (1 << bits) < minimumCapacity * 2, bits < 40 { bits += 1 }
        self.bits = bits
        keys = [UInt64](repeating: Self.empty, count: 1 << bits)
        values = [UInt32](repeating: 0, count: 1 << bits)
    }

    var isEmpty: Bool { count == 0 }

    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    subscript(key: UInt64) -> Value? {
        let mask = keys.count - 1
        var index = slot(for: key)
        while true {
            let stored = keys[index]
            if stored == key { return Value(values[index]) }
            if stored == Self.empty { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var index = slot(for: key)
        while true {
            let stored = keys[index]
            if stored == key {
                values[index] = value.index
                return
            }
            if stored == Self.empty {
                keys[index] = key
                values[index] = value.index
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        bits += 1
        keys = [UInt64](repeating: Self.empty, count: 1 << bits)
        values = [UInt32](repeating: 0, count: 1 << bits)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            set(key, Value(value))
        }
    }
}
