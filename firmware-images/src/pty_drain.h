/* Draining a board's pty console before the board dies. */
#ifndef REFBOARD_PTY_DRAIN_H
#define REFBOARD_PTY_DRAIN_H

/* Waits, at most timeout_ms, until whoever has the console open has read everything the board wrote to
 * the pty master, as a panic handler drains its UART before the chip resets: what is still queued when
 * the process dies goes with its pty. slave_fd is the board's own fd of the pty's slave side. */
void pty_drain(int slave_fd, unsigned timeout_ms);

#endif
