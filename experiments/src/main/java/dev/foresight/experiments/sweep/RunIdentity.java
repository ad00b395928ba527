package dev.foresight.experiments.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run's figures are a function of. A stored result is reused only when its identity equals
 * the one the sweep would run now; otherwise {@link #differences} says what changed.
 *
 * @param scenarioSha256 digest of the whole scenario, as resolved (see {@link ScenarioDigest})
 * @param failureTrace   the replayed trace's checksum and start, or null when failures are drawn from the seed
 * @param predictorStart what the learned predictor starts from ({@code PredictorStart#describe()})
 * @param code           {@link CodeFingerprint} of the code that runs the loop
 */
public record RunIdentity(String scenario, String scenarioSha256, long seed, String policy, boolean consolidation,
                          long horizonTicks, String failureTrace, String predictorStart, String code) {

    /** One digest of every part, for a glance at whether two results are comparable. */
    public String sha256() {
        String joined = String.join("\n", scenario, scenarioSha256, Long.toString(seed), policy, Boolean.toString(consolidation),
                Long.toString(horizonTicks), String.valueOf(failureTrace), String.valueOf(predictorStart), code);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** What differs between this identity and {@code other}, in words; empty when they are the same run. */
    public List<String> differences(RunIdentity other) {
        List<String> d = new ArrayList<>();
        if (!scenario.equals(other.scenario) || !scenarioSha256.equals(other.scenarioSha256)) {
            d.add("scenario (" + other.scenario + " " + brief(other.scenarioSha256) + ", here " + scenario + " " + brief(scenarioSha256) + ")");
        }
        if (seed != other.seed || !policy.equals(other.policy)) {
            d.add("run (" + other.policy + " under seed " + other.seed + ", here " + policy + " under seed " + seed + ")");
        }
        if (consolidation != other.consolidation) {
            d.add("--consolidation (" + (other.consolidation ? "on" : "off") + ", here " + (consolidation ? "on" : "off") + ")");
        }
        if (horizonTicks != other.horizonTicks) {
            d.add("--horizon-ticks (" + other.horizonTicks + ", here " + horizonTicks + ")");
        }
        if (!Objects.equals(failureTrace, other.failureTrace)) {
            d.add("failure trace (" + describeTrace(other.failureTrace) + ", here " + describeTrace(failureTrace) + ")");
        }
        if (!Objects.equals(predictorStart, other.predictorStart)) {
            d.add("predictor start (" + other.predictorStart + ", here " + predictorStart + ")");
        }
        if (!code.equals(other.code)) {
            d.add("code (fingerprint " + brief(other.code) + ", here " + brief(code) + ")");
        }
        return d;
    }

    private static String describeTrace(String trace) {
        return trace == null ? "drawn from the seed" : brief(trace);
    }

    private static String brief(String digest) {
        return digest.length() > 12 ? digest.substring(0, 12) : digest;
    }
}
