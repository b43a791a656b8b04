package io.hilharness.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine that cannot give the harness a private namespace gets one line naming what is missing. */
class PrivateNetworkTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheHarnessesOwnMarkerCountsAsInside() {
        assertTrue(PrivateNetwork.isInside(Map.of(PrivateNetwork.MARKER, PrivateNetwork.MARKER_VALUE)));
        assertFalse(PrivateNetwork.isInside(Map.of(PrivateNetwork.MARKER, "1")));
        assertFalse(PrivateNetwork.isInside(Map.of()));
    }

    @Test
    void rootUnsharesTheNetworkAloneAndAnyoneElseAlsoTheUser() {
        assertEquals(List.of("/bin/unshare", "--net"), PrivateNetwork.unshareCommand("/bin/unshare", true));
        assertEquals(List.of("/bin/unshare", "--user", "--map-root-user", "--net"),
                PrivateNetwork.unshareCommand("/bin/unshare", false));
    }

    @Test
    void aMissingUnshareNamesItsPackage() throws Exception {
        NetworkTools tools = new NetworkTools(List.of(dir), tunDevice());
        String line = oneLine(assertThrows(NamespaceUnavailableException.class, () -> PrivateNetwork.checkedUnshare(tools, false)));
        assertEquals("no private network namespace: 'unshare' is not installed (Debian package util-linux)", line);
    }

    @Test
    void aMissingIpNamesIproute2() throws Exception {
        tool("unshare", "exit 0");
        NetworkTools tools = new NetworkTools(List.of(dir), tunDevice());
        String line = oneLine(assertThrows(NamespaceUnavailableException.class, () -> PrivateNetwork.checkedUnshare(tools, true)));
        assertTrue(line.contains("'ip' is not installed (Debian package iproute2)"), line);
    }

    @Test
    void aMissingTunDeviceSaysHowToGetIt() throws Exception {
        tool("unshare", "exit 0");
        tool("ip", "exit 0");
        NetworkTools tools = new NetworkTools(List.of(dir), dir.resolve("no-tun"));
        String line = oneLine(assertThrows(NamespaceUnavailableException.class, () -> PrivateNetwork.checkedUnshare(tools, true)));
        assertTrue(line.contains("the TUN device " + dir.resolve("no-tun") + " is missing"), line);
        assertTrue(line.contains("modprobe tun"), line);
    }

    /** A kernel without unprivileged user namespaces refuses; unshare's own words and the way out are one line. */
    @Test
    void aRefusedNamespaceIsOneLineWithUnsharesReasonAndWhatToDo() throws Exception {
        tool("unshare", "echo 'unshare: unshare failed: Operation not permitted' >&2; exit 1");
        tool("ip", "exit 0");
        tool("true", "exit 0");
        NetworkTools tools = new NetworkTools(List.of(dir), tunDevice());
        String line = oneLine(assertThrows(NamespaceUnavailableException.class, () -> PrivateNetwork.checkedUnshare(tools, false)));
        assertTrue(line.startsWith("no private network namespace: " + dir.resolve("unshare") + " --user --map-root-user --net was refused"), line);
        assertTrue(line.contains("run as root, or allow unprivileged user namespaces"), line);
        assertTrue(line.endsWith("unshare: unshare failed: Operation not permitted"), line);
    }

    /** This machine (as ci/test sets it up) has all of it: the trial namespace is really created. */
    @Test
    void thisMachineGetsTheUnshareCommandForItsUser() throws Exception {
        List<String> argv = PrivateNetwork.checkedUnshare(NetworkTools.ofThisMachine(), PrivateNetwork.isRoot());
        assertTrue(argv.get(0).endsWith("/unshare"), argv.toString());
        assertEquals(PrivateNetwork.unshareCommand(argv.get(0), PrivateNetwork.isRoot()), argv);
    }

    @Test
    void codeThatCannotReexecuteSaysHowToStartInside() {
        String line = oneLine(assertThrows(NamespaceUnavailableException.class,
                () -> PrivateNetwork.requireInside("the lwIP board", Map.of())));
        assertTrue(line.startsWith("the lwIP board needs a private network namespace"), line);
        assertTrue(line.contains(PrivateNetwork.MARKER), line);
    }

    private Path tunDevice() throws Exception {
        return Files.writeString(dir.resolve("tun"), "");
    }

    private void tool(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String oneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
