package io.hilharness.devlog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TablesTest {

    @Test
    void alertNames() {
        assertEquals("close_notify", TlsAlerts.name(0));
        assertEquals("handshake_failure", TlsAlerts.name(40));
        assertEquals("certificate_expired", TlsAlerts.name(45));
        assertEquals("certificate_unknown", TlsAlerts.name(46));
        assertEquals("unknown_ca", TlsAlerts.name(48));
        assertEquals("certificate_required", TlsAlerts.name(116));
        assertEquals("no_application_protocol", TlsAlerts.name(120));
        assertNull(TlsAlerts.name(1));
        assertNull(TlsAlerts.name(-1));
    }

    @Test
    void alertLevels() {
        assertEquals("warning", TlsAlerts.level(1));
        assertEquals("fatal", TlsAlerts.level(2));
        assertNull(TlsAlerts.level(3));
    }

    @Test
    void handshakeStates() {
        assertEquals("HELLO_REQUEST", HandshakeStates.name(0));
        assertEquals("CLIENT_HELLO", HandshakeStates.name(1));
        assertEquals("SERVER_CERTIFICATE", HandshakeStates.name(3));
        assertEquals("CLIENT_KEY_EXCHANGE", HandshakeStates.name(8));
        assertEquals("SERVER_FINISHED", HandshakeStates.name(13));
        assertEquals("HANDSHAKE_OVER", HandshakeStates.name(HandshakeStates.HANDSHAKE_OVER));
        assertEquals("SERVER_HELLO_VERIFY_REQUEST_SENT", HandshakeStates.name(18));
        assertNull(HandshakeStates.name(19));
        assertNull(HandshakeStates.name(-1));
    }
}
