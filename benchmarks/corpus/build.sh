#!/usr/bin/env bash
# Fetches and builds the real-program corpus (programs.tsv): each program's C sources come from a
# pinned PyPI source distribution (downloaded with pip, checked against the pinned SHA-256, never
# committed), and are compiled unchanged, with the small driver <name>/main.c, natively and for
# wasm32-wasi by the Swift toolchain's clang at -O2.
# Usage: benchmarks/corpus/build.sh [OUTDIR]   (default: benchmarks/build/corpus)
# Output: OUTDIR/native/<name>, OUTDIR/wasm/<name>.wasm (-msimd128), OUTDIR/wasm-nosimd/<name>.wasm;
# downloads are cached in OUTDIR/sdist, sources in OUTDIR/src. Environment: CLANG overrides the
# compiler; CORPUS="a b" limits the set. Exit 3 when a download fails (no network).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../build/corpus}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [[ -z "${CLANG:-}" ]]; then
    if command -v swift >/dev/null 2>&1; then
        CLANG=$(dirname "$(readlink -f "$(command -v swift)")")/clang
    else
        CLANG=/opt/swift/usr/bin/clang
    fi
fi
[[ -x "$CLANG" ]] || { echo "corpus/build.sh: clang not found at $CLANG (set CLANG)" >&2; exit 1; }
builtins=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
if [[ ! -f /usr/lib/wasm32-wasi/libc.a || ! -f $builtins ]]; then
    echo "corpus/build.sh: installing wasi-libc and libclang-rt-19-dev-wasm32" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wasi-libc libclang-rt-19-dev-wasm32 >&2
fi

# pip prepares an sdist's metadata before it saves it, which needs a recent setuptools (and Cython
# for some); a private venv keeps that away from the system's Python.
fetch() { # fetch PACKAGE VERSION SHA256 -> path of the verified sdist
    local pkg=$1 version=$2 sha=$3 dir=$out/sdist file
    mkdir -p "$dir"
    file=$(ls "$dir"/"$pkg"-"$version".tar.gz "$dir"/"${pkg,,}"-"$version".tar.gz 2>/dev/null | head -1 || true)
    if [[ -z $file ]]; then
        if [[ ! -f $out/venv/.ready ]]; then
            python3 -m venv --clear "$out/venv" >&2
            "$out/venv/bin/pip" install -q --disable-pip-version-check "setuptools>=80.9" wheel cython cffi \
                pkgconfig setuptools_scm >&2 || return 3
            touch "$out/venv/.ready"
        fi
        "$out/venv/bin/pip" download -q --disable-pip-version-check --no-deps --no-build-isolation \
            --no-binary "$pkg" "$pkg==$version" -d "$dir" >&2 || return 3
        file=$(ls "$dir"/"$pkg"-"$version".tar.gz "$dir"/"${pkg,,}"-"$version".tar.gz 2>/dev/null | head -1)
    fi
    echo "$sha  $file" | sha256sum -c --quiet - >&2 || { echo "corpus/build.sh: SHA-256 mismatch for $file" >&2; rm -f "$file"; return 1; }
    echo "$file"
}

unpack() { # unpack NAME SDIST -> source root
    local name=$1 sdist=$2 dest=$out/src/$1
    if [[ ! -f $dest/.unpacked || $dest/.unpacked -ot $sdist ]]; then
        rm -rf "$dest" && mkdir -p "$dest"
        tar xzf "$sdist" -C "$dest" --strip-components=1
        for patch in "$here/$name"/*.patch; do
            [[ -e $patch ]] && patch -s -d "$dest" -p1 < "$patch"
        done
        touch "$dest/.unpacked"
    fi
    echo "$dest"
}

# sources NAME ROOT -> prints the compiler arguments (flags and C files) for the program
sources() {
    local name=$1 root=$2
    case $name in
    zstd)
        # The amalgamated single-file zstd; single-threaded (ZSTD_MULTITHREAD left undefined), no assembly (wasm has neither).
        echo "-I$root/zstd -DZSTD_DISABLE_ASM $root/zstd/zstd.c" ;;
    brotli)
        echo "-I$root/c/include $(ls "$root"/c/common/*.c "$root"/c/dec/*.c "$root"/c/enc/*.c | tr '\n' ' ')" ;;
    cmark-gfm)
        local tp=$root/third_party/cmark
        echo "-I$root/generated/unix -I$tp/src -I$tp/extensions -DCMARK_GFM_STATIC_DEFINE \
              -DCMARK_GFM_EXTENSIONS_STATIC_DEFINE \
              $(ls "$tp"/src/*.c | grep -v '/main\.c$' | tr '\n' ' ') $(ls "$tp"/extensions/*.c | tr '\n' ' ')" ;;
    crypto)
        # Portable C code paths only (no AES-NI, SHA-NI or AVX2 files); NO_CPYTHON_MODULE keeps
        # Python.h out; each primitive is its own translation unit, as in the Python build.
        local s=$root/src
        echo "-I$s -DNO_CPYTHON_MODULE -DHAVE_STDINT_H -DHAVE_POSIX_MEMALIGN -DHAVE_UINT128 \
              $s/SHA256.c $s/blake2b.c $s/chacha20.c $s/AES.c" ;;
    lz4)
        echo "-I$root/lz4libs $root/lz4libs/lz4.c $root/lz4libs/lz4hc.c" ;;
    *) echo "corpus/build.sh: no build rule for $name" >&2; return 1 ;;
    esac
}

mkdir -p "$out/native" "$out/wasm" "$out/wasm-nosimd"
wanted=" ${CORPUS:-} "
while IFS=$'\t' read -r name kind pkg version sha default small; do
    [[ -z $name || $name == \#* ]] && continue
    [[ -n ${CORPUS:-} && $wanted != *" $name "* ]] && continue
    sdist=$(fetch "$pkg" "$version" "$sha") || exit $?
    root=$(unpack "$name" "$sdist")
    read -r -a args <<< "$(sources "$name" "$root")"
    stamp=$out/.built-$name
    if [[ -f $stamp && $stamp -nt $sdist && $stamp -nt $here/$name/main.c && $stamp -nt $here/build.sh ]]; then
        echo "up to date $name" >&2
        continue
    fi
    common=(-O2 -w "$here/$name/main.c" "${args[@]}")
    "$CLANG" "${common[@]}" -o "$out/native/$name" -lm
    wasm=("$CLANG" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi
          "${common[@]}" -nodefaultlibs -lc "$builtins")
    "${wasm[@]}" -msimd128 -o "$out/wasm/$name.wasm"
    "${wasm[@]}" -o "$out/wasm-nosimd/$name.wasm"
    touch "$stamp"
    echo "built $name ($kind, $pkg $version): $(stat -c %s "$out/wasm/$name.wasm") bytes of wasm" >&2
done < "$here/programs.tsv"
