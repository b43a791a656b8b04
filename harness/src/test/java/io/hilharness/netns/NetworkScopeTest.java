package io.hilharness.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Loopback always; an address of a tap only inside the namespace hil made; the wire never. */
class NetworkScopeTest {
    @Test
    void loopbackIsAlwaysReachableAndCapturedOnLo() throws Exception {
        assertTrue(NetworkScope.mayReach(InetAddress.getByName("127.0.0.1")));
        assertEquals("lo", NetworkScope.captureInterface(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aBoardAddressOutsideAnyNamespaceOfOursIsRefusedInOneLine() throws Exception {
        InetAddress board = InetAddress.getByName("192.168.77.2");
        // The unit tests run outside any namespace of the harness: there, this address would be a real network.
        assertFalse(PrivateNetwork.isInside(), "unit tests run in the machine's own network");
        assertFalse(NetworkScope.mayReach(board));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkScope.requireReachable(board, "the browser"));
        assertEquals("the browser may only reach a board on loopback or inside the private network namespace hil "
                + "created, not 192.168.77.2", e.getMessage());
    }

    @Test
    void subnetsCompareByPrefix() throws Exception {
        assertTrue(NetworkScope.sameSubnet(InetAddress.getByName("192.168.77.1"), InetAddress.getByName("192.168.77.2"), 24));
        assertFalse(NetworkScope.sameSubnet(InetAddress.getByName("192.168.77.1"), InetAddress.getByName("192.168.78.2"), 24));
        assertTrue(NetworkScope.sameSubnet(InetAddress.getByName("192.168.77.1"), InetAddress.getByName("192.168.78.2"), 16));
    }

    @Test
    void eachTapHasItsOwnSubnetAsTheContractNumbersThem() {
        assertEquals("tap0", new TapLink(0).name());
        assertEquals("192.168.77.1", new TapLink(0).hostAddress());
        assertEquals("192.168.77.2/24", new TapLink(0).boardCidr());
        assertEquals("192.168.78.2", new TapLink(1).boardAddress());
        assertThrows(IllegalArgumentException.class, () -> new TapLink(TapLink.MAX_LINKS));
    }
}
