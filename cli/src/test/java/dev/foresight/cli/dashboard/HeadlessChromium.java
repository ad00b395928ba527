package dev.foresight.cli.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by chromedriver, both from the system (Debian: chromium, chromium-driver;
 * override with FORESIGHT_CHROMIUM / FORESIGHT_CHROMEDRIVER). Tests are skipped when either is missing.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    static ChromeDriver start(Path profileDir) {
        Path browser = Path.of(setting("FORESIGHT_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(setting("FORESIGHT_CHROMEDRIVER", "/usr/bin/chromedriver"));
        assumeTrue(Files.isExecutable(browser), "no Chromium at " + browser + " (Debian: apt-get install chromium); skipping the browser test");
        assumeTrue(Files.isExecutable(driver), "no chromedriver at " + driver + " (Debian: apt-get install chromium-driver); skipping the browser test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
