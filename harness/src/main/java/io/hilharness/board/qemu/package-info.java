/**
 * The QEMU board kind: an emulated Cortex-M3 (QEMU's {@code mps2-an385}: 4 MB "flash" at 0x0, SRAM, a CMSDK
 * UART, a LAN9118 Ethernet controller) running the lwIP board's HTTPS application as bare-metal firmware.
 * It is handled as a real microcontroller in a lab is: flashed through a GDB server ({@code gdb} flash
 * method), its console a pty, hard reset by the machine's reset line (QMP {@code system_reset}), soft reset
 * by the console's {@code reboot}, power = the QEMU process, HTTPS through a loopback port that QEMU's user
 * network forwards to the board (the client's source port intact, so connections are joined by port).
 *
 * <p>QEMU starts halted; the console opens the new pty before the CPU runs (QEMU drops output nobody
 * reads), then GDB loads the flashed ELF, resets and detaches. QEMU's flash is RAM, so the board folder
 * keeps the flashed ELF and every power-on loads it again. A fault in the HardFault handler makes QEMU
 * abort ("Lockup: can't escalate 3 to HardFault"): the board has locked up, as {@code diedByItself} says.
 */
package io.hilharness.board.qemu;
