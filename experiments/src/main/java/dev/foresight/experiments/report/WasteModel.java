package dev.foresight.experiments.report;

/**
 * First-order predictions of the waste (share of occupied time not spent on useful work) that the
 * measured waste is compared with in the report.
 */
public final class WasteModel {

    private WasteModel() {}

    /** Young's optimal interval {@code sqrt(2 C M)}. */
    public static double youngInterval(double checkpointCost, double mtbf) {
        return Math.sqrt(2 * checkpointCost * mtbf);
    }

    /** Young/Daly first-order waste {@code C/T + T/(2M)} at interval T. */
    public static double youngDalyWaste(double checkpointCost, double interval, double mtbf) {
        return checkpointCost / interval + interval / (2 * mtbf);
    }

    /**
     * Aupy et al. (prediction with recall r): unpredicted failures arrive at rate {@code (1-r)/M}, so the
     * optimal interval is {@code sqrt(2 M C / (1 - r))}; each predicted failure costs one proactive action
     * (cost {@code Cp}, a checkpoint or a migration), and each false alarm (precision p) costs one too.
     * Waste ≈ {@code C/T + (1-r) T/(2M) + r Cp/(p M)}.
     */
    public static double aupyWaste(double checkpointCost, double mtbf, double recall, double precision, double proactiveCost) {
        if (recall >= 1) {
            return precision <= 0 ? Double.NaN : proactiveCost / (precision * mtbf);
        }
        double interval = Math.sqrt(2 * mtbf * checkpointCost / (1 - recall));
        double falseAndTrue = precision <= 0 ? 0 : recall * proactiveCost / (precision * mtbf);
        return checkpointCost / interval + (1 - recall) * interval / (2 * mtbf) + falseAndTrue;
    }
}
