#!/usr/bin/env bash
# Executables built by wasmc end as the wasmtime CLI ends the same module (measured with Wasmtime 50):
# proc_exit statuses outside [0, 126) are an error (status 1), never a truncated status; a segment
# that does not fit or a trapping start function is a trap (134) that names instantiation, not `_start`;
# a table above the runtime's limit or a memory that cannot be reserved is an instantiation error (1),
# not a trap.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc=$(pwd)/.build/debug/wasmc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

build() { # NAME WAT
    printf '%s\n' "$2" >"$work/$1.wat"
    wasm-tools parse "$work/$1.wat" -o "$work/$1.wasm"
    "$wasmc" compile "$work/$1.wasm" -o "$work/$1"
}

# expect NAME STATUS 'STDERR REGEX' [ARGS...]: the exit status and a line of stderr that must match;
# a regex starting with ! must match no line.
expect() {
    local name=$1 status=$2 pattern=$3
    shift 3
    local actual=0
    "$work/$name" "$@" >/dev/null 2>"$work/stderr" || actual=$?
    checks=$((checks + 1))
    local matched=0
    if [[ $pattern == !* ]]; then
        grep -Eq -- "${pattern#!}" "$work/stderr" || matched=1
    else
        grep -Eq -- "$pattern" "$work/stderr" && matched=1
    fi
    if [ "$actual" -ne "$status" ] || [ "$matched" -ne 1 ]; then
        failures=$((failures + 1))
        echo "FAIL $name $*: exit $actual (expected $status), stderr must match '$pattern':" >&2
        sed 's/^/    /' "$work/stderr" >&2
    fi
}

# proc_exit(argv[1] as a decimal, possibly negative).
build exit '(module
  (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (local $p i32) (local $n i32) (local $sign i32) (local $c i32)
    (drop (call $args (i32.const 0) (i32.const 64)))
    (local.set $p (i32.load (i32.const 4)))
    (local.set $sign (i32.const 1))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 45))
      (then (local.set $sign (i32.const -1)) (local.set $p (i32.add (local.get $p) (i32.const 1)))))
    (block $done (loop $digits
      (local.set $c (i32.load8_u (local.get $p)))
      (br_if $done (i32.eqz (local.get $c)))
      (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 10)) (i32.sub (local.get $c) (i32.const 48))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $digits)))
    (call $exit (i32.mul (local.get $n) (local.get $sign)))))'
for status in 0 1 125; do
    expect exit "$status" '!.' "$status"
done
for status in 126 127 128 255 256 257 4096 -1 -2147483648; do
    expect exit 1 '^Error: exit with invalid exit status outside of \[0\.\.126\)' "$status"
done

build data '(module (memory (export "memory") 1) (data (i32.const 10) "ok") (data (i32.const 65535) "ab")
  (func $f (export "_start")) (func $g) (func $h))'
expect data 134 '^Error: wasm trap: out of bounds memory access$'
expect data 134 '^  while instantiating the module: data segment 1$'
expect data 134 '!in wasm function'

build elements '(module (memory (export "memory") 1) (table 1 funcref) (elem (i32.const 1) $f) (func $f (export "_start")))'
expect elements 134 '^Error: wasm trap: undefined element$'
expect elements 134 '^  while instantiating the module: element segment 0$'
expect elements 134 '!in wasm function'

build start '(module (memory (export "memory") 1) (func $boom unreachable) (func $s call $boom) (start $s)
  (func (export "_start")))'
expect start 134 '^Error: wasm trap: unreachable$'
expect start 134 '^  in wasm function boom$'
expect start 134 '^  while instantiating the module: start function$'

build table '(module (memory (export "memory") 1) (table 10000001 funcref) (func (export "_start")))'
expect table 1 '^Error: failed to instantiate the module: table minimum size of 10000001 elements exceeds table limits$'
expect table 1 '!wasm trap'

# A memory whose 8 GiB reservation fails (here: address space limited to 4 GB) is an instantiation error.
printf '#!/bin/sh\nulimit -v 4000000\nexec "%s" 0\n' "$work/exit" >"$work/small_address_space"
chmod +x "$work/small_address_space"
expect small_address_space 1 '^Error: failed to instantiate the module: cannot reserve address space for memory 0'
expect small_address_space 1 '!wasm trap'

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
