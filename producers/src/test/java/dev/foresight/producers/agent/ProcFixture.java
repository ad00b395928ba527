package dev.foresight.producers.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake host: the /proc and /sys files the agent reads, under a temporary root. */
final class ProcFixture {

    final Path root;

    ProcFixture(Path root) {
        this.root = root;
    }

    ProcFixture write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The aggregate cpu line: user nice system idle iowait irq softirq steal (guest guest_nice). */
    ProcFixture cpu(long user, long system, long idle, long iowait) {
        return write("proc/stat", "cpu  " + user + " 0 " + system + " " + idle + " " + iowait + " 0 0 0 0 0\n"
                + "cpu0 " + user + " 0 " + system + " " + idle + " " + iowait + " 0 0 0 0 0\nintr 12345\nctxt 999\n");
    }

    /** A host with every reading the agent knows. */
    static ProcFixture fullHost(Path root) {
        return new ProcFixture(root)
                .cpu(100, 50, 800, 50)
                .write("proc/loadavg", "0.50 0.40 0.30 1/200 12345\n")
                .write("proc/meminfo", "MemTotal:       16000000 kB\nMemFree:         2000000 kB\nMemAvailable:   12000000 kB\n"
                        + "SwapTotal:       2000000 kB\nSwapFree:        1500000 kB\n")
                .write("sys/class/hwmon/hwmon0/name", "coretemp\n")
                .write("sys/class/hwmon/hwmon0/temp1_input", "45000\n")
                .write("sys/class/hwmon/hwmon0/temp1_label", "Package id 0\n")
                .write("sys/class/hwmon/hwmon0/temp2_input", "43500\n")
                .write("sys/class/hwmon/hwmon1/name", "nct6775\n")
                .write("sys/class/hwmon/hwmon1/fan1_input", "1200\n")
                .write("sys/class/hwmon/hwmon1/temp1_input", "38000\n")
                .write("sys/class/hwmon/hwmon2/name", "coretemp\n")
                .write("sys/class/hwmon/hwmon2/temp1_input", "50000\n")
                .write("sys/devices/system/edac/mc/mc0/ce_count", "3\n")
                .write("sys/devices/system/edac/mc/mc0/ue_count", "0\n")
                .write("sys/devices/system/edac/mc/mc1/ce_count", "2\n")
                .write("sys/devices/system/edac/mc/mc1/ue_count", "1\n")
                .write("proc/diskstats",
                        "   8       0 sda 1000 10 20000 500 2000 20 40000 900 0 1500 1400 0 0 0 0\n"
                        + "   8       1 sda1 900 10 18000 450 1900 20 38000 850 0 1400 1300 0 0 0 0\n"
                        + "   7       0 loop0 5 0 10 0 0 0 0 0 0 0 0 0 0 0 0\n"
                        + " 259       0 nvme0n1 300 0 6000 30 400 0 8000 40 0 70 70 0 0 0 0\n")
                .write("sys/block/sda/device/ioerr_cnt", "0x5\n")
                .write("sys/block/nvme0n1/size", "1000\n")
                .write("sys/block/loop0/size", "0\n")
                .write("proc/net/dev", "Inter-|   Receive                                                |  Transmit\n"
                        + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
                        + "    lo: 5000 50 0 0 0 0 0 0 5000 50 0 0 0 0 0 0\n"
                        + "  eth0: 100000 900 7 2 0 0 0 0 200000 800 1 3 0 0 0 0\n")
                .write("proc/sys/kernel/hostname", "node-17.cluster\n");
    }
}
