package dev.foresight.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** deploy/secure/acls.txt and principals.txt, parsed the way setup.sh reads them. */
final class AclFile {

    /** One line: PRINCIPAL RESOURCE PATTERN NAME OPERATIONS. */
    record Rule(String principal, String resource, String pattern, String name, List<String> operations) {}

    private AclFile() {}

    static List<Rule> rules(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : dataLines(file)) {
            String[] f = line.split("\\s+");
            if (f.length != 5) {
                throw new IllegalArgumentException(file + ": expected 5 fields, got '" + line + "'");
            }
            rules.add(new Rule(f[0], f[1], f[2], f[3], Arrays.asList(f[4].split(","))));
        }
        return rules;
    }

    /** Principal name to password. */
    static Map<String, String> principals(Path file) throws IOException {
        Map<String, String> principals = new LinkedHashMap<>();
        for (String line : dataLines(file)) {
            String[] f = line.split("\\s+");
            if (f.length != 2) {
                throw new IllegalArgumentException(file + ": expected NAME PASSWORD, got '" + line + "'");
            }
            principals.put(f[0], f[1]);
        }
        return principals;
    }

    private static List<String> dataLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
