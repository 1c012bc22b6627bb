#!/usr/bin/env bash
# Grants (--dir, --env) and program arguments on wasmc's command line: nothing a program receives can
# become a grant, values arrive byte for byte or are refused, and a compiled executable takes no grant
# from its environment. A guest (Tests/DriverFixtures/peek_grants.wat) prints its argv, environ and
# preopens as raw bytes, which are compared with what is expected.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc=$(pwd)/.build/debug/wasmc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-tools parse Tests/DriverFixtures/peek_grants.wat -o "$work/peek.wasm"
printf '(module (func (export "boom") unreachable))' >"$work/boom.wat"
wasm-tools parse "$work/boom.wat" -o "$work/boom.wasm"
mkdir "$work/granted"
cd "$work"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expected ARGV... %env ENV... %dirs PREOPEN...: what peek prints.
expected() {
    local part=argv
    printf 'argv:'
    for item in "$@"; do
        case "$part:$item" in
            argv:%env) part=environ; printf '\nenviron:' ;;
            environ:%dirs) part=preopen; printf '\n' ;;
            preopen:*) printf 'preopen:%s\n' "$item" ;;
            *) printf '%s\0' "$item" ;;
        esac
    done
}

# check NAME EXPECTED_FILE COMMAND...: the command exits 0 and prints exactly EXPECTED_FILE.
check() {
    local name=$1 want=$2
    shift 2
    if ! "$@" >"$work/out" 2>"$work/err"; then
        fail "$name: exit status $? ($(head -c 300 "$work/err"))"
    elif ! cmp -s "$want" "$work/out"; then
        fail "$name: printed $(od -c "$work/out" | head -5), expected $(od -c "$want" | head -5)"
    fi
}

# refused NAME PATTERN COMMAND...: the command exits 1 with PATTERN on stderr and writes no "out.exe".
refused() {
    local name=$1 pattern=$2 status=0
    shift 2
    rm -f out.exe
    "$@" >"$work/out" 2>"$work/err" || status=$?
    if [ "$status" -ne 1 ]; then
        fail "$name: exit status $status, expected 1 ($(head -c 300 "$work/err"))"
    elif ! grep -q -- "$pattern" "$work/err"; then
        fail "$name: stderr lacks '$pattern': $(head -c 300 "$work/err")"
    fi
    [ ! -e out.exe ] || fail "$name: wrote an executable"
}

# A newline in a value, given or inherited, is a byte of the value and never another grant.
expected peek.wasm %env $'A=x\n--dir=/' %dirs >want
check "run --env with a newline" want "$wasmc" run --env $'A=x\n--dir=/' peek.wasm
expected peek.wasm %env $'V=1\n--dir=/' %dirs >want
V=$'1\n--dir=/' check "run --env NAME inheriting a newline" want "$wasmc" run --env V peek.wasm

# Everything after the module is the program's; exactly one -- right after it is dropped.
expected peek.wasm x --dir / %env %dirs >want
check "run: grant flags after the module are arguments" want "$wasmc" run peek.wasm x --dir /
expected peek.wasm -- x %env %dirs >want
check "run m -- -- x" want "$wasmc" run peek.wasm -- -- x
expected peek.wasm --env A=1 -O0 --help %env %dirs >want
check "run: options after the module are arguments" want "$wasmc" run peek.wasm -- --env A=1 -O0 --help
expected peek.wasm %env %dirs granted >want
check "run --dir before the module" want "$wasmc" run --dir granted peek.wasm
expected peek.wasm %env %dirs /sandbox >want
check "run --dir HOST::GUEST" want "$wasmc" run --dir granted::/sandbox -- peek.wasm

# Bytes: '=' and newlines in values, non-UTF-8 program arguments, UTF-8 and C-special bytes baked in.
expected peek.wasm $'\xff\xfe' '' $'a\nb' %env 'E==a=b' $'N=\n' %dirs >want
check "run: exact bytes" want "$wasmc" run --env 'E==a=b' --env $'N=\n' peek.wasm $'\xff\xfe' '' $'a\nb'
refused "run: non-UTF-8 --env value" "not valid UTF-8" "$wasmc" run --env $'A=\xff' peek.wasm
refused "run: non-UTF-8 --dir" "not valid UTF-8" "$wasmc" run --dir $'\xff' peek.wasm
W=$'\xff' refused "run: non-UTF-8 inherited value" "not valid UTF-8" "$wasmc" run --env W peek.wasm
refused "run: empty variable name" "variable name" "$wasmc" run --env =x peek.wasm
quirky=$'q="\\?\\\\\x01\n\xc3\xbc7\t'
"$wasmc" compile peek.wasm -o app --env "Q=$quirky" --dir "granted::/g"
expected ./app one --dir / %env "Q=$quirky" %dirs /g >want
WASMC_HOST_OPTIONS=$'--dir=/\n--env=X=1' check "compile: exact bytes, argv and environment ignored" want ./app one --dir /

# A compiled executable takes no grant from its environment.
"$wasmc" compile peek.wasm -o plain
expected ./plain %env %dirs >want
WASMC_HOST_OPTIONS=--dir=/ check "compiled executable ignores WASMC_HOST_OPTIONS" want ./plain

# compile refuses grants that would fail on every run.
refused "compile --dir ''" "directory path is empty" "$wasmc" compile peek.wasm -o out.exe --dir ''
refused "compile --dir X::" "directory path is empty" "$wasmc" compile peek.wasm -o out.exe --dir granted::
refused "compile --env =x" "variable name" "$wasmc" compile peek.wasm -o out.exe --env =x
refused "compile --env ''" "variable name" "$wasmc" compile peek.wasm -o out.exe --env ''
refused "compile: non-UTF-8 value" "not valid UTF-8" "$wasmc" compile peek.wasm -o out.exe --env $'A=\xff'

# A trap under --invoke is reported like a program's trap.
status=0
"$wasmc" run --invoke boom boom.wasm >"$work/out" 2>"$work/err" || status=$?
[ "$status" -eq 134 ] || fail "run --invoke trap: exit status $status, expected 134"
grep -qx 'Error: wasm trap: unreachable' "$work/err" || fail "run --invoke trap: stderr $(head -c 300 "$work/err")"

if [ "$failures" -ne 0 ]; then
    echo "host options: $failures failed" >&2
    exit 1
fi
echo "host options: all passed"
