package dev.foresight.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Versions recorded in every manifest: a recording says which code made it. */
public final class Versions {

    private Versions() {}

    public static Map<String, String> all() {
        Map<String, String> v = new TreeMap<>();
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/foresight-experiments.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions are informative; a missing file must not fail a run
        }
        p.forEach((k, value) -> v.put(k.toString(), value.toString()));
        return v;
    }
}
