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

# build_lwip_board ROOT [CONFIG_H] : the lwIP board (lwIP 2.2.1 + Mbed TLS 2.28.10 from their release
# sources, see firmware-images/lwip/README.md) for one configuration, default: lwIP's defaults in the
# board's lwipopts.h. Cached per configuration (a second call returns at once); prints the binary's path.
build_lwip_board() {
  local config="${2:-}"
  if [ -z "$config" ]; then
    config="$1/firmware-images/lwip/build/default-config.h"
    mkdir -p "$(dirname "$config")" && : > "$config"
  fi
  "$1/firmware-images/lwip/build.sh" "$config"
}

# setup_container_engine : gives the container-board tests an engine. As root: installs podman (with
# runc: crun fails on hybrid cgroups) and a static busybox for the board images, configures podman for
# a CI machine, starts its Docker-compatible API service and exports DOCKER_HOST for Testcontainers.
# Not root, or DOCKER_HOST already set: leaves things alone (the tests skip, saying why, if no engine).
PODMAN_SOCKET=/run/podman/podman.sock
setup_container_engine() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    echo "container engine: using DOCKER_HOST=$DOCKER_HOST" >&2
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "container engine: not root, so podman is not set up; the container-board tests skip" \
         "unless Testcontainers finds an engine (see docs/ci.md)" >&2
    return 0
  fi
  local started=$SECONDS
  ensure_packages podman runc busybox-static
  configure_podman
  if ! podman --url "unix://$PODMAN_SOCKET" info >/dev/null 2>&1; then
    mkdir -p "$(dirname "$PODMAN_SOCKET")"
    # -t 0: no idle timeout; setsid: the service outlives this script, like a system service.
    # From /: conmon inherits the service's working directory and fails every container start
    # ("Failed to get working directory") once that folder (this clone) is deleted.
    (cd / && setsid podman system service -t 0 "unix://$PODMAN_SOCKET" >/var/log/hil-podman-service.log 2>&1 < /dev/null &)
    local tries=0
    until podman --url "unix://$PODMAN_SOCKET" info >/dev/null 2>&1; do
      tries=$((tries + 1))
      if [ $tries -ge 100 ]; then
        echo "podman's API service did not answer on $PODMAN_SOCKET within 20 s; see /var/log/hil-podman-service.log" >&2
        exit 1
      fi
      sleep 0.2
    done
  fi
  export DOCKER_HOST="unix://$PODMAN_SOCKET"
  # Ryuk (Testcontainers' reaper container) would need an image from a registry; the board removes its own.
  export TESTCONTAINERS_RYUK_DISABLED=true
  echo "container engine: podman at $DOCKER_HOST (set up in $((SECONDS - started)) s)" >&2
}

# configure_podman : the settings podman needs on a CI machine (seen on Debian 12 containers with hybrid
# cgroups): no default ulimits, cgroupfs, runc. An existing containers.conf is never overwritten: if it
# lacks a setting, ours go to a drop-in file that podman reads after it.
configure_podman() {
  local conf=/etc/containers/containers.conf
  local settings='[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"'
  mkdir -p /etc/containers
  if [ ! -e "$conf" ]; then
    printf '# Written by hil-harness ci/lib.sh for CI machines.\n%s\n' "$settings" > "$conf"
  elif ! { grep -q '^default_ulimits *= *\[\]' "$conf" && grep -q '^cgroup_manager *= *"cgroupfs"' "$conf" \
           && grep -q '^runtime *= *"runc"' "$conf"; }; then
    mkdir -p /etc/containers/containers.conf.d
    printf '# Written by hil-harness ci/lib.sh; %s is left as it was.\n%s\n' "$conf" "$settings" \
      > /etc/containers/containers.conf.d/50-hil-harness.conf
    echo "container engine: $conf exists; added /etc/containers/containers.conf.d/50-hil-harness.conf" >&2
  fi
}

# setup_lava : what the LAVA end-to-end test (LavaJobIT, docs/lava.md) needs, as root: LAVA's dispatcher
# (lava-run), ser2net for the console server, podman-docker (LAVA runs `docker`), inetutils-telnet (the
# connection command, on the host and copied into the test image). Not root: leaves things alone (the
# test skips, saying why). About 100 s of apt-get on a fresh machine.
setup_lava() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "LAVA: not root, so lava-dispatcher is not installed; the LAVA test skips" >&2
    return 0
  fi
  ensure_packages lava-dispatcher ser2net podman-docker inetutils-telnet busybox-static
}
