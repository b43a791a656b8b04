package io.hilharness.cli;

import io.hilharness.board.Board;
import io.hilharness.campaign.RunFolder;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.lab.BoardLock;
import io.hilharness.lab.ConsoleSession;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabBoards;
import io.hilharness.lab.LabConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hil console BOARD}: an interactive console on a lab board, locked while it is open. */
@Command(name = "console", description = "Interactive console on a lab board: timestamps, boot numbers, raw capture, ~ actions.")
final class ConsoleCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Board name in the lab config.")
    String boardName;

    @Option(names = "--lab", description = "Lab config (default: $HIL_LAB_CONFIG, else ~/.config/hil/lab.yaml).")
    Path lab;

    @Option(names = "--flash", description = "Flash this image and power-cycle the board first.")
    String image;

    @Option(names = "--runs-dir", description = "Where the capture folder goes (default: runs/ in the project).")
    Path runsDir;

    @Override
    public Integer call() throws Exception {
        LabConfig config = LabConfig.locateAndRead(lab);
        LabBoard board = config.select(boardName).get(0);
        ProjectLayout layout = ProjectLayout.locate();
        ImageBuilder builder = new ImageBuilder(layout);
        try (BoardLock lock = BoardLock.acquire(config.lockDir(), board.name(), "hil console " + board.name())) {
            RunFolder run = RunFolder.create(runsDir == null ? layout.runsDir() : runsDir, "console-" + board.name());
            try (Board b = LabBoards.open(board, run.dir(), run.consoleCapture())) {
                ConsoleSession session = new ConsoleSession(b, board.spec().logFormat() == null ? "auto" : board.spec().logFormat(),
                        System.out, builder::build);
                if (image != null) {
                    b.flasher().flash(builder.build(image));
                    b.resetter(b.power().isPresent() ? io.hilharness.board.ResetKind.HARD : io.hilharness.board.ResetKind.SOFT).reset();
                }
                session.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            }
            System.out.println("[hil] console capture: " + run.consoleCapture());
        }
        return 0;
    }
}
