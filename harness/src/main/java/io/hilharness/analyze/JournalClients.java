package io.hilharness.analyze;

import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.run.JournalReader;
import io.hilharness.run.JournalVisitor;
import io.hilharness.run.RoundRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The client connections of a campaign's journal, to join with a log analyzed apart. */
public final class JournalClients {
    private JournalClients() {
    }

    /** @param journal a journal file or its run folder */
    public static List<ClientConnection> read(Path journal) throws IOException {
        List<ClientConnection> clients = new ArrayList<>();
        JournalReader.of(journal).clientsOnly().read(new JournalVisitor() {
            @Override
            public void round(RoundRecord round) {
                for (CorrelatedConnection c : round.connections()) {
                    clients.add(new ClientConnection(c.client().id(),
                            c.client().boot() != null ? c.client().boot() : round.boot(),
                            c.client().localPort(), c.client().start(), c.client().outcome().name()));
                }
            }
        });
        return clients;
    }
}
