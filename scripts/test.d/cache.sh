#!/usr/bin/env bash
# The managed cache and its remote tier (issue 11, parts 2 and 3), on the wasmc command line:
# `wasmc cache dir|stats|list|verify|gc|clear`, a size cap, and nginx (WebDAV PUT) as the shared
# remote cache: one machine compiles and uploads, a second one with an empty cache downloads without
# compiling; garbage, a remote that is down or silent, and --remote-read-only.
set -euo pipefail
cd "$(dirname "$0")/../.."
wasmc="$(swift build --show-bin-path)/wasmc"
hello=$PWD/examples/hello.wasm
[ -x "$wasmc" ] || { echo "cache: build wasmc first (swift build)" >&2; exit 1; }

work=$(mktemp -d)
nginx_pid=""
silent_pid=""
cleanup() {
    for pid in $nginx_pid $silent_pid; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "cache: FAIL: $*" >&2; failures=$((failures + 1)); }

# A machine: `on NAME COMMAND...` runs with the cache in $work/NAME.
on() {
    local machine=$1
    shift
    XDG_CACHE_HOME=$work/$machine "$@"
}
# counter MACHINE NAME: one counter of `wasmc cache stats`.
counter() { on "$1" "$wasmc" cache stats | sed -n "s/^$2: //p"; }
greets() { grep -q "^Hello from WebAssembly" "$1"; }

# --- The subcommands ------------------------------------------------------------------------------
[ "$(on a "$wasmc" cache dir)" = "$work/a/wasmc" ] || fail "cache dir printed $(on a "$wasmc" cache dir)"
on a "$wasmc" run "$hello" >"$work/out" || fail "the first run failed"
greets "$work/out" || fail "the first run did not greet"
[ "$(counter a misses)" -ge 1 ] && [ "$(counter a stores)" -ge 1 ] || fail "a first run counted no miss or store: $(on a "$wasmc" cache stats)"
misses=$(counter a misses)
hits=$(counter a hits)
on a "$wasmc" run "$hello" >"$work/out" && greets "$work/out" || fail "the cached run failed"
[ "$(counter a misses)" -eq "$misses" ] || fail "a second run missed: $(on a "$wasmc" cache stats)"
[ "$(counter a hits)" -gt "$hits" ] || fail "a second run counted no hit"
entries=$(counter a entries)
[ "$(on a "$wasmc" cache list | wc -l)" -eq "$entries" ] || fail "cache list does not show the $entries entries"
on a "$wasmc" cache list | grep -q -- ' -runner ' || fail "cache list shows no runner: $(on a "$wasmc" cache list)"
on a "$wasmc" cache verify >"$work/out" || fail "verify of an intact cache failed: $(cat "$work/out")"
[ -z "$(find "$work/a" -perm /077)" ] || fail "cache paths open to others: $(find "$work/a" -perm /077 | head -3)"

# A damaged blob: verify reports and removes it (status 1); a run rebuilds what it needs.
largest=$(ls -S "$work/a/wasmc/cas" | head -1)
printf 'garbage' | dd of="$work/a/wasmc/cas/$largest" bs=1 seek=100 conv=notrunc status=none
status=0
on a "$wasmc" cache verify >"$work/out" || status=$?
[ "$status" -eq 1 ] && grep -q "^damaged: cas/$largest" "$work/out" || fail "verify did not report the damaged blob ($status): $(cat "$work/out")"
[ ! -e "$work/a/wasmc/cas/$largest" ] || fail "verify left the damaged blob"
on a "$wasmc" run "$hello" >"$work/out" && greets "$work/out" || fail "a run after verify failed"
on a "$wasmc" cache verify >/dev/null || fail "the rebuilt cache does not verify"
# Damage found by a run itself: a warning, a rebuild, the right output.
runner_blob=$(ls -S "$work/a/wasmc/cas" | head -1)
printf 'garbage' | dd of="$work/a/wasmc/cas/$runner_blob" bs=1 seek=100 conv=notrunc status=none
on a "$wasmc" run "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "a run over a damaged entry failed: $(cat "$work/err")"
grep -q "^warning: cache entry .* is damaged" "$work/err" || fail "no warning about the damaged entry: $(cat "$work/err")"

# gc to a cap, and sizes that are not sizes.
on a "$wasmc" cache gc --max-size 1K >"$work/out" || fail "gc failed"
[ "$(counter a size | cut -d' ' -f1)" -le 1024 ] || fail "gc left more than 1K: $(on a "$wasmc" cache stats)"
status=0
on a "$wasmc" cache gc --max-size 12Q 2>"$work/err" || status=$?
[ "$status" -eq 64 ] && grep -q "invalid size '12Q': unknown unit" "$work/err" || fail "gc --max-size 12Q: status $status, $(cat "$work/err")"
status=0
WASMC_MAX_CACHE_SIZE=99999999999999999999G on a "$wasmc" run "$hello" >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 64 ] && grep -q "WASMC_MAX_CACHE_SIZE: invalid size" "$work/err" || fail "an overflowing WASMC_MAX_CACHE_SIZE: status $status, $(cat "$work/err")"
# A cap on run: stores evict as they go. Under 1K even the executable just built is evicted before
# it runs: the run still works, from the hard link the process holds (leases/), which is gone after.
on a "$wasmc" run --max-cache-size 1K "$hello" >"$work/out" && greets "$work/out" || fail "a run under a 1K cap failed"
[ "$(counter a size | cut -d' ' -f1)" -le 1024 ] || fail "a run under a 1K cap left $(counter a size)"
[ "$(counter a entries)" -eq 0 ] || fail "a run under a 1K cap kept $(counter a entries) entries"
[ -z "$(ls -A "$work/a/wasmc/leases")" ] || fail "leases left after the run: $(ls -A "$work/a/wasmc/leases")"
# Debris of a writer killed mid-write is removed by gc once it is old.
touch -d '1 hour ago' "$work/a/wasmc/cas/.wasmc-output-killed"
on a "$wasmc" cache gc >/dev/null
[ ! -e "$work/a/wasmc/cas/.wasmc-output-killed" ] || fail "gc left a dead writer's temporary file"
on a "$wasmc" cache clear >/dev/null
[ "$(counter a entries)" -eq 0 ] && [ "$(counter a blobs)" -eq 0 ] && [ "$(counter a misses)" -eq 0 ] || fail "clear left $(on a "$wasmc" cache stats)"

# SIGKILL at any moment leaves complete entries or none: nothing a later verify or run finds damaged.
for delay in 0.5 1.5 3 5; do
    on k "$wasmc" compile "$hello" -o "$work/killed" >/dev/null 2>&1 &
    sleep "$delay"
    kill -KILL $! 2>/dev/null || true
    wait $! 2>/dev/null || true
done
on k "$wasmc" cache verify >"$work/out" || fail "verify after SIGKILLs found damage: $(cat "$work/out")"
on k "$wasmc" run "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "run after SIGKILLs failed: $(cat "$work/err")"
[ ! -s "$work/err" ] || fail "run after SIGKILLs warned: $(cat "$work/err")"

# --- The remote tier: nginx with WebDAV PUT -------------------------------------------------------
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "cache: installing nginx" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
server=$work/nginx
mkdir -p "$server/root" "$server/tmp" "$server/logs"
user_line=""
[ "$(id -u)" -ne 0 ] || user_line="user $(id -un) $(id -gn);"
cat >"$server/nginx.conf" <<CONF
daemon off;
$user_line
worker_processes 1;
pid $server/nginx.pid;
error_log $server/logs/error.log;
events { worker_connections 64; }
http {
    access_log $server/logs/access.log;
    client_body_temp_path $server/tmp/body;
    proxy_temp_path $server/tmp/proxy;
    fastcgi_temp_path $server/tmp/fastcgi;
    uwsgi_temp_path $server/tmp/uwsgi;
    scgi_temp_path $server/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $server/root;
        client_max_body_size 512m;
        location / {
            dav_methods PUT;
            create_full_put_path on;
            dav_access user:rw;
        }
    }
}
CONF
"$nginx" -e "$server/logs/error.log" -p "$server" -c "$server/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
done
remote=http://127.0.0.1:$port/wasmc
puts() { grep -c '"PUT ' "$server/logs/access.log" || true; }

# Machine A compiles and uploads.
on ra "$wasmc" compile --remote-cache "$remote" "$hello" -o "$work/hello-a" 2>"$work/err" || fail "compile on A failed: $(cat "$work/err")"
on ra "$wasmc" run --remote-cache "$remote" "$hello" >"$work/out" 2>>"$work/err" && greets "$work/out" || fail "run on A failed: $(cat "$work/err")"
[ ! -s "$work/err" ] || fail "A warned: $(cat "$work/err")"
[ -n "$(ls "$server/root/wasmc/ac")" ] && [ -n "$(ls "$server/root/wasmc/cas")" ] || fail "nothing was uploaded to nginx"
[ "$(counter ra uploads)" -ge 2 ] || fail "A counted $(counter ra uploads) uploads"

# Machine B, with an empty cache, gets everything from nginx and compiles nothing.
on rb "$wasmc" compile --time-stages --remote-cache "$remote" "$hello" -o "$work/hello-b" 2>"$work/err" || fail "compile on B failed: $(cat "$work/err")"
grep -q "cached output.*remote hit" "$work/err" || fail "B's compile was not a remote hit: $(cat "$work/err")"
cmp -s "$work/hello-a" "$work/hello-b" || fail "B's executable differs from A's"
WASMC_REMOTE_CACHE=$remote on rb "$wasmc" run "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "run on B failed: $(cat "$work/err")"
[ "$(counter rb misses)" -eq 0 ] || fail "B compiled something: $(on rb "$wasmc" cache stats)"
[ "$(counter rb remote-hits)" -ge 2 ] || fail "B counted $(counter rb remote-hits) remote hits"
on rb "$wasmc" cache verify >/dev/null || fail "what B downloaded does not verify"

# --remote-read-only never uploads, even what it had to compile.
before=$(puts)
on ro "$wasmc" run -O1 --remote-cache "$remote" --remote-read-only "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "a read-only run failed: $(cat "$work/err")"
[ "$(puts)" -eq "$before" ] || fail "--remote-read-only uploaded $(( $(puts) - before )) times"
[ "$(counter ro misses)" -ge 1 ] && [ "$(counter ro remote-hits)" -ge 1 ] || fail "the read-only run neither compiled -O1 nor read the runtime: $(on ro "$wasmc" cache stats)"

# Garbage in the remote: a warning, a local build, the right output. A machine that finds a damaged blob
# uploads it again once rebuilt, so the remote heals as machines use it.
for blob in "$server/root/wasmc/cas/"*; do printf 'garbage' >"$blob"; done
on rc "$wasmc" run --remote-cache "$remote" "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "run over a garbage remote failed: $(cat "$work/err")"
grep -q "^warning: remote cache $remote: sent a damaged blob" "$work/err" || fail "no warning about the garbage: $(cat "$work/err")"
[ "$(counter rc misses)" -ge 1 ] || fail "C did not build locally"
on rd "$wasmc" run --remote-cache "$remote" "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "a second run over the garbage failed"
on rh "$wasmc" run --remote-cache "$remote" "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "run after the repair failed"
[ ! -s "$work/err" ] && [ "$(counter rh misses)" -eq 0 ] || fail "the remote was not repaired: $(cat "$work/err"); $(on rh "$wasmc" cache stats)"

# A remote that is down: one warning, a local build. (Machine B has the runtime: only the module is built.)
down=http://127.0.0.1:$(free_port)
on rb "$wasmc" run -O1 --remote-cache "$down" "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "run with the remote down failed: $(cat "$work/err")"
[ "$(grep -c "^warning: remote cache $down: unreachable" "$work/err")" -eq 1 ] || fail "expected one warning with the remote down: $(cat "$work/err")"

# A remote that accepts connections and never answers: bounded by the 10 s timeout, one warning.
silent_port=$(free_port)
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $silent_port)); s.listen(8)
held = []
while True:
    held.append(s.accept()[0])
" &
silent_pid=$!
sleep 0.3
start=$(date +%s)
on rb "$wasmc" run -O3 --remote-cache "http://127.0.0.1:$silent_port" "$hello" >"$work/out" 2>"$work/err" && greets "$work/out" || fail "run with a silent remote failed: $(cat "$work/err")"
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -le 40 ] || fail "a silent remote cost ${elapsed}s"
[ "$(grep -c '^warning: remote cache' "$work/err")" -eq 1 ] || fail "expected one warning with a silent remote: $(cat "$work/err")"

# URLs that are not http(s), or carry a newline, are usage errors; credentials are never printed.
status=0
on a "$wasmc" run --remote-cache "ftp://example/x" "$hello" 2>"$work/err" >/dev/null || status=$?
[ "$status" -eq 64 ] && grep -q "must start with http:// or https://" "$work/err" || fail "an ftp remote: status $status, $(cat "$work/err")"
on rb "$wasmc" run -O0 --remote-cache "http://user:s3cret@127.0.0.1:$(free_port)" "$hello" >/dev/null 2>"$work/err" || true
! grep -q s3cret "$work/err" || fail "a warning printed the remote's password: $(cat "$work/err")"

[ "$failures" -eq 0 ] || exit 1
echo "cache: all checks passed"
