package dev.foresight.producers.dataset.bluegene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages from the shared logs, one or more per category. */
class RasCategoriesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            KERNEL   | Lustre mount FAILED : bglio11 : block_id : location                 | fs-mount
            KERNEL   | Error: unable to mount filesystem                                   | fs-mount
            KERNEL   | rts: kernel terminated for reason 1004rts: bad message header: invalid cpu, type=42315, cpu=2, index=1016045908, total=1 | kernel-panic
            KERNEL   | rts panic! - stopping execution                                     | kernel-panic
            KERNEL   | rts internal error                                                  | kernel-panic
            KERNEL   | machine check interrupt (bit=0x06): L3 major internal error         | memory
            MMCS     | L3 major internal error                                             | memory
            KERNEL   | i-cache parity error..............0                                 | memory
            KERNEL   | no ethernet link                                                    | network
            KERNEL   | external input interrupt (unit=0x02 bit=0x00): torus sender z+ retransmission error was corrected | network
            APP      | external input interrupt (unit=0x02 bit=0x0c): uncorrectable torus error | network
            KERNEL   | Power deactivated: R05-M0-N4                                        | power
            MONITOR  | power module status fault detected on node card. status registers are: 0/8/0/0 | power
            MONITOR  | While inserting monitor info into DB caught java.lang.NullPointerException | monitor
            LINKCARD | MidplaneSwitchController::parityAlignment() pap failed: R33-M1-L0-U22-C, status=eeeeeeee ffffffff | link-card
            BGLMASTER | mmcs_server exited abnormally due to signal: Aborted               | control-system
            KERNEL   | Microloader Assertion                                               | boot
            KERNEL   | MailboxMonitor::serviceMailboxes() lib_ido_error: -1033 BGLERR_IDO_PKT_TIMEOUT connection lost to node/link/service card | service-network
            KERNEL   | Kill job 21226 timed out. Block freed.                              | job-kill
            APP      | ciod: Error loading /p/gb2/stella/RAPTOR/65641/raptor: invalid or missing program image, No such file or directory | app-load
            APP      | ciod: LOGIN chdir(/home/auselton/testing) failed: No such file or directory | app-load
            APP      | ciod: Error reading message prefix after LOAD_MESSAGE on CioStream socket to 172.16.96.116:44392 | app-io-stream
            KERNEL   | data storage interrupt                                              | kernel-interrupt
            KERNEL   | program interrupt: illegal instruction......0                       | kernel-interrupt
            KERNEL   | exception syndrome register: 0x00800000                             | kernel-register-dump
            KERNEL   | lr:00004ed0 cr:28244842 xer:20000002 ctr:00086000                   | kernel-register-dump
            KERNEL   | 0:000008ce 1:00086000 2:1eeeeeee 3:1feaa770                         | kernel-register-dump
            APP      | DCR 0x2DC : 0x00000000                                              | app-other
            """)
    void messagesFallIntoTheirCategory(String component, String message, String category) {
        assertThat(RasCategories.of(component.strip(), message.strip())).isEqualTo(category);
    }

    @Test
    void aCategoryIsCountedUnderAMetricWithoutDashes() {
        assertThat(RasCategories.metric("kernel-register-dump")).isEqualTo("ras_kernel_register_dump");
    }
}
