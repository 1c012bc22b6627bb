"""Just enough of the binary format to list a module's exports with their function types: Wasmtime's
Python API aborts on v128 in a type, so the harness reads the types itself."""
from __future__ import annotations

VALTYPES = {0x7F: "i32", 0x7E: "i64", 0x7D: "f32", 0x7C: "f64", 0x7B: "v128", 0x70: "funcref", 0x6F: "externref"}
EXPORT_KINDS = {0: "func", 1: "table", 2: "memory", 3: "global"}


class Reader:
    def __init__(self, data: bytes, position: int = 0):
        self.data, self.position = data, position

    def byte(self) -> int:
        self.position += 1
        return self.data[self.position - 1]

    def u32(self) -> int:
        result, shift = 0, 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result

    def name(self) -> str:
        length = self.u32()
        self.position += length
        return self.data[self.position - length:self.position].decode("utf-8")

    def valtype(self) -> str:
        code = self.byte()
        if code not in VALTYPES:
            raise ValueError(f"value type 0x{code:02x} is not WebAssembly 2.0")
        return VALTYPES[code]


def exports(wasm: bytes) -> list[tuple[str, str, tuple[list[str], list[str]] | None]]:
    """[(name, kind, (params, results) for functions else None)] in export-section order."""
    reader = Reader(wasm, 8)
    types, functions, listed = [], [], []
    while reader.position < len(wasm):
        section, size = reader.byte(), reader.u32()
        end = reader.position + size
        if section == 1:
            for _ in range(reader.u32()):
                if reader.byte() != 0x60:
                    raise ValueError("a type that is not a function type")
                params = [reader.valtype() for _ in range(reader.u32())]
                results = [reader.valtype() for _ in range(reader.u32())]
                types.append((params, results))
        elif section == 2:
            for _ in range(reader.u32()):
                reader.name(), reader.name()
                kind = reader.byte()
                if kind != 0:
                    raise ValueError("imports other than functions are not expected")
                functions.append(reader.u32())
        elif section == 3:
            functions += [reader.u32() for _ in range(reader.u32())]
        elif section == 7:
            for _ in range(reader.u32()):
                name, kind, index = reader.name(), EXPORT_KINDS[reader.byte()], reader.u32()
                listed.append((name, kind, types[functions[index]] if kind == "func" else None))
        reader.position = end
    return listed
