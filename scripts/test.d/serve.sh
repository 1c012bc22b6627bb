#!/usr/bin/env bash
# `wasmc serve` for real, on free loopback ports: compile (and run the executable), cache hit/miss,
# ETag/304, 404, 400s, 401 with a token, 413, 422 with offsets, the manifest, metrics, single flight
# (64 concurrent POSTs of one new module compile once), isolation (a compile child that dies fails one
# request), kill -9 mid-compile then restart, hostile CLI values, and a graceful SIGTERM stop.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc=$(pwd)/.build/debug/wasmc
work=$(mktemp -d)
servers=()
cleanup() {
    for pid in "${servers[@]}"; do { kill -9 "$pid" && wait "$pid"; } 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

failures=0
checks=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
expect() { # expect NAME WANT GOT
    checks=$((checks + 1))
    [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start NAME ARGS...: starts a server (log in $work/NAME.log), sets $port and $pid, waits for /healthz.
start() {
    local name=$1
    shift
    port=$(free_port)
    "$wasmc" serve --listen "127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1 &
    pid=$!
    servers+=("$pid")
    for _ in $(seq 1 100); do
        if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then return 0; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "server $name did not start:" >&2
    cat "$work/$name.log" >&2
    exit 1
}

# post URL FILE [CURL ARGS...]: POSTs FILE; body to $work/body, headers to $work/headers; prints the status.
post() {
    local url=$1 file=$2
    shift 2
    curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' --data-binary "@$file" "$@" "$url"
}
header() { grep -i "^$1:" "$work/headers" | head -1 | cut -d: -f2- | tr -d ' \r"'; }
json() { python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$work/body" "$1"; }
metric() { # metric NAME_WITH_LABELS: the value, 0 when absent
    curl -s "$base/metrics" | awk -v name="$1" '$1 == name { print $2; found = 1 } END { if (!found) print 0 }'
}
module() { # module FILE N: the hello module, made distinct by a global holding N
    sed "s/(memory (export \"memory\") 1)/(memory (export \"memory\") 1) (global i32 (i32.const $2))/" \
        Tests/DriverFixtures/serve_hello.wat >"$work/$1.wat"
    wasm-tools parse "$work/$1.wat" -o "$work/$1.wasm"
}

module hello $$
printf '\0asm\1\0\0\0\1\5' >"$work/malformed.wasm"
printf '(module (func (result i32) i64.const 1))' >"$work/invalid.wat"
wasm-tools parse "$work/invalid.wat" -o "$work/invalid.wasm"
head -c 300000 /dev/urandom >"$work/big.bin"

start main --cache "$work/cache" --jobs 2 --max-module-size 256K
base="http://127.0.0.1:$port"

echo "-- compile, run, hit/miss, ETag"
expect "healthz" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")"
expect "compile exe" 200 "$(post "$base/v1/compile?emit=exe&opt=2" "$work/hello.wasm")"
expect "first compile is a miss" miss "$(header Wasmc-Cache)"
key=$(header Wasmc-Cache-Key)
etag=$(header ETag)
expect "key is 64 hex digits" 64 "$(printf %s "$key" | grep -cE '^[0-9a-f]{64}$' | sed 's/1/64/')"
expect "ETag is the artifact's SHA-256" "$(sha256sum "$work/body" | cut -d' ' -f1)" "$etag"
cp "$work/body" "$work/hello.exe"
chmod +x "$work/hello.exe"
expect "the executable runs" "hello from wasmc serve" "$("$work/hello.exe")"
expect "compile again" 200 "$(post "$base/v1/compile?emit=exe&opt=2" "$work/hello.wasm")"
expect "second compile is a hit" hit "$(header Wasmc-Cache)"
expect "hit has the same ETag" "$etag" "$(header ETag)"
expect "other options, other key" 200 "$(post "$base/v1/compile?emit=exe&opt=0&bounds=explicit" "$work/hello.wasm")"
[ "$(header Wasmc-Cache-Key)" != "$key" ] || fail "opt=0 bounds=explicit reused the key"
for emit in obj shared header manifest; do
    expect "emit=$emit" 200 "$(post "$base/v1/compile?emit=$emit" "$work/hello.wasm")"
done

echo "-- artifacts by key, 304, HEAD, 404, 400"
expect "GET artifact" 200 "$(curl -s -o "$work/body" -w '%{http_code}' "$base/v1/artifacts/$key")"
expect "GET artifact bytes" "$etag" "$(sha256sum "$work/body" | cut -d' ' -f1)"
expect "GET .exe" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$base/v1/artifacts/$key.exe")"
expect "If-None-Match" 304 "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: \"$etag\"" "$base/v1/artifacts/$key")"
expect "If-None-Match other" 200 "$(curl -s -o /dev/null -w '%{http_code}' -H 'If-None-Match: "x"' "$base/v1/artifacts/$key")"
expect "HEAD" 200 "$(curl -s -I -o "$work/headers" -w '%{http_code}' "$base/v1/artifacts/$key")"
expect "HEAD Content-Length" "$(stat -c %s "$work/hello.exe")" "$(header Content-Length)"
expect "unknown key" 404 "$(curl -s -o "$work/body" -w '%{http_code}' "$base/v1/artifacts/$(printf '%064d' 0)")"
expect "404 kind" not-found "$(json 'd["error"]["kind"]')"
expect "bad key" 400 "$(curl -s -o /dev/null -w '%{http_code}' "$base/v1/artifacts/ABCDEF")"
expect "bad kind" 400 "$(curl -s -o /dev/null -w '%{http_code}' "$base/v1/artifacts/$key.zip")"
expect "traversal" 404 "$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$base/v1/artifacts/../../etc/passwd")"
for query in "emit=llvm" "opt=4" "emit=exe&emit=obj" "bounds=maybe" "cpu=pentium9" "cpu=native" "jobs=3"; do
    expect "400 for $query" 400 "$(post "$base/v1/compile?$query" "$work/hello.wasm")"
    expect "400 kind for $query" bad-request "$(json 'd["error"]["kind"]')"
done

echo "-- module errors carry offsets; 413"
expect "malformed" 422 "$(post "$base/v1/compile" "$work/malformed.wasm")"
expect "malformed kind" malformed "$(json 'd["error"]["kind"]')"
expect "malformed offset" 9 "$(json 'd["error"]["offset"]')"
expect "invalid" 422 "$(post "$base/v1/compile" "$work/invalid.wasm")"
expect "invalid kind" invalid "$(json 'd["error"]["kind"]')"
expect "invalid has an offset" True "$(json 'd["error"]["offset"] > 8')"
expect "413 by Content-Length" 413 "$(post "$base/v1/compile" "$work/big.bin")"
expect "413 kind" limit "$(json 'd["error"]["kind"]')"
expect "413 chunked" 413 "$(post "$base/v1/compile" "$work/big.bin" -H 'Transfer-Encoding: chunked')"

echo "-- manifest"
expect "manifest" 200 "$(curl -s -o "$work/body" -w '%{http_code}' "$base/v1/artifacts/$key/manifest")"
expect "manifest key" "$key" "$(json 'd["cacheKey"]')"
expect "manifest module digest" "$(sha256sum "$work/hello.wasm" | cut -d' ' -f1)" "$(json 'd["moduleSHA256"]')"
expect "manifest exe digest" "$etag" "$(json 'd["artifacts"]["exe"]')"
expect "manifest import" "wasi_snapshot_preview1.fd_write (i32, i32, i32, i32) -> (i32)" \
    "$(json 'd["imports"][0]["module"] + "." + d["imports"][0]["name"] + " " + d["imports"][0]["type"]')"
expect "manifest exports" "memory,_start" "$(json '",".join(e["name"] for e in d["exports"])')"
expect "manifest options" "2 guard generic" "$(json '" ".join(str(d["inputs"][k]) for k in ["optimizationLevel", "boundsChecks", "targetCPU"])')"
XDG_CACHE_HOME="$work/xdg" "$wasmc" inspect --json "$work/hello.wasm" >"$work/inspect.json"
expect "inspect --json has the key" "$key" "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["cacheKey"])' "$work/inspect.json")"
XDG_CACHE_HOME="$work/xdg" "$wasmc" inspect "$work/hello.wasm" | grep -q "function  wasi_snapshot_preview1.fd_write" || fail "inspect's table lacks the import"

echo "-- single flight: 64 concurrent POSTs of one new module"
module flight $((RANDOM + 100000))
before=$(metric 'wasmc_compiles_total{result="ok"}')
clients=()
for i in $(seq 1 64); do
    curl -s -o "$work/flight.$i" -w '%{http_code}\n' --data-binary "@$work/flight.wasm" "$base/v1/compile?emit=exe" >"$work/flight.$i.status" &
    clients+=($!)
done
wait "${clients[@]}"
expect "all 64 succeeded" 64 "$(cat "$work"/flight.*.status | grep -c '^200$')"
expect "one artifact" 1 "$(for i in $(seq 1 64); do sha256sum <"$work/flight.$i"; done | sort -u | wc -l)"
expect "compiled once" $((before + 1)) "$(metric 'wasmc_compiles_total{result="ok"}')"

echo "-- metrics"
curl -s "$base/metrics" >"$work/metrics"
grep -q '^wasmc_cache_hits_total [1-9]' "$work/metrics" || fail "no cache hits in /metrics"
grep -q '^wasmc_cache_misses_total [1-9]' "$work/metrics" || fail "no cache misses in /metrics"
grep -q '^wasmc_cache_stored_bytes_total [1-9]' "$work/metrics" || fail "no stored bytes in /metrics"
grep -q '^wasmc_compile_duration_seconds_count [1-9]' "$work/metrics" || fail "no compile durations in /metrics"
grep -q '^wasmc_compile_queue_depth 0' "$work/metrics" || fail "no queue depth in /metrics"
grep -q '^hb_requests{http_route="/v1/compile",http_request_method="POST",http_response_status_code="400"} [1-9]' "$work/metrics" \
    || fail "no request count by route and status in /metrics"
checks=$((checks + 6))

echo "-- token"
printf 's3cret\n' >"$work/token"
chmod 600 "$work/token"
start token --cache "$work/cache" --token-file "$work/token"
tbase="http://127.0.0.1:$port"
expect "healthz stays open" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$tbase/healthz")"
expect "401 without token" 401 "$(post "$tbase/v1/compile" "$work/hello.wasm")"
expect "401 kind" unauthorized "$(json 'd["error"]["kind"]')"
expect "401 wrong token" 401 "$(post "$tbase/v1/compile" "$work/hello.wasm" -H 'Authorization: Bearer s3cre')"
expect "401 on metrics" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$tbase/metrics")"
expect "with token" 200 "$(post "$tbase/v1/compile?emit=exe&opt=2" "$work/hello.wasm" -H 'Authorization: Bearer s3cret')"
expect "shared cache hit" hit "$(header Wasmc-Cache)"
kill -TERM "$pid"
wait "$pid" || fail "the token server did not stop cleanly"

echo "-- hostile command lines"
chmod 644 "$work/token"
refuse() { # refuse NAME ARGS...: serve exits non-zero with an error
    checks=$((checks + 1))
    if timeout 20 "$wasmc" serve --cache "$work/cache" "$@" >"$work/refused.log" 2>&1; then fail "$1: serve accepted it"; fi
    grep -qi "error" "$work/refused.log" || fail "$1: no error message: $(cat "$work/refused.log")"
}
refuse "world-readable token" --listen "127.0.0.1:$(free_port)" --token-file "$work/token"
printf '  \n' >"$work/empty-token"; chmod 600 "$work/empty-token"
refuse "empty token" --listen "127.0.0.1:$(free_port)" --token-file "$work/empty-token"
refuse "port out of range" --listen 127.0.0.1:65536
refuse "no port" --listen 127.0.0.1
refuse "jobs 0" --jobs 0
refuse "jobs 257" --jobs 257
refuse "size overflow" --max-module-size 99999999999999T
refuse "size unit" --max-module-size 64X
refuse "remote cache" --remote-cache ftp://example/

echo "-- isolation: a compile child that dies fails only its request"
# Under 64 MiB of address space the child cannot even start its threads: it dies or hangs until the
# time limit. Either way that request fails and the server carries on.
start starved --cache "$work/cache" --compile-memory-limit 64M --compile-timeout 10
sbase="http://127.0.0.1:$port"
module starved $((RANDOM + 200000))
status=$(post "$sbase/v1/compile?emit=exe" "$work/starved.wasm")
case "$status:$(json 'd["error"]["kind"]')" in
    500:internal | 422:limit) checks=$((checks + 1)) ;;
    *) fail "child over its memory limit: got $status $(cat "$work/body")" ;;
esac
expect "server still up" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$sbase/healthz")"
expect "and still compiles" 200 "$(post "$sbase/v1/compile?emit=exe&opt=2" "$work/hello.wasm")"
kill -TERM "$pid"; wait "$pid" || true
# 200 functions of 40 multiply-xor steps: seconds at -O3, far more than the 1 s allowed.
python3 -c '
body = " ".join("local.get 0 i32.const %d i32.mul local.get 0 i32.xor local.set 0" % j for j in range(40))
print("(module %s)" % " ".join("(func (export \"f%d\") (param i32) (result i32) %s local.get 0)" % (i, body) for i in range(200)))
' >"$work/slow.wat"
wasm-tools parse "$work/slow.wat" -o "$work/slow.wasm"
# One job, no queue: while the slow module holds the slot, another module is refused with 503.
start slow --cache "$work/cache" --compile-timeout 1 --jobs 1 --queue-limit 0
curl -s -o "$work/slow.body" -w '%{http_code}' --data-binary "@$work/slow.wasm" "http://127.0.0.1:$port/v1/compile?emit=exe&opt=3" \
    >"$work/slow.status" &
client=$!
sleep 0.3
module queued $((RANDOM + 250000))
expect "queue full" 503 "$(post "http://127.0.0.1:$port/v1/compile?emit=exe" "$work/queued.wasm")"
expect "503 kind" unavailable "$(json 'd["error"]["kind"]')"
expect "Retry-After" 5 "$(header Retry-After)"
wait "$client" || true
expect "over the time limit" 422 "$(cat "$work/slow.status")"
expect "its kind" limit "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["error"]["kind"])' "$work/slow.body")"

echo "-- kill -9 during a compile, then restart on the same cache"
module killed $((RANDOM + 400000))
curl -s -o /dev/null --data-binary "@$work/killed.wasm" "http://127.0.0.1:$port/v1/compile?emit=exe" &
sleep 0.5
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
sleep 2.5
checks=$((checks + 1))
if pgrep -f -- "serve-worker .*--cache $work/cache" >/dev/null; then fail "an orphaned compile child outlived its server"; fi
start restarted --cache "$work/cache"
rbase="http://127.0.0.1:$port"
expect "restart compiles it" 200 "$(post "$rbase/v1/compile?emit=exe" "$work/killed.wasm")"
expect "intact artifact" "$(sha256sum "$work/body" | cut -d' ' -f1)" "$(header ETag)"
expect "earlier entries intact" 200 "$(curl -s -o "$work/body" -w '%{http_code}' "$rbase/v1/artifacts/$key")"
expect "earlier entry's bytes" "$etag" "$(sha256sum "$work/body" | cut -d' ' -f1)"

echo "-- SIGTERM while a compile is in flight: it finishes, then the server exits 0"
module graceful $((RANDOM + 500000))
curl -s -o "$work/graceful.body" -w '%{http_code}' --data-binary "@$work/graceful.wasm" "$rbase/v1/compile?emit=exe" >"$work/graceful.status" &
client=$!
sleep 0.4
kill -TERM "$pid"
wait "$client" || true
expect "in-flight request completed" 200 "$(cat "$work/graceful.status")"
checks=$((checks + 1))
if wait "$pid"; then :; else fail "server exited $? after SIGTERM"; fi
expect "listener closed" 000 "$(curl -s -o /dev/null -w '%{http_code}' "$rbase/healthz" || true)"

echo "serve: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
