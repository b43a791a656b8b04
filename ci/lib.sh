# Shared by harness/bin/hil and ci/test: install the Debian packages a command needs, or say how.
# shellcheck shell=bash

# ensure_packages PKG... : installs missing packages with apt-get when root; otherwise prints the exact
# command and exits 2 (a configuration problem, not a test failure).
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing Debian packages: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "missing Debian packages: ${missing[*]}" >&2
    echo "install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
}

# build_firmware ROOT : the reference firmware (static, against Debian's mbedTLS 2.28).
build_firmware() {
  make -s -C "$1/firmware-images" >&2
}
