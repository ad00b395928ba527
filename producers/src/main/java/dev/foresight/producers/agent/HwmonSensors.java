package dev.foresight.producers.agent;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temperatures and fan speeds from {@code /sys/class/hwmon/hwmon*}: {@code temp<N>_input} in milli-degrees
 * Celsius becomes {@code temp_<chip>_<label>_c}, {@code fan<N>_input} in RPM becomes
 * {@code fan_<chip>_<label>_rpm}. The chip is the directory's {@code name} file (e.g. {@code coretemp}),
 * the label its {@code temp<N>_label} (e.g. {@code Package id 0}) or {@code temp<N>} when unlabelled;
 * when two chips share a name the hwmon number is appended to keep the metrics apart.
 */
final class HwmonSensors implements MetricSource {

    private static final Pattern INPUT = Pattern.compile("(temp|fan)(\\d+)_input");

    private final ProcReader proc;

    HwmonSensors(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        List<Path> chips = proc.list("sys/class/hwmon");
        Map<String, Integer> nameCounts = new HashMap<>();
        for (Path chip : chips) {
            nameCounts.merge(chipName(chip), 1, Integer::sum);
        }
        for (Path chip : chips) {
            String name = chipName(chip);
            String prefix = nameCounts.get(name) > 1 ? name + "_" + MetricNames.part(chip.getFileName().toString()) : name;
            for (Path file : proc.list(chip)) {
                Matcher m = INPUT.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String kind = m.group(1);
                String label = proc.value(chip.resolve(kind + m.group(2) + "_label")).map(MetricNames::part)
                        .orElse(kind + m.group(2));
                proc.number(file).ifPresent(value -> {
                    if (kind.equals("temp")) {
                        out.put("temp_" + prefix + "_" + label + "_c", value / 1000.0);
                    } else {
                        out.put("fan_" + prefix + "_" + label + "_rpm", value);
                    }
                });
            }
        }
    }

    private String chipName(Path chip) {
        return proc.value(chip.resolve("name")).map(MetricNames::part).orElse(MetricNames.part(chip.getFileName().toString()));
    }
}
