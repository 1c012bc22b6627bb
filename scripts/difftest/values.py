"""Wasm values as exact bits, and their text in a .wast script.

A value is (type, payload): i32/i64/f32/f64 carry their unsigned bit pattern, v128 its 16 bytes,
funcref None (null) or "func" (some non-null function: wast cannot name which), externref None or
the host integer the script passed in.
"""
from __future__ import annotations

import math
import random
import struct

MASKS = {"i32": (1 << 32) - 1, "i64": (1 << 64) - 1}


def _float_text(bits: int, width: int) -> str:
    # Exact: hex floats for numbers, nan:0x… with the payload for NaNs.
    exponent_bits, fraction_bits = (8, 23) if width == 32 else (11, 52)
    sign = "-" if bits >> (width - 1) else ""
    exponent = (bits >> fraction_bits) & ((1 << exponent_bits) - 1)
    fraction = bits & ((1 << fraction_bits) - 1)
    if exponent == (1 << exponent_bits) - 1:
        return f"{sign}inf" if fraction == 0 else f"{sign}nan:0x{fraction:x}"
    fmt = "<I" if width == 32 else "<Q"
    unpacked = struct.unpack("<f" if width == 32 else "<d", struct.pack(fmt, bits))[0]
    text = float(abs(unpacked)).hex() if not (unpacked == 0) else "0x0p+0"
    return sign + text


def wast_text(value) -> str:
    kind, payload = value
    if kind in ("i32", "i64"):
        return f"({kind}.const 0x{payload:x})"
    if kind == "f32":
        return f"(f32.const {_float_text(payload, 32)})"
    if kind == "f64":
        return f"(f64.const {_float_text(payload, 64)})"
    if kind == "v128":
        lanes = struct.unpack("<4I", payload)
        return "(v128.const i32x4 " + " ".join(f"0x{lane:08x}" for lane in lanes) + ")"
    if kind == "funcref":
        return "(ref.null func)" if payload is None else "(ref.func)"
    if kind == "externref":
        return "(ref.null extern)" if payload is None else f"(ref.extern {payload})"
    raise ValueError(f"no wast text for {kind}")


def describe(value) -> str:
    """Short human form for reports: type:hex bits."""
    kind, payload = value
    if kind == "v128":
        return "v128:" + payload.hex()
    if kind in ("funcref", "externref"):
        return f"{kind}:{'null' if payload is None else payload}"
    return f"{kind}:0x{payload:x}"


# Argument pools: boundaries that make loads, divisions and conversions trap or wrap.
_I32 = [0, 1, 2, 7, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 0xFFFF, 0x10000, 0x11170, 0xFFFFFFF0]
_I64 = [0, 1, 3, (1 << 64) - 1, 1 << 63, (1 << 63) - 1, 0xFFFFFFFF, 0x100000000, 0x10000]
_F32 = [0, 0x80000000, 0x3F800000, 0xBFC00000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x4F000000, 0xCF000001, 0x00000001]
_F64 = [0, 1 << 63, 0x3FF0000000000000, 0xBFF8000000000000, 0x7FF0000000000000, 0x7FF8000000000000,
        0x41E0000000000000, 0xC3E0000000000001, 1]


def _canonical_nan(bits: int, width: int) -> int:
    # Random bits may form a NaN with a payload; NaN arguments are kept canonical so that engines may
    # not legitimately disagree on what an arithmetic operation makes of them.
    value = struct.unpack("<f" if width == 32 else "<d", struct.pack("<I" if width == 32 else "<Q", bits))[0]
    if math.isnan(value):
        return 0x7FC00000 if width == 32 else 0x7FF8000000000000
    return bits


def zero(kind: str):
    if kind == "v128":
        return (kind, bytes(16))
    if kind in ("funcref", "externref"):
        return (kind, None)
    return (kind, 0)


def pick(kind: str, rng: random.Random):
    """A seeded argument: mostly boundary values, sometimes random bits."""
    if kind == "v128":
        return (kind, rng.choice([bytes(16), b"\xff" * 16, rng.randbytes(16)]))
    if kind == "funcref":
        return (kind, None)  # wast can only pass a null function reference
    if kind == "externref":
        return (kind, rng.choice([None, 1, 2, 3]))
    pool = {"i32": _I32, "i64": _I64, "f32": _F32, "f64": _F64}[kind]
    if rng.random() < 0.75:
        return (kind, rng.choice(pool))
    width = 32 if kind in ("i32", "f32") else 64
    bits = rng.getrandbits(width)
    return (kind, _canonical_nan(bits, width) if kind.startswith("f") else bits)
