/**
 * The lwIP board: lwIP's own httpd over altcp_tls and Mbed TLS, built from their release sources for each
 * image (firmware-images/lwip/), run as a host process like the reference board but on a tap interface
 * in the harness's private network namespace ({@link io.hilharness.netns}). Flash, console, soft reset
 * ({@code reboot}) and hard reset (process killed and started again) are the reference board's parts.
 */
package io.hilharness.board.lwip;
