package io.hilharness.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Receives a journal's records in order, as {@link JournalReader} reads them; each reader of a journal
 * overrides what it needs. The campaign header always comes first.
 */
public interface JournalVisitor {
    default void campaign(CampaignHeader header) throws IOException {
    }

    default void flash(FlashRecord flash) throws IOException {
    }

    default void boot(BootRecord boot) throws IOException {
    }

    /** A round, its connections' device lines and chains filled in (unless read {@link JournalReader#clientsOnly}). */
    default void round(RoundRecord round) throws IOException {
    }

    default void watchdog(WatchdogRecord watchdog) throws IOException {
    }

    /** The board died during a boot already read ({@link RunRecords} folds it into that boot). */
    default void crash(CrashRecord crash) throws IOException {
    }

    /** The findings the live run journaled; readers diagnose again with the rules they have, so most skip it. */
    default void diagnosis(JsonNode findings) throws IOException {
    }

    default void end(EndRecord end) throws IOException {
    }

    /** What the reader had to put up with: a last line cut short by a kill, a record type it does not know. */
    default void note(String note) throws IOException {
    }
}
