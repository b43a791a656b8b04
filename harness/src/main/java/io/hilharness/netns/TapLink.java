package io.hilharness.netns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One board's link in the private namespace: tap{@code index}, host side 192.168.(77+index).1/24, the
 * board 192.168.(77+index).2/24, as the lwIP board contract fixes it.
 */
public record TapLink(int index) {
    static final int FIRST_SUBNET = 77;
    static final int MAX_LINKS = 255 - FIRST_SUBNET;
    public static final int PREFIX_LENGTH = 24;

    public TapLink {
        if (index < 0 || index >= MAX_LINKS) {
            throw new IllegalArgumentException("tap index must be 0.." + (MAX_LINKS - 1) + ", not " + index);
        }
    }

    public String name() {
        return "tap" + index;
    }

    public String hostAddress() {
        return subnet() + ".1";
    }

    public String boardAddress() {
        return subnet() + ".2";
    }

    /** What the board's netif takes ({@code --address} of the lwIP board). */
    public String boardCidr() {
        return boardAddress() + "/" + PREFIX_LENGTH;
    }

    public InetSocketAddress boardEndpoint(int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(boardAddress()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a dotted address always parses: " + boardAddress(), e);
        }
    }

    private String subnet() {
        return "192.168." + (FIRST_SUBNET + index);
    }
}
