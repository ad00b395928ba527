package dev.foresight.bench;

import java.util.ArrayList;
import java.util.List;

/** Formats figures as a plain-text table (for the terminal) or a Markdown table (for the README). */
public final class BenchTable {

    private BenchTable() {}

    public static String text(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"group", "figure", "value", "unit", "target", "", "how"});
        for (Figure f : figures) {
            rows.add(new String[] {f.group(), f.name(), f.formattedValue(), f.unit(), f.target(), f.verdict(), f.detail()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                if (i == row.length - 1) {
                    line.append(cell);
                } else if (i == 2) {
                    line.append(" ".repeat(widths[i] - cell.length())).append(cell).append("  ");
                } else {
                    line.append(cell).append(" ".repeat(widths[i] - cell.length())).append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    public static String markdown(List<Figure> figures) {
        StringBuilder out = new StringBuilder("| group | figure | value | target | how |\n| --- | --- | --- | --- | --- |\n");
        for (Figure f : figures) {
            String target = f.target().isEmpty() ? "" : f.target() + " " + f.unit() + " (" + f.verdict() + ")";
            out.append("| ").append(f.group()).append(" | ").append(f.name()).append(" | ").append(f.formattedValue())
                    .append(' ').append(f.unit()).append(" | ").append(target).append(" | ").append(f.detail()).append(" |\n");
        }
        return out.toString();
    }
}
