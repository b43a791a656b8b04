#!/bin/sh
# Builds the QEMU board's firmware (mps2-an385, Cortex-M3) for one image and prints the ELF's absolute
# path as the last stdout line. Compiler output goes to stderr; our own errors are one stderr line
# starting "qemu-board:" (exit 2).
#   Usage: build.sh CONFIG_H CHAIN_PEM KEY_PEM CONTENT_DIR OUT_DIR     (writes OUT_DIR/qemu-board.elf)
# CONFIG_H: "#define NAME VALUE" lines (the image's build: map, BOARD_IMAGE_NAME, BOARD_DEBUG_THRESHOLD).
# lwIP 2.2.1 and Mbed TLS 2.28.10 come as for the lwIP board (../third_party.sh). lwIP and our code are
# compiled once per configuration (build/cache/), Mbed TLS once per set of MBEDTLS_* settings; an image
# adds only its name, certificate chain, key and content files (.incbin).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build="$here/build"
fail() { echo "qemu-board: $*" >&2; exit 2; }
. "$repo/firmware-images/third_party.sh"

[ $# -eq 5 ] || fail "usage: build.sh CONFIG_H CHAIN_PEM KEY_PEM CONTENT_DIR OUT_DIR"
config=$1 chain=$2 key=$3 content=$4 out_dir=$5
[ -f "$config" ] || fail "configuration header not found: $config"
[ -f "$chain" ] || fail "certificate chain not found: $chain"
[ -f "$key" ] || fail "private key not found: $key"
[ -d "$content" ] || fail "content folder not found: $content"
command -v arm-none-eabi-gcc >/dev/null || fail "arm-none-eabi-gcc not found (Debian: gcc-arm-none-eabi libnewlib-arm-none-eabi)"
check_config qemu-board "$config"
mkdir -p "$out_dir" || fail "cannot create $out_dir"
out_dir=$(cd "$out_dir" && pwd)
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }

# --- per configuration: lwIP and our code (board.o), Mbed TLS (libmbedtls.a) --------------------
# The image's name and debug threshold (and comments) are its own data: images that differ in those
# alone share objects.
board_config=$(grep -Ev '^[ \t]*(/\*|//)|^#define[ \t]+BOARD_(IMAGE_NAME|DEBUG_THRESHOLD)([ \t]|$)' "$config" || true)
ckey=$( { echo "$board_config"; cd "$here" && cat build.sh Makefile mps2_an385.ld src/*.c src/*.h src/arch/*.h \
          ../third_party.sh ../lwip/sources.sha256 ../lwip/lwipopts_app.h ../lwip/mbedtls_board_config.h \
          ../lwip/src/status.c ../lwip/src/status.h ../lwip/src/diag_line.c ../lwip/src/diag_line.h ../lwip/src/board_fsdata.h; } | sha256sum | cut -c1-16)
board="$build/cache/$ckey"
src="$build/third_party"

mkdir -p "$build"
exec 9>"$build/.lock"
flock 9                          # two images built at once compile each configuration once
third_party_sources "$src" "$repo/firmware-images/lwip/sources.sha256"
mkey=$( { echo "$board_config" | grep -E '^#define[ \t]+(BOARD_)?MBEDTLS_' || true;
          cd "$here" && cat src/mbedtls_board_config.h ../lwip/mbedtls_board_config.h Makefile ../lwip/sources.sha256; } |
        sha256sum | cut -c1-16)
mlib="$build/mbedtls/$mkey"
if ! [ -f "$mlib/libmbedtls.a" ]; then
    rm -rf "$mlib.tmp" && mkdir -p "$mlib.tmp"
    trap 'rm -rf "$mlib.tmp"' EXIT
    echo "$board_config" | grep -E '^#define[ \t]+(BOARD_)?MBEDTLS_' > "$mlib.tmp/lwip_board_mbedtls.h" || true
    make -s -j2 -f "$here/Makefile" mbedtls SRC="$src" OUT="$mlib.tmp" CONF="$mlib.tmp" >&2 ||
        fail "Mbed TLS build failed (compiler output above)"
    rm -rf "$mlib" && mv "$mlib.tmp" "$mlib"
fi
if ! [ -f "$board/board.o" ]; then
    rm -rf "$board.tmp" && mkdir -p "$board.tmp"
    trap 'rm -rf "$board.tmp"' EXIT
    echo "$board_config" > "$board.tmp/lwip_board_config.h"
    echo "$board_config" | grep -E '^#define[ \t]+(BOARD_)?MBEDTLS_' > "$board.tmp/lwip_board_mbedtls.h" || true
    make -s -j2 -f "$here/Makefile" board SRC="$src" OUT="$board.tmp" CONF="$board.tmp" >&2 ||
        fail "QEMU board build failed (compiler output above)"
    rm -rf "$board" && mv "$board.tmp" "$board"
fi
flock -u 9

# --- per image: its data in flash, linked with the configuration's objects -----------------------
img=$(mktemp -d "$build/image.XXXXXX")
trap 'rm -rf "$img"' EXIT
cp "$config" "$img/lwip_board_config.h"
grep -E '^#define[ \t]+(BOARD_)?MBEDTLS_' "$config" > "$img/lwip_board_mbedtls.h" || true
# .incbin needs the paths inside double quotes: refuse what would break them.
quoted() {
    case $1 in *'"'* | *'\'* | *'
'*) fail "path not usable in the image: $1" ;; esac
    printf '"%s"' "$1"
}
{
    echo '    .section .rodata.image, "a"'
    for pem in chain key; do
        eval "path=\$$pem"
        printf '    .balign 4\n    .global image_%s_pem\nimage_%s_pem:\n    .incbin %s\n    .byte 0\n' \
            "$pem" "$pem" "$(quoted "$(abs "$path")")"
        printf 'image_%s_pem_end:\n    .balign 4\n    .global image_%s_pem_len\n' "$pem" "$pem"
        printf 'image_%s_pem_len:\n    .word image_%s_pem_end - image_%s_pem\n' "$pem" "$pem" "$pem"
    done
    n=0
    table=""
    for f in "$content"/*; do
        [ -f "$f" ] || continue
        name=$(basename "$f")
        printf 'file_name_%d:\n    .asciz %s\n' "$n" "$(quoted "/$name")"
        printf '    .balign 4\nfile_data_%d:\n    .incbin %s\nfile_end_%d:\n' "$n" "$(quoted "$(abs "$f")")" "$n"
        table="$table    .word file_name_$n, file_data_$n, file_end_$n - file_data_$n
"
        n=$((n + 1))
    done
    printf '    .balign 4\n    .global image_files\nimage_files:\n%s    .word 0, 0, 0\n' "$table"
} > "$img/image.S"
make -s -f "$here/Makefile" image SRC="$src" OUT="$img" CONF="$img" BOARD="$board" MBEDTLS_LIB="$mlib" >&2 ||
    fail "QEMU board link failed (linker output above)"
mv "$img/qemu-board.elf" "$out_dir/qemu-board.elf"
echo "$out_dir/qemu-board.elf"
