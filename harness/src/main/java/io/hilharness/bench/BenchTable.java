package io.hilharness.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's result as a Markdown table (figure | baseline | ratio | target), so the same text reads
 * well in a terminal and pastes into docs/performance.md.
 */
public final class BenchTable {
    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchTable(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    public BenchTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size() + " cells, not " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** A line under the table, e.g. what was measured or a verdict. */
    public BenchTable note(String note) {
        notes.add(note);
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n').append('\n');
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append(n).append('\n'));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            out.append(' ').append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length())).append(" |");
        }
        out.append('\n');
    }

    /** Fixed-point with the given decimals, or "n/a" for NaN. */
    public static String number(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** "0.97" style ratio of figure to baseline. */
    public static String ratio(double figure, double baseline) {
        return number(figure / baseline, 2);
    }
}
