#!/bin/sh
# Builds (or reuses) the lwIP board binary for one configuration and prints its absolute path as the
# last stdout line. Usage: build.sh CONFIG_H   (CONFIG_H: "#define NAME VALUE" lines, see README.md)
#
# lwIP 2.2.1 and Mbed TLS 2.28.10 are compiled from their unmodified release sources, taken from
# $HIL_THIRD_PARTY, else <repo>/../shared/third_party, else the upstream tag archives, and verified
# file by file against sources.sha256 before anything is compiled.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build="$here/build"
fail() { echo "lwip-board: $*" >&2; exit 2; }
. "$repo/firmware-images/third_party.sh"

[ $# -eq 1 ] || fail "usage: build.sh CONFIG_H"
config=$1
[ -f "$config" ] || fail "configuration header not found: $config"
check_config lwip-board "$config"

# The cache key covers everything that shapes the binary: the configuration and our own sources.
app_files="build.sh Makefile sources.sha256 ../third_party.sh lwipopts.h lwipopts_app.h mbedtls_board_config.h src/*.c src/*.h"
key=$( { cat "$config"; cd "$here" && cat $app_files ../src/manifest.c ../src/manifest.h \
         ../src/nvram.c ../src/nvram.h ../src/log.h ../src/pty_drain.c ../src/pty_drain.h; } | sha256sum | cut -c1-16)
out="$build/cache/$key"
if [ -x "$out/lwip-board" ]; then
    echo "$out/lwip-board"
    exit 0
fi

mkdir -p "$build"
exec 9>"$build/.lock"
flock 9                          # two boards flashed at once build each configuration once
if [ -x "$out/lwip-board" ]; then
    echo "$out/lwip-board"
    exit 0
fi

# --- third-party sources ---------------------------------------------------------------------
src="$build/third_party"
third_party_sources "$src" "$here/sources.sha256"

# --- compile -----------------------------------------------------------------------------------
# mbedTLS depends on the MBEDTLS_* and BOARD_MBEDTLS_* settings only: its library is shared by configurations that
# differ in lwIP settings alone.
tmp="$out.tmp.$$"
rm -rf "$tmp" && mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
cp "$config" "$tmp/lwip_board_config.h"
grep -E '^#define[ \t]+(BOARD_)?MBEDTLS_' "$config" > "$tmp/lwip_board_mbedtls.h" || true
mkey=$(cat "$tmp/lwip_board_mbedtls.h" "$here/mbedtls_board_config.h" "$here/sources.sha256" "$here/Makefile" |
       sha256sum | cut -c1-16)
mlib="$build/mbedtls/$mkey"
if ! [ -f "$mlib/libmbedtls.a" ]; then
    rm -rf "$mlib.tmp" && mkdir -p "$mlib.tmp"
    trap 'rm -rf "$tmp" "$mlib.tmp"' EXIT
    cp "$tmp/lwip_board_mbedtls.h" "$mlib.tmp/"
    make -s -j2 -f "$here/Makefile" mbedtls SRC="$src" OUT="$mlib.tmp" CONF="$mlib.tmp" >&2 ||
        fail "Mbed TLS build failed (compiler output above)"
    rm -rf "$mlib" && mv "$mlib.tmp" "$mlib"
fi
make -s -j2 -f "$here/Makefile" board SRC="$src" OUT="$tmp" CONF="$tmp" MBEDTLS_LIB="$mlib" >&2 ||
    fail "lwIP board build failed (compiler output above)"
rm -rf "$out" && mv "$tmp" "$out"
echo "$out/lwip-board"
