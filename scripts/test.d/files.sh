#!/usr/bin/env bash
# Files against neighbours and careless users (issue 9, parts 3 and 4), on the wasmc command line:
# one-line file errors with status 1, -o never replacing a special file, nothing left in $TMPDIR
# (after success, after SIGTERM, after `run`'s exec), a private cache, and a cache that is read-only
# or another user's still letting `run` work.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc="$(swift build --show-bin-path)/wasmc"
hello=$PWD/examples/hello.wasm
[ -x "$wasmc" ] || { echo "files: build wasmc first (swift build)" >&2; exit 1; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
export XDG_CACHE_HOME=$work/cache
failures=0
fail() { echo "files: FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_error STATUS LINE COMMAND...: the command exits with STATUS and stderr is exactly LINE.
expect_error() {
    local status=$1 line=$2 actual=0
    shift 2
    "$@" >"$work/out" 2>"$work/err" || actual=$?
    [ "$actual" -eq "$status" ] || fail "$* exited $actual, not $status: $(head -c 300 "$work/err")"
    [ "$(cat "$work/err")" = "$line" ] || fail "$*: stderr was '$(head -c 300 "$work/err")', not '$line'"
}

# A missing or unreadable input: one line and status 1, not the usage text and 64.
expect_error 1 "error: cannot read the input: $work/missing.wasm: No such file or directory" \
    "$wasmc" compile "$work/missing.wasm" -o "$work/x"
expect_error 1 "error: cannot read the input: $work: Is a directory" "$wasmc" validate "$work"
expect_error 1 "error: cannot read the input: $work/missing.wasm: No such file or directory" "$wasmc" run "$work/missing.wasm"
expect_error 1 "error: cannot read the input: $work/missing.wast: No such file or directory" "$wasmc" wast "$work/missing.wast"
expect_error 1 "error: cannot read the input: $work/missing: No such file or directory" "$wasmc" fuzz "$work/missing"
expect_error 1 "error: cannot read the input: $work/missing.wasm: No such file or directory" "$wasmc" bench --no-interpreter "$work/missing.wasm"

# -o onto what is not a regular file is refused, and the thing stays what it was.
mkdir "$work/out-dir" && mkfifo "$work/fifo" && echo precious >"$work/precious"
ln -s "$work/precious" "$work/link"
refused() { echo "error: cannot write the output: $1: $2, not a regular file; refusing to replace it"; }
expect_error 1 "$(refused "$work/fifo" "is a FIFO")" "$wasmc" compile "$hello" --emit llvm -o "$work/fifo"
[ -p "$work/fifo" ] || fail "the FIFO was replaced"
expect_error 1 "$(refused "$work/link" "is a symbolic link")" "$wasmc" compile "$hello" -o "$work/link"
[ -L "$work/link" ] && [ "$(cat "$work/precious")" = precious ] || fail "the symlink or its target was replaced"
expect_error 1 "$(refused "$work/out-dir" "is a directory")" "$wasmc" compile "$hello" --emit obj -o "$work/out-dir"
[ -d "$work/out-dir" ] || fail "the directory was replaced"
if [ "$(id -u)" -eq 0 ]; then
    mknod "$work/null" c 1 3
    expect_error 1 "$(refused "$work/null" "is a character device")" "$wasmc" compile "$hello" -o "$work/null"
    [ -c "$work/null" ] || fail "the device node was replaced"
fi
expect_error 1 "error: cannot write the output: $work/no/dir/x: No such file or directory" \
    "$wasmc" compile "$hello" -o "$work/no/dir/x"
[ -z "$(find "$work" -maxdepth 1 -name '.wasmc-output-*')" ] || fail "a temporary output file was left behind"

# Success: the output is written, and every scratch directory is gone afterwards.
mkdir -m 700 "$work/tmp"
TMPDIR=$work/tmp "$wasmc" compile "$hello" -o "$work/hello"
"$work/hello" | grep "^Hello from WebAssembly" >/dev/null || fail "the compiled program did not print its greeting"
TMPDIR=$work/tmp "$wasmc" compile --no-cache "$hello" --emit obj -o "$work/hello.o"
[ -z "$(ls -A "$work/tmp")" ] || fail "compile left $(ls -A "$work/tmp") in \$TMPDIR"
TMPDIR=$work/tmp "$wasmc" run --no-cache "$hello" | grep "^Hello from WebAssembly" >/dev/null || fail "run --no-cache did not print the greeting"
[ -z "$(ls -A "$work/tmp")" ] || fail "run --no-cache left $(ls -A "$work/tmp") in \$TMPDIR"
TMPDIR=$work/tmp "$wasmc" compile --no-cache "$hello" -o "$work/killed" 2>/dev/null &
sleep 1.5
kill -TERM $! 2>/dev/null || true
wait $! 2>/dev/null || true
sleep 0.5  # compiler children the signal did not reach finish writing into the removed directory
[ -z "$(ls -A "$work/tmp")" ] || fail "a compile ended by SIGTERM left $(ls -A "$work/tmp") in \$TMPDIR"

# The cache is private whatever the umask (this shell's is 022).
umask 022
"$wasmc" run "$hello" | grep "^Hello from WebAssembly" >/dev/null || fail "a cached run did not print the greeting"
[ -z "$(find "$XDG_CACHE_HOME" -perm /077)" ] || fail "cache paths readable by others: $(find "$XDG_CACHE_HOME" -perm /077 | head -3)"
[ -n "$(find "$XDG_CACHE_HOME/wasmc/cas" -type f -perm 700)" ] || fail "no cached executable with mode 0700"

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    # Another user's cache: refused with a warning, the program still runs, nothing is written there.
    mkdir -p "$work/theirs/wasmc" && chown -R nobody "$work/theirs" && chmod 700 "$work/theirs/wasmc"
    XDG_CACHE_HOME=$work/theirs "$wasmc" run "$hello" 2>"$work/err" | grep "^Hello from WebAssembly" >/dev/null || fail "run with another user's cache failed: $(cat "$work/err")"
    grep -q "^warning: cannot use the cache directory: $work/theirs/wasmc: owned by uid 65534" "$work/err" || fail "no warning about the foreign cache: $(cat "$work/err")"
    [ -z "$(ls -A "$work/theirs/wasmc")" ] || fail "wrote into another user's cache"
    # A read-only cache of the user running wasmc (nobody, as root ignores permissions).
    mkdir -p "$work/ro/wasmc" "$work/ro-tmp" && chown -R nobody "$work/ro" "$work/ro-tmp" && chmod 500 "$work/ro/wasmc"
    as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent XDG_CACHE_HOME="$work/ro" TMPDIR="$work/ro-tmp" "$@"; }
    as_nobody "$wasmc" run "$hello" 2>"$work/err" | grep "^Hello from WebAssembly" >/dev/null || fail "run with a read-only cache failed: $(cat "$work/err")"
    [ "$(grep -c '^warning: ' "$work/err")" -eq 1 ] || fail "expected one warning with a read-only cache: $(cat "$work/err")"
    [ -z "$(find "$work/ro/wasmc" "$work/ro-tmp" -mindepth 1)" ] || fail "left files behind with a read-only cache"
fi

[ "$failures" -eq 0 ] || exit 1
echo "files: all checks passed"
