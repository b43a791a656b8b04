package io.hilharness.crash;

import java.util.List;

/** An address of a death report and what the ELF says is there; no frames when it was not decoded. */
public record DecodedAddress(CodeAddress address, List<SourceFrame> frames) {
    public DecodedAddress {
        frames = List.copyOf(frames);
    }

    @Override
    public String toString() {
        return address.role() + " " + address.hex() + (frames.isEmpty() ? "" : ": " + frames.get(0)
                + (frames.size() > 1 ? " (inlined in " + frames.get(frames.size() - 1) + ")" : ""));
    }
}
