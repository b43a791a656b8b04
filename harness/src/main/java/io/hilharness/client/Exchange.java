package io.hilharness.client;

/**
 * One request on a connection and what came back.
 *
 * @param path          request path as given to the driver
 * @param httpStatus    response status, null when no response arrived (connect or handshake failed,
 *                      or the connection dropped before the status line)
 * @param contentLength the Content-Length the server announced, null when absent
 * @param bytesReceived body bytes actually read
 * @param digestOk      whether the body's SHA-256 matched the expected one; null when not checked
 *                      (no expectation for the path, error status, or incomplete body)
 * @param ms            from sending the request (or from starting the call when it never got that far)
 *                      to the end of the body or the failure
 * @param outcome       how this exchange ended
 * @param outcomeDetail why, for anything but OK
 */
public record Exchange(String path, Integer httpStatus, Long contentLength, long bytesReceived, Boolean digestOk,
                       long ms, Outcome outcome, String outcomeDetail) {
}
