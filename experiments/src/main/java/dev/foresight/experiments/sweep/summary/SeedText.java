package dev.foresight.experiments.sweep.summary;

import java.util.List;

/** Seeds written compactly, as a user would type them: {@code 1..6}, {@code 1,5,9}, {@code 1..3,8}. */
public final class SeedText {

    private SeedText() {}

    /** @param seeds sorted */
    public static String describe(List<Long> seeds) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < seeds.size()) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(seeds.get(i));
            if (j > i) {
                b.append(j == i + 1 ? "," : "..").append(seeds.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
