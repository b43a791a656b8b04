package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Who holds a board: written into the lock file so the next user is told. */
public record LockHolder(@JsonProperty("user") String user, @JsonProperty("host") String host,
                         @JsonProperty("pid") long pid, @JsonProperty("command") String command,
                         @JsonProperty("since") Instant since) {

    static LockHolder current(String command) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return new LockHolder(System.getProperty("user.name"), host, ProcessHandle.current().pid(), command, Instant.now());
    }

    public String describe() {
        return user + "@" + host + " pid " + pid + " since " + since + " (" + command + ")";
    }
}
