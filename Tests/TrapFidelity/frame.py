#!/usr/bin/env python3
"""Prints a module whose recursion keeps CALLS results areas of 16 KB each in every frame (a frame of
about 16 x CALLS KB), for the stack-exhaustion checks: `frame.py CALLS > frame.wat`."""
import sys

calls = int(sys.argv[1])
results = " ".join(["i64"] * 1000)
constants = " ".join(["(i64.const 7)"] * 1000)
drops = " ".join(["drop"] * 1000)
body = "\n    ".join(f"(call $callee (local.get $d)) {drops}" for _ in range(calls))
print(f"""(module
  (memory 1)
  (func $callee (param i64) (result {results}) {constants})
  (func $rec (param $d i64) (result i64)
    {body}
    (if (result i64) (i64.eqz (local.get $d)) (then (i64.const 0))
      (else (call $rec (i64.sub (local.get $d) (i64.const 1))))))
  (func (export "_start") (drop (call $rec (i64.const 1000000)))))""")
