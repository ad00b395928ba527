package dev.foresight.producers.dataset.backblaze;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One Backblaze row: one drive on one day.
 *
 * @param date          the snapshot day
 * @param serialNumber  the drive (the node id of its telemetry)
 * @param model         the drive model
 * @param capacityBytes the capacity, when known
 * @param failed        failure=1: the drive's last operational day
 * @param smartRaw      the filled-in SMART raw values, by metric name ({@code smart_5_raw})
 */
public record DriveDay(LocalDate date, String serialNumber, String model, OptionalLong capacityBytes, boolean failed,
                       Map<String, Double> smartRaw) {

    public DriveDay {
        smartRaw = Map.copyOf(smartRaw);
    }
}
