#!/usr/bin/env bash
# Compile time of a large module by stage: builds the generated C program of benchmarks/frontend
# (FUNCTIONS functions, default 13000: about 4 MB of wasm) and runs `wasmc compile --no-cache --time-stages`
# on it (release build) at -O0 and -O2 with 1 and 2 codegen jobs, then prints one table of seconds.
# Worker stages (lower, optimize, codegen) are summed over partitions; "backend" is their elapsed time;
# "process" is the command's wall time (it includes preparing the runtime before any stage starts).
# "cpu" is the backend's CPU time over all threads and "busiest" the CPU time of its largest partition:
# elapsed times mean little on a machine other processes keep busy, CPU times do not.
# Usage: benchmarks/compile/run.sh [FUNCTIONS]   Environment: REPEAT (default 1; the fastest run is kept).
set -euo pipefail
cd "$(dirname "$0")/../.."
functions=${1:-13000}
out=benchmarks/build/compile
mkdir -p "$out"
wasm=$out/large-$functions.wasm
if [ ! -f "$wasm" ]; then
    clang=$(dirname "$(readlink -f "$(command -v swift)")")/clang
    python3 benchmarks/frontend/generate_large_module.py "$functions" > "$out/large-$functions.c"
    "$clang" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -O2 \
        "$out/large-$functions.c" -o "$wasm.tmp" -nodefaultlibs -lc /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
    mv "$wasm.tmp" "$wasm"
fi
wasmc=${WASMC:-.build/release/wasmc}
[ -n "${WASMC:-}" ] || swift build -c release --product wasmc >&2
echo "module: $wasm ($(stat -c %s "$wasm") bytes), $(nproc) processors, ${REPEAT:-1} run(s) per row, fastest kept; load average before: $(cut -d" " -f1-3 /proc/loadavg)"
for level in 0 2; do
    for jobs in 1 2; do
        best=""
        for _ in $(seq "${REPEAT:-1}"); do
            started=$(date +%s.%N)
            report=$("$wasmc" compile "$wasm" -o "$out/large.exe" --no-cache --time-stages -O$level --codegen-jobs "$jobs" 2>&1 >/dev/null)
            report+=$'\n'"process $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }') s"
            total=$(awk '$1 == "total" { print $2 }' <<<"$report")
            if [ -z "$best" ] || awk -v a="$total" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$total; kept=$report; fi
        done
        printf '%s\n' "== -O$level jobs=$jobs" "$kept"
    done
done | python3 -c '
import re, sys
columns = [("decode", "decode"), ("validate", "validate"), ("translate", "translate to SSA IR"), ("verify", "verify IR"),
           ("lower", "lower to LLVM IR"), ("optimize", "optimize"), ("codegen", "codegen"), ("backend", "backend elapsed"), ("cpu", "backend CPU"), ("busiest", "busiest"),
           ("merge", "merge objects"), ("host lib", "host runtime library"), ("link", "link"), ("total", "total"), ("process", "process")]
rows, current, notes = [], None, []
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("module:"):
        print(line); continue
    if line.startswith("== "):
        current = {"mode": line[3:]}; rows.append(current); continue
    match = re.match(r"(.+?)\s+([0-9.]+) s(?:\s+\((.*)\))?$", line)
    if match and current is not None:
        current[match.group(1)] = float(match.group(2))
        if match.group(1) == "backend elapsed": current["parts"] = match.group(3)
        if match.group(1) == "backend CPU": current["busiest"] = float(match.group(3).split()[-2])
header = ["mode"] + [name for name, _ in columns]
print(" | ".join(f"{h:>9}" for h in header) + " | partitions")
print("-" * (12 * len(header) + 30))
for row in rows:
    cells = [row["mode"]] + [f"{row[key]:.3f}" if key in row else "-" for _, key in columns]
    print(" | ".join(f"{c:>9}" for c in cells) + " | " + row.get("parts", ""))
by_mode = {row["mode"]: row for row in rows}
for level in ("0", "2"):
    one, two = by_mode.get(f"-O{level} jobs=1"), by_mode.get(f"-O{level} jobs=2")
    if one and two and "total" in one and "total" in two:
        total, backend = one["total"] / two["total"], one["backend elapsed"] / two["backend elapsed"]
        ideal = one["busiest"] / two["busiest"]
        print(f"-O{level}: 2 jobs vs 1: total {total:.2f}x, backend {backend:.2f}x faster elapsed; "
              f"busiest-partition CPU {ideal:.2f}x shorter (the backend speedup with a free core per partition)")
'
