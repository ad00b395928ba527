package dev.foresight.producers.agent;

import java.nio.file.Files;
import java.util.Map;

/**
 * Per-disk I/O counters from {@code /proc/diskstats} (reads, writes, bytes, time doing I/O) and the SCSI
 * I/O error count from {@code /sys/block/<disk>/device/ioerr_cnt} where the driver exposes it. Only whole
 * disks are reported: when {@code /sys/block} is there, a device must be listed in it (partitions are
 * not); loop and RAM disks (ram, zram) are skipped either way.
 */
final class DiskStats implements MetricSource {

    private static final double SECTOR_BYTES = 512; // diskstats counts 512-byte sectors whatever the device's sector size

    private final ProcReader proc;

    DiskStats(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        boolean haveSysBlock = Files.isDirectory(proc.resolve("sys/block"));
        proc.lines("proc/diskstats").ifPresent(lines -> {
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 14) {
                    continue;
                }
                String device = f[2];
                if (device.startsWith("loop") || device.startsWith("ram") || device.startsWith("zram")
                        || (haveSysBlock && !Files.isDirectory(proc.resolve("sys/block/" + device)))) {
                    continue;
                }
                String prefix = "disk_" + MetricNames.part(device) + "_";
                try {
                    double reads = Double.parseDouble(f[3]);
                    double readSectors = Double.parseDouble(f[5]);
                    double writes = Double.parseDouble(f[7]);
                    double writeSectors = Double.parseDouble(f[9]);
                    double ioMillis = Double.parseDouble(f[12]);
                    out.put(prefix + "reads_total", reads);
                    out.put(prefix + "read_bytes_total", readSectors * SECTOR_BYTES);
                    out.put(prefix + "writes_total", writes);
                    out.put(prefix + "write_bytes_total", writeSectors * SECTOR_BYTES);
                    out.put(prefix + "io_ms_total", ioMillis);
                } catch (NumberFormatException e) {
                    continue; // an unreadable line: that disk is not measured this time
                }
                proc.number(proc.resolve("sys/block/" + device + "/device/ioerr_cnt"))
                        .ifPresent(errors -> out.put(prefix + "io_errors_total", errors));
            }
        });
    }
}
