"""Runs a module under Wasmtime (PyPI `wasmtime`) and records what the spec says must happen: the
instantiation's outcome, then every function export called in order in the one instance, then the
value of every exported global.

The high-level Python API cannot pass or return v128 and rounds float bits through Python floats, so
calls go through the C API (wasmtime._ffi) with values kept as raw bits.
"""
from __future__ import annotations

import ctypes
import random

import wasmtime
from wasmtime import _ffi as ffi
from wasmtime._func import enter_wasm

import wasmbin
from smith import REFUEL
from values import pick, zero

# Wasmtime trap codes -> the spec's assert_trap wording (what wasmc's wast runner matches against).
TRAP_TEXT = {
    "MEMORY_OUT_OF_BOUNDS": "out of bounds memory access",
    "TABLE_OUT_OF_BOUNDS": "out of bounds table access",
    "INDIRECT_CALL_TO_NULL": "uninitialized element",
    "BAD_SIGNATURE": "indirect call type mismatch",
    "INTEGER_OVERFLOW": "integer overflow",
    "INTEGER_DIVISION_BY_ZERO": "integer divide by zero",
    "BAD_CONVERSION_TO_INTEGER": "invalid conversion to integer",
    "UNREACHABLE": "unreachable",
    "NULL_REFERENCE": "null reference",
    "STACK_OVERFLOW": "call stack exhausted",
}
EXHAUSTED = "call stack exhausted"
KINDS = {0: "i32", 1: "i64", 2: "f32", 3: "f64", 4: "v128", 5: "funcref", 6: "externref"}
STACK_BYTES = 1 << 20  # the same budget as wasmc's WASMC_STACK_BUDGET


class Unsupported(Exception):
    """Something this harness cannot express or compare; the module is skipped with this reason."""


def make_engine() -> wasmtime.Engine:
    config = wasmtime.Config()
    # WebAssembly 2.0 (what wasmc implements): every later proposal off, so both engines validate alike.
    for feature in ("wasm_tail_call", "wasm_gc", "wasm_function_references", "wasm_exceptions", "wasm_threads",
                    "wasm_memory64", "wasm_multi_memory", "wasm_relaxed_simd", "wasm_wide_arithmetic",
                    "wasm_custom_page_sizes", "wasm_stack_switching"):
        try:
            setattr(config, feature, False)
        except Exception:  # a feature this wasmtime does not know is off anyway
            pass
    for feature in ("wasm_simd", "wasm_reference_types", "wasm_bulk_memory", "wasm_multi_value"):
        setattr(config, feature, True)
    config.max_wasm_stack = STACK_BYTES
    config.parallel_compilation = False  # the harness runs one module per worker process
    return wasmtime.Engine(config)


def _to_raw(store, value) -> ffi.wasmtime_val_t:
    kind, payload = value
    raw = ffi.wasmtime_val_t()
    if kind == "i32":
        raw.kind = ffi.WASMTIME_I32.value
        raw.of.i32 = ctypes.c_int32(payload).value
    elif kind == "i64":
        raw.kind = ffi.WASMTIME_I64.value
        raw.of.i64 = ctypes.c_int64(payload).value
    elif kind == "f32":  # bits through the i32 member: no float rounding, NaN payloads kept
        raw.kind = ffi.WASMTIME_F32.value
        raw.of.i32 = ctypes.c_int32(payload).value
    elif kind == "f64":
        raw.kind = ffi.WASMTIME_F64.value
        raw.of.i64 = ctypes.c_int64(payload).value
    elif kind == "v128":
        raw.kind = ffi.WASMTIME_V128.value
        ctypes.memmove(raw.of.v128, payload, 16)
    elif kind == "funcref":
        raw.kind = ffi.WASMTIME_FUNCREF.value  # null: store_id 0
    elif kind == "externref":
        return wasmtime.Val.externref(payload)._new_raw(store)
    return raw


def _from_raw(store, raw):
    kind = KINDS.get(raw.kind)
    if kind == "i32":
        return (kind, raw.of.i32 & 0xFFFFFFFF)
    if kind == "i64":
        return (kind, raw.of.i64 & 0xFFFFFFFFFFFFFFFF)
    if kind == "f32":
        return (kind, raw.of.i32 & 0xFFFFFFFF)
    if kind == "f64":
        return (kind, raw.of.i64 & 0xFFFFFFFFFFFFFFFF)
    if kind == "v128":
        return (kind, bytes(raw.of.v128))
    if kind == "funcref":
        return (kind, None if raw.of.funcref.store_id == 0 else "func")
    if kind == "externref":
        value = wasmtime.Val._from_raw(store, raw).value
        return (kind, value)
    raise Unsupported(f"result kind {raw.kind}")


def _trap_text(trap: wasmtime.Trap) -> str:
    code = trap.trap_code
    if code is None or code.name not in TRAP_TEXT:
        raise Unsupported(f"wasmtime trap without a spec wording: {code} {trap.message.splitlines()[0]}")
    return TRAP_TEXT[code.name]


def _call(store, func, params, results, arguments):
    raw_args = (ffi.wasmtime_val_t * max(len(params), 1))()
    for index, value in enumerate(arguments):
        raw_args[index] = _to_raw(store, value)
    raw_results = (ffi.wasmtime_val_t * max(len(results), 1))()
    with enter_wasm(store) as trap:
        error = ffi.wasmtime_func_call(store._context(), ctypes.byref(func._func), raw_args, len(params),
                                       raw_results, len(results), trap)
        if error:
            raise wasmtime.WasmtimeError._from_ptr(error)
    return [_from_raw(store, raw_results[index]) for index in range(len(results))]


def _global_value(store, glob):
    raw = ffi.wasmtime_val_t()
    ffi.wasmtime_global_get(store._context(), ctypes.byref(glob._global), ctypes.byref(raw))
    return _from_raw(store, raw)


def run(engine: wasmtime.Engine, wasm: bytes, seed: int) -> dict:
    """The record of one module: {"instantiate": None | trap text, "calls": [(export, args, outcome)],
    "globals": [(export, value)]}; an outcome is ("values", [...]) or ("trap", text).

    After a call that exhausts the stack the rest is not recorded: what it left behind (globals,
    memory) depends on how deep the engine got, so later results are no longer the spec's."""
    module = wasmtime.Module(engine, wasm)
    store = wasmtime.Store(engine)
    record = {"instantiate": None, "calls": [], "globals": [], "stopped": None}
    try:
        instance = wasmtime.Instance(store, module, [])
    except wasmtime.Trap as trap:
        record["instantiate"] = _trap_text(trap)
        if record["instantiate"] == EXHAUSTED:
            raise Unsupported("the start function exhausted the stack")
        return record
    exports = instance.exports(store)
    rng = random.Random(seed)
    listed = wasmbin.exports(wasm)
    refuel = exports[REFUEL] if any(name == REFUEL for name, _, _ in listed) else None
    for name, kind, signature in listed:
        if kind != "func" or name == REFUEL:
            continue
        params, results = signature
        func = exports[name]
        # Each export twice: all zeros, then seeded boundary values.
        for arguments in ([zero(k) for k in params], [pick(k, rng) for k in params]):
            if refuel is not None:  # every call starts with the same fuel, in both engines
                _call(store, refuel, [], [], [])
                record["calls"].append((REFUEL, [], ("values", [])))
            try:
                outcome = ("values", _call(store, func, params, results, arguments))
            except wasmtime.Trap as trap:
                outcome = ("trap", _trap_text(trap))
            record["calls"].append((name, arguments, outcome))
            if outcome == ("trap", EXHAUSTED):
                record["stopped"] = f"{name!r} exhausted the stack"
                return record
            if not params:
                break  # a second call with the same (no) arguments adds little
    for name, kind, _ in listed:
        if kind == "global":
            record["globals"].append((name, _global_value(store, exports[name])))
    return record
