package dev.foresight.producers.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostTelemetryCollectorTest {

    @TempDir
    Path root;

    @Test
    void cpuUtilisationIsTheBusyShareOfTheJiffiesBetweenTwoReadings() {
        ProcFixture host = ProcFixture.fullHost(root);
        HostTelemetryCollector collector = new HostTelemetryCollector(new ProcReader(root));

        assertThat(collector.sample()).doesNotContainKey("cpu_util_pct"); // one reading is no rate
        host.cpu(160, 70, 900, 70); // +60 user +20 system +100 idle +20 iowait = 200 jiffies, 80 busy
        Map<String, Double> metrics = collector.sample();

        assertThat(metrics.get("cpu_util_pct")).isCloseTo(40.0, within(1e-9));
        assertThat(metrics.get("cpu_iowait_pct")).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void loadMemoryTemperaturesFansAndMemoryErrorsAreRead() {
        ProcFixture.fullHost(root);

        Map<String, Double> m = new HostTelemetryCollector(new ProcReader(root)).sample();

        assertThat(m).contains(entry("load_1m", 0.5), entry("load_5m", 0.4), entry("load_15m", 0.3));
        assertThat(m).contains(entry("mem_total_bytes", 16_000_000 * 1024.0), entry("mem_available_bytes", 12_000_000 * 1024.0),
                entry("swap_used_bytes", 500_000 * 1024.0));
        assertThat(m.get("mem_used_pct")).isCloseTo(25.0, within(1e-9));
        // two chips named coretemp: the hwmon number keeps them apart
        assertThat(m).contains(entry("temp_coretemp_hwmon0_package_id_0_c", 45.0), entry("temp_coretemp_hwmon0_temp2_c", 43.5),
                entry("temp_coretemp_hwmon2_temp1_c", 50.0), entry("temp_nct6775_temp1_c", 38.0), entry("fan_nct6775_fan1_rpm", 1200.0));
        assertThat(m).contains(entry("edac_ce_total", 5.0), entry("edac_ue_total", 1.0));
    }

    @Test
    void disksAreWholeDisksOnlyWithTheirErrorCountAndNetworksSkipLoopback() {
        ProcFixture.fullHost(root);

        Map<String, Double> m = new HostTelemetryCollector(new ProcReader(root)).sample();

        assertThat(m).contains(entry("disk_sda_reads_total", 1000.0), entry("disk_sda_read_bytes_total", 20000 * 512.0),
                entry("disk_sda_writes_total", 2000.0), entry("disk_sda_write_bytes_total", 40000 * 512.0),
                entry("disk_sda_io_ms_total", 1500.0), entry("disk_sda_io_errors_total", 5.0), entry("disk_nvme0n1_reads_total", 300.0));
        assertThat(m.keySet()).noneMatch(k -> k.startsWith("disk_sda1_") || k.startsWith("disk_loop0_"));
        assertThat(m).doesNotContainKey("disk_nvme0n1_io_errors_total");
        assertThat(m).contains(entry("net_eth0_rx_errors_total", 7.0), entry("net_eth0_rx_drop_total", 2.0),
                entry("net_eth0_tx_errors_total", 1.0), entry("net_eth0_tx_drop_total", 3.0), entry("net_eth0_rx_bytes_total", 100000.0),
                entry("net_eth0_tx_bytes_total", 200000.0));
        assertThat(m.keySet()).noneMatch(k -> k.startsWith("net_lo_"));
    }

    @Test
    void aHostWithoutSensorsOrEdacSimplyLacksThoseMetrics() {
        new ProcFixture(root).cpu(1, 1, 1, 1).write("proc/loadavg", "1.00 1.00 1.00 1/1 1\n").write("proc/meminfo", "garbage\n");

        Map<String, Double> m = new HostTelemetryCollector(new ProcReader(root)).sample();

        assertThat(m).containsOnlyKeys("load_1m", "load_5m", "load_15m");
    }

    @Test
    void aSensorFileThatIsNotANumberIsLeftOut() {
        ProcFixture.fullHost(root).write("sys/class/hwmon/hwmon1/fan1_input", "N/A\n");

        assertThat(new HostTelemetryCollector(new ProcReader(root)).sample()).doesNotContainKey("fan_nct6775_fan1_rpm")
                .containsKey("temp_nct6775_temp1_c");
    }

    /** Smoke test on the machine running the tests: a Linux host always has load averages and memory. */
    @Test
    void theRealProcOfThisMachineReads() {
        HostTelemetryCollector collector = new HostTelemetryCollector(ProcReader.host());
        collector.sample();

        Map<String, Double> m = collector.sample();

        assertThat(m).containsKeys("load_1m", "mem_total_bytes", "mem_available_bytes");
        assertThat(m.get("mem_total_bytes")).isPositive();
        assertThat(m.getOrDefault("cpu_util_pct", 0.0)).isBetween(0.0, 100.0);
        assertThat(m.values()).allSatisfy(v -> assertThat(v).isFinite());
    }
}
