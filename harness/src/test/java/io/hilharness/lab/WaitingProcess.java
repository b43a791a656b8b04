package io.hilharness.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by {@link ReservationTest}: waits in line for boards (args: lock folder, boards
 * comma-separated, count), says {@code taken ...} and holds them until its stdin closes, like a campaign.
 */
public final class WaitingProcess {
    private WaitingProcess() {
    }

    public static void main(String[] args) throws Exception {
        List<String> boards = List.of(args[1].split(","));
        try (Reservation taken = Reservation.take(Path.of(args[0]), boards, Integer.parseInt(args[2]), Optional.empty(),
                "waiting process", line -> System.out.println(line), () -> false)) {
            System.out.println("taken " + taken.boards());
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the boards until stdin closes
            }
        }
    }
}
