package dev.foresight.producers.dataset.bluegene;

import dev.foresight.producers.recording.RunManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns of an earlier Blue Gene/L import, reused by a later one ({@code --like}) so that both
 * recordings have the same telemetry metrics in the same meaning: a model trained on the first then
 * scores the second.
 *
 * @param name       the earlier recording's name
 * @param categories its warning categories, in column order
 */
record LikeRecording(String name, List<String> categories) {

    static LikeRecording read(Path recording) {
        Map<String, Object> manifest = RunManifest.read(recording);
        String where = recording.resolve(RunManifest.FILE_NAME).toString();
        if (!BlueGeneImporter.POLICY.equals(manifest.get("policy"))) {
            throw new IllegalArgumentException("--like " + recording + " is not a Blue Gene/L import (policy "
                    + manifest.get("policy") + ", expected " + BlueGeneImporter.POLICY + ")");
        }
        Map<?, ?> scenario = manifest.get("scenario") instanceof Map<?, ?> m ? m : Map.of();
        if (!(scenario.get("warningCategories") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": scenario.warningCategories is missing or empty");
        }
        List<String> categories = new ArrayList<>();
        for (Object c : list) {
            if (!(c instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(where + ": scenario.warningCategories holds a non-name: " + c);
            }
            categories.add(s);
        }
        String name = scenario.get("name") instanceof String s ? s : recording.getFileName().toString();
        return new LikeRecording(name, List.copyOf(categories));
    }
}
