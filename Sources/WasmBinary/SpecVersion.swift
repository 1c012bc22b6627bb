/// Which edition of the core spec a module is decoded and validated against. 3.0 is the default; 2.0
/// keeps the rules that 3.0 relaxed, so the 2.0 test suite's rejections still hold: the reserved zero
/// bytes of the memory instructions (multi-memory), a single memory, and constant expressions that read
/// only imported globals with no arithmetic (extended constants).
public enum SpecVersion: String, Hashable, Sendable, CaseIterable {
    case v2 = "2.0"
    case v3 = "3.0"
}
