#!/usr/bin/env bash
# Load figures for `wasmc serve` (not part of the test suite), on loopback only, bounded in time:
#   1. cache hits of one ~100 KB artifact, 64 connections, 15 s: req/s, p50, p99 (wrk --latency);
#   2. peak RSS of the server (VmHWM) after 100,000 such requests;
#   3. 64 concurrent POSTs of one new module: wall time, compiles counted by /metrics (want 1);
#   4. 16 distinct modules posted at once to a server with --jobs 2: wall time, compiles, slowest request.
# Uses .build/release/wasmc when built (else the debug build; say which in any figures you quote), or $WASMC.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc=${WASMC:-$(pwd)/.build/release/wasmc}
[ -x "$wasmc" ] || wasmc=$(pwd)/.build/debug/wasmc
if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
work=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then { kill -9 "$server" && wait "$server"; } 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
"$wasmc" serve --listen "127.0.0.1:$port" --cache "$work/cache" --jobs 2 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

module() { # module NAME N: the test suite's hello module, made distinct by a global holding N
    sed "s/(memory (export \"memory\") 1)/(memory (export \"memory\") 1) (global i32 (i32.const $2))/" \
        Tests/DriverFixtures/serve_hello.wat >"$work/$1.wat"
    wasm-tools parse "$work/$1.wat" -o "$work/$1.wasm"
}
compiles() { curl -s "$base/metrics" | awk '$1 == "wasmc_compiles_total{result=\"ok\"}" { print $2; f = 1 } END { if (!f) print 0 }'; }
now() { date +%s.%N; }

# The artifact nearest 100 KB among the kinds.
module hit 1
best= bestsize=0
for emit in exe shared obj; do
    curl -sf -o "$work/a.$emit" -D "$work/h.$emit" --data-binary "@$work/hit.wasm" "$base/v1/compile?emit=$emit"
    size=$(stat -c %s "$work/a.$emit")
    if [ -z "$best" ] || [ $(( (size - 102400) ** 2 )) -lt $(( (bestsize - 102400) ** 2 )) ]; then best=$emit bestsize=$size; fi
done
key=$(grep -i '^wasmc-cache-key:' "$work/h.$best" | cut -d: -f2 | tr -d ' \r')
url="$base/v1/artifacts/$key.$best"

wrk -t2 -c64 -d15s --latency "$url" >"$work/wrk.txt"
rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")
p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" | tr '\n' ' ' || true)

cat >"$work/count.lua" <<'LUA'
local done = 0
local limit = 50000 -- per thread; two threads
function response(status)
    done = done + 1
    if done >= limit then wrk.thread:stop() end
end
LUA
# wrk's threads stop at 50,000 responses each, but wrk itself runs for all of -d: size it from the rate above.
duration=$(python3 -c "import math, sys; print(min(300, math.ceil(100000 / max(float(sys.argv[1]), 100) * 1.5) + 5))" "$rps")
wrk -t2 -c64 -d"${duration}s" -s "$work/count.lua" "$url" >"$work/wrk100k.txt"
requests100k=$(awk '/requests in/ { print $1 }' "$work/wrk100k.txt")
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")

module flight 2
before=$(compiles)
start=$(now)
clients=()
for i in $(seq 1 64); do
    curl -s -o /dev/null -w '%{http_code}\n' --data-binary "@$work/flight.wasm" "$base/v1/compile?emit=exe" >"$work/flight.$i" &
    clients+=($!)
done
wait "${clients[@]}"
flightSeconds=$(echo "$(now) - $start" | bc)
flightOK=$(cat "$work"/flight.* | grep -c '^200$')
flightCompiles=$(( $(compiles) - before ))

for i in $(seq 1 16); do module "distinct$i" $((1000 + i)); done
before=$(compiles)
start=$(now)
clients=()
for i in $(seq 1 16); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --data-binary "@$work/distinct$i.wasm" "$base/v1/compile?emit=exe" >"$work/distinct.$i" &
    clients+=($!)
done
wait "${clients[@]}"
distinctSeconds=$(echo "$(now) - $start" | bc)
distinctOK=$(cat "$work"/distinct.[0-9]* | grep -c '^200 ')
distinctSlowest=$(cat "$work"/distinct.[0-9]* | awk '{ print $2 }' | sort -n | tail -1)
distinctCompiles=$(( $(compiles) - before ))

printf '\nwasmc serve on %s (%s), %s cores\n\n' "$(uname -m)" "$wasmc" "$(nproc)"
printf '| measurement | figure |\n| --- | --- |\n'
printf '| cache hits: artifact | %s, %s bytes |\n' "$best" "$bestsize"
printf '| cache hits, 64 connections, 15 s | %s req/s, p50 %s, p99 %s %s|\n' "$rps" "$p50" "$p99" "$errors"
printf '| 100,000 hits | %s requests; server peak RSS (VmHWM) %s MiB |\n' "$requests100k" "$((rss / 1024))"
printf '| 64 concurrent POSTs, one new module | %s x 200 in %.2f s; %s compile(s) |\n' "$flightOK" "$flightSeconds" "$flightCompiles"
printf '| 16 distinct modules at once, --jobs 2 | %s x 200 in %.2f s (slowest request %.2f s); %s compiles |\n' \
    "$distinctOK" "$distinctSeconds" "$distinctSlowest" "$distinctCompiles"
