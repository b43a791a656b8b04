package io.hilharness.netns;

import java.util.List;
import java.util.TreeSet;

/**
 * Adds and removes the persistent taps of the boards in this process's private namespace, with iproute2's
 * {@code ip} as a tool. Each board gets the lowest free index; a removed tap frees its index and subnet.
 */
public final class TapInterfaces {
    private static final TreeSet<Integer> IN_USE = new TreeSet<>();
    private static boolean loopbackUp;

    private TapInterfaces() {
    }

    /** A new tap, addressed and up, with loopback up too (the clients' markers and Chromium use it). */
    public static TapLink add() throws NamespaceUnavailableException {
        PrivateNetwork.requireInside("a board on a tap interface");
        NetworkTools tools = NetworkTools.ofThisMachine();
        String ip = tools.find("ip", "iproute2");
        tools.requireTunDevice();
        synchronized (IN_USE) {
            loopbackUp();
            int index = 0;
            while (IN_USE.contains(index)) {
                index++;
            }
            TapLink link = new TapLink(index);
            String what = "cannot create " + link.name() + " in the private namespace";
            NetworkTools.run(what, List.of(ip, "tuntap", "add", "dev", link.name(), "mode", "tap"));
            NetworkTools.run(what, List.of(ip, "address", "add", link.hostAddress() + "/" + TapLink.PREFIX_LENGTH,
                    "dev", link.name()));
            // No IPv6 link-local address: the kernel would add one once the board first attaches and confirm it
            // a second or so later, and a browser running then sees the host's addresses change and aborts its
            // loads with ERR_NETWORK_CHANGED. A lab's Ethernet port does not change under the browser.
            NetworkTools.run(what, List.of(ip, "link", "set", "dev", link.name(), "addrgenmode", "none"));
            NetworkTools.run(what, List.of(ip, "link", "set", link.name(), "up"));
            IN_USE.add(index);
            return link;
        }
    }

    /** A new namespace's loopback is down; the harness needs it (reference boards, capture markers, Chromium). */
    static void loopbackUp() throws NamespaceUnavailableException {
        synchronized (IN_USE) {
            if (!loopbackUp) {
                String ip = NetworkTools.ofThisMachine().find("ip", "iproute2");
                NetworkTools.run("cannot bring loopback up in the private namespace", List.of(ip, "link", "set", "lo", "up"));
                loopbackUp = true;
            }
        }
    }

    /** Deletes the tap (after its board's process is gone) so a later board may take its index. */
    public static void remove(TapLink link) throws NamespaceUnavailableException {
        String ip = NetworkTools.ofThisMachine().find("ip", "iproute2");
        synchronized (IN_USE) {
            NetworkTools.run("cannot delete " + link.name(), List.of(ip, "link", "delete", link.name()));
            IN_USE.remove(link.index());
        }
    }
}
