/// The value of each (variable, block) pair, as an open-addressing hash table with a multiplicative
/// hash: variable lookups are the builder's hottest path, and the standard dictionary's seeded
/// SipHash costs several times more for these integer keys.
struct DefinitionTable {
    private static let empty = UInt64.max
    /// Key and value side by side, so a probe touches one cache line.
    private struct Entry {
        var key: UInt64
        var value: UInt32
    }
    private var entries: [Entry]
    private var count = 0
    /// log2 of the capacity; the hash's top `bits` bits pick the slot.
    private var bits: Int

    init(minimumCapacity: Int = 64) {
        var bits = 6
        while (1 << bits) < minimumCapacity * 2, bits < 40 { bits += 1 }
        self.bits = bits
        entries = [Entry](repeating: Entry(key: Self.empty, value: 0), count: 1 << bits)
    }

    var isEmpty: Bool { count == 0 }

    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    subscript(key: UInt64) -> Value? {
        let mask = entries.count - 1
        var index = slot(for: key)
        while true {
            let entry = entries[index]
            if entry.key == key { return Value(entry.value) }
            if entry.key == Self.empty { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Value) {
        if (count + 1) * 2 > entries.count { grow() }
        let mask = entries.count - 1
        var index = slot(for: key)
        while true {
            let stored = entries[index].key
            if stored == key {
                entries[index].value = value.index
                return
            }
            if stored == Self.empty {
                entries[index] = Entry(key: key, value: value.index)
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = entries
        bits += 1
        entries = [Entry](repeating: Entry(key: Self.empty, value: 0), count: 1 << bits)
        count = 0
        for entry in old where entry.key != Self.empty {
            set(entry.key, Value(entry.value))
        }
    }
}
