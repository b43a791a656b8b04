# Sourced by the board build scripts (lwip/build.sh, qemu/build.sh): the configuration header check and
# the third-party sources (lwIP 2.2.1, Mbed TLS 2.28.10), fetched and verified the same way for every
# board. The caller defines fail() (one "BOARD: reason" line on stderr, exit 2) and $repo.

# Each line of a configuration header must be a define (or blank/comment): a typo becomes one clear
# line naming file and line, not a compiler error. $1 = the board's name for the message, $2 = header.
check_config() {
    awk -v board="$1" '!/^[ \t]*$/ && !/^[ \t]*(\/\/|\/\*)/ && !/^#define[ \t]+[A-Za-z_][A-Za-z0-9_]*([ \t]+.*)?$/ {
           printf "%s: %s:%d: not a \"#define NAME VALUE\" line: %s\n", board, FILENAME, NR, $0; bad = 1; exit }
         END { exit bad }' "$2" >&2 || exit 2
}

# The unmodified release sources in $1 (folders lwip/ and mbedtls/), taken from $HIL_THIRD_PARTY, else
# <repo>/../shared/third_party, else the upstream tag archives, and checked file by file against
# $2 (a sha256sum list) before anything is compiled. Reuses $1 once it has been verified.
third_party_sources() {
    src=$1
    sums=$2
    if [ -f "$src/.verified" ] && (cd "$src" && sha256sum --quiet --strict -c "$sums" >/dev/null 2>&1); then
        return 0
    fi
    rm -rf "$src" && mkdir -p "$src/lwip" "$src/mbedtls"
    third_party_fetch "$src" lwip-2.2.1.tar.gz lwip \
        https://github.com/lwip-tcpip/lwip/archive/refs/tags/STABLE-2_2_1_RELEASE.tar.gz
    third_party_fetch "$src" mbedtls-2.28.10.tar.gz mbedtls \
        https://github.com/Mbed-TLS/mbedtls/archive/refs/tags/v2.28.10.tar.gz
    bad=$(cd "$src" && sha256sum --quiet --strict -c "$sums" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -z "$bad" ] || fail "third-party source differs from lwIP 2.2.1 / Mbed TLS 2.28.10 release: $bad"
    touch "$src/.verified"
}

third_party_fetch() { # $1 = sources folder, $2 = archive name, $3 = folder, $4 = upstream URL
    for dir in "${HIL_THIRD_PARTY:-}" "$repo/../shared/third_party"; do
        if [ -n "$dir" ] && [ -f "$dir/$2" ]; then
            tar xzf "$dir/$2" -C "$1/$3" --strip-components=1 2>/dev/null ||
                fail "cannot unpack $dir/$2"
            return 0
        fi
    done
    # Upstream tag archives hold the same files under another top folder (stripped above and here).
    command -v curl >/dev/null &&
        curl -fsSL --max-time 300 "$4" 2>/dev/null | tar xzf - -C "$1/$3" --strip-components=1 2>/dev/null ||
        fail "$2 is in neither \$HIL_THIRD_PARTY nor $repo/../shared/third_party, and downloading $4 failed"
}
