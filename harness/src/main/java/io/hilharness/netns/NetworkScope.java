package io.hilharness.netns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * The one place that decides which board addresses the harness's clients and captures may reach:
 * loopback, or an address on a subnet of an interface inside the private namespace this process was
 * started in by the harness ({@link PrivateNetwork}). Anything else would put traffic on a real network.
 */
public final class NetworkScope {
    private NetworkScope() {
    }

    public static boolean mayReach(InetAddress address) {
        return address.isLoopbackAddress() || PrivateNetwork.isInside() && onOwnLink(address);
    }

    /** @throws IllegalArgumentException naming the address and the rule, for {@code who} (e.g. "the browser") */
    public static void requireReachable(InetAddress address, String who) {
        if (!mayReach(address)) {
            throw new IllegalArgumentException(who + " may only reach a board on loopback or inside the private "
                    + "network namespace hil created, not " + address.getHostAddress());
        }
    }

    /**
     * The interface a capture listens on: {@code lo} for a loopback board; {@code any} inside the private
     * namespace, which holds only loopback and the harness's own taps. One capture socket for both keeps
     * the capture's loopback marker packets in order with the board's traffic.
     */
    public static String captureInterface(InetAddress board) {
        return board.isLoopbackAddress() ? "lo" : "any";
    }

    private static boolean onOwnLink(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        try {
            for (NetworkInterface iface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress own : iface.getInterfaceAddresses()) {
                    if (!iface.isLoopback() && own.getAddress() instanceof Inet4Address
                            && sameSubnet(own.getAddress(), address, own.getNetworkPrefixLength())) {
                        return true;
                    }
                }
            }
        } catch (SocketException e) {
            return false;
        }
        return false;
    }

    static boolean sameSubnet(InetAddress a, InetAddress b, int prefixLength) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (toInt(a) & mask) == (toInt(b) & mask);
    }

    private static int toInt(InetAddress address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
}
