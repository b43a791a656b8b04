#!/bin/sh
# One console connection (stdin/stdout are the TCP socket, from nc -e): copy bytes between it and the
# firmware's console pty, like a serial cable. Right after power-on the firmware may not have
# published its pty yet: wait for it, at most 2 s, then give up (the caller dials again).
i=0
while [ ! -e /board/console ] && [ "$i" -lt 100 ]; do
  usleep 20000
  i=$((i + 1))
done
exec nc -f /board/console
