package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.board.command.CommandTemplate;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Flashes with an external tool (OpenOCD, pyOCD, esptool, st-flash, J-Link, any command): fills the
 * tool's command template with the image path and the board's parameters and runs it under a timeout.
 * Verifying the write is the tool's job (OpenOCD {@code verify}, esptool's hash check...); this class
 * records the SHA-256 of what it handed over next to the tool's output.
 */
public final class CommandFlasher implements Flasher {
    private final String label;
    private final CommandTemplate template;
    private final Map<String, String> values;
    private final String imageFile;
    private final ToolRunner runner;
    private final java.util.Optional<CommandTemplate> script;

    /**
     * @param label     names the log files, e.g. "openocd" gives flash-openocd.stdout
     * @param values    placeholder values besides {image}, e.g. probe, port, address
     * @param imageFile which file of the image folder to flash, relative to it
     */
    public CommandFlasher(String label, CommandTemplate template, Map<String, String> values, String imageFile,
                          ToolRunner runner) {
        this(label, template, values, imageFile, runner, java.util.Optional.empty());
    }

    /**
     * @param script lines of a command file the tool reads (J-Link Commander's -CommandFile), filled
     *               like the command line and passed to it as {script}
     */
    public CommandFlasher(String label, CommandTemplate template, Map<String, String> values, String imageFile,
                          ToolRunner runner, java.util.Optional<CommandTemplate> script) {
        this.script = script;
        this.label = label;
        this.template = template;
        this.values = Map.copyOf(values);
        this.imageFile = imageFile;
        this.runner = runner;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        flashFile(ImageFiles.resolve(image, imageFile));
    }

    /** Flashes {@code file} (an absolute path), wherever it is kept. */
    void flashFile(Path file) throws BoardException {
        Map<String, String> all = new HashMap<>(values);
        all.put("image", file.toString());
        String name = "flash-" + label;
        ImageFiles.recordChecksum(file, runner, name);
        try {
            if (script.isPresent()) {
                Path scriptFile = runner.logDir().resolve(name + ".script");
                write(scriptFile, String.join("\n", script.get().expand(all)) + "\n");
                all.put("script", scriptFile.toString());
            }
            runner.run(name, template.expand(all));
        } catch (IllegalArgumentException e) {
            throw new BoardException(name + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, String text) throws BoardException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new BoardException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
