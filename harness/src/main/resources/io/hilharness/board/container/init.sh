#!/bin/busybox sh
# PID 1 of the container board: the reference firmware with its console bridged to the harness.
#
# The container shares the host's network namespace, so the firmware binds host loopback itself
# (it refuses anything else) and logs each client's own source port: no relay in the HTTPS path.
# The console is a pty inside the container; a busybox nc dials the harness's console listener on
# loopback (busybox nc cannot listen on loopback only) and runs console-bridge per connection,
# dialling again whenever the connection ends.
/bin/busybox --install -s /bin
# A console link left from the previous power-on points at a pty that no longer exists.
rm -f /board/console
(
  while :; do
    nc 127.0.0.1 "$HIL_CONSOLE_PORT" -e /console-bridge
    # Nobody listening (the harness is between connections): dial again shortly.
    sleep 1
  done
) &
# The firmware is PID 1: when it dies the board is off, as on real hardware.
exec /flash/refboard --flash /flash --board /board --port "$HIL_HTTPS_PORT" --bind 127.0.0.1
