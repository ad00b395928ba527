package dev.foresight.cli.dashboard;

import static dev.foresight.cli.dashboard.Fixtures.completed;
import static dev.foresight.cli.dashboard.Fixtures.event;
import static dev.foresight.cli.dashboard.Fixtures.migrate;
import static dev.foresight.cli.dashboard.Fixtures.model;
import static dev.foresight.cli.dashboard.Fixtures.node;
import static dev.foresight.cli.dashboard.Fixtures.prediction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.PowerState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real headless Chromium: it shows the cluster grid coloured by risk and power, the
 * alarms, commands and failures, the predictor's counts and the energy figures, and follows the state as it
 * changes; a screenshot of it is not blank.
 */
class DashboardBrowserTest {

    private static final int NODES = 8;

    @TempDir
    Path profile;

    private DashboardState state;
    private DashboardServer server;
    private ChromeDriver browser;

    @BeforeEach
    void serveAPopulatedDashboard() {
        state = new DashboardState("demo");
        state.startRun("proactive", "tiny");
        for (int i = 0; i < NODES; i++) {
            String id = String.format("node-%03d", i);
            PowerState power = i == 3 ? PowerState.OFF : PowerState.ON;
            Health health = i == 5 ? Health.FAILED : Health.HEALTHY;
            state.node(node(id, i < NODES / 2 ? "rack-0" : "rack-1", power, health, 4 * i, 41));
            if (i != 3 && i != 5) {
                state.prediction(prediction(id, 41, i == 1 ? 0.92 : 0.02 * i, i == 1));
            }
        }
        state.model(model(2));
        state.command(migrate("vm-7", "node-006", 41));
        state.commandResult(completed("vm-7", 42));
        state.nodeEvent(event("node-005", NodeEventType.FAILED, 40));
        state.accounting(new AccountingSnapshot(42, 90_000, 80_000, 10_000, 2_000, 500, 300, 12.5, 3_400, 0, 1, 1, 2, 10, 5, 1,
                3, 0, 2, 1, 4, 96, 7, 0));
        state.runFinished("periodic", Map.of("usefulCoreHours", 20.0, "lostCoreHours", 4.0, "energyKwh", 13.0, "failures", 1.0));
        server = DashboardServer.start(state, "127.0.0.1", 0, "--dashboard-port");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void thePageShowsTheRunAndFollowsItLive() throws Exception {
        browser = HeadlessChromium.start(profile);
        // the page redraws when the state changes: an element found just before may be replaced
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(server.uri().toString());

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#grid .node"), NODES));
        assertThat(browser.findElement(By.id("run")).getText()).isEqualTo("demo: proactive on tiny");
        assertThat(browser.findElement(By.id("tick")).getText()).isEqualTo("tick 42");
        assertThat(browser.findElements(By.cssSelector("#grid .rack"))).hasSize(2);
        WebElement alarmed = cell("node-001");
        assertThat(alarmed.getAttribute("class")).contains("alarm");
        assertThat(alarmed.getAttribute("data-risk")).isEqualTo("0.92");
        int[] red = rgb(alarmed.getCssValue("background-color"));
        assertThat(red[0]).as("high risk is red: %s", List.of(red[0], red[1], red[2])).isGreaterThan(red[1] + 100);
        int[] green = rgb(cell("node-000").getCssValue("background-color"));
        assertThat(green[1]).as("low risk is green: %s", List.of(green[0], green[1], green[2])).isGreaterThan(green[0] + 100);
        assertThat(cell("node-003").getAttribute("class")).contains("off");
        assertThat(cell("node-005").getAttribute("class")).contains("failed");
        assertThat(cell("node-003").getAttribute("data-risk")).isEmpty();

        assertThat(value("model")).isEqualTo("v2 (random-forest, threshold 0.42)");
        assertThat(value("modelProvenance")).isEqualTo("replaces: v1; seed: 42; source: online trainer");
        assertThat(value("predictions")).isEqualTo("6");
        assertThat(value("alarmEpisodes")).isEqualTo("1");
        assertThat(value("failures")).isEqualTo("1");
        assertThat(value("energyKwh")).isEqualTo("12.5 kWh");
        assertThat(value("lostCoreHours")).isEqualTo("2.8 core-h");
        assertThat(value("poweredOnNodes")).isEqualTo("7 / 8");
        List<String> events = browser.findElements(By.cssSelector("#events li")).stream().map(WebElement::getText).toList();
        assertThat(events).anySatisfy(e -> assertThat(e).contains("ALARM", "node-001", "failure predicted (p=0.92, model v2)"));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("COMMAND", "vm-7", "MIGRATE -> node-006"));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("RESULT", "MIGRATE COMPLETED"));
        assertThat(events).anySatisfy(e -> assertThat(e).contains("FAILURE", "node-005"));
        assertThat(browser.findElement(By.cssSelector("#runs tr[data-run='periodic']")).getText()).contains("periodic", "20.0", "4.0");
        assertThat(browser.findElement(By.id("accounting-note")).isDisplayed()).as("the demo has the simulator's figures").isFalse();

        // the page polls: a new alarm appears without a reload
        state.prediction(prediction("node-002", 43, 0.81, true));
        wait.until(d -> cell("node-002").getAttribute("class").contains("alarm"));
        wait.until(d -> value("alarmEpisodes").equals("2"));

        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "dashboard-screenshot.png"), png);
        assertThat(distinctColours(png)).as("a rendered dashboard, not a blank page").isGreaterThan(30);
    }

    @Test
    void aClusterDashboardSaysWhichFiguresOnlyTheSimulatorHas() {
        DashboardState cluster = new DashboardState("cluster");
        cluster.startRun("foresight.*", "");
        cluster.node(node("node-000", "rack-0", PowerState.ON, Health.HEALTHY, 8, 7));
        try (DashboardServer clusterServer = DashboardServer.start(cluster, "127.0.0.1", 0, "--dashboard-port")) {
            browser = HeadlessChromium.start(profile);
            browser.get(clusterServer.uri().toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#grid .node"), 1));
            assertThat(browser.findElement(By.id("run")).getText()).isEqualTo("cluster: foresight.*");
            assertThat(value("energyKwh")).isEqualTo("\u2014");
            assertThat(value("busyCores")).isEqualTo("8 / 32");
            assertThat(browser.findElement(By.id("accounting-note")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("runs-panel")).isDisplayed()).as("no finished runs to list").isFalse();
        }
    }

    @Test
    void theServerAnswersOnlyReads() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI api = server.uri().resolve("api/state");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(get.body()).contains("\"run\":\"proactive\"", "\"node-001\"");
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> write = http.send(HttpRequest.newBuilder(api).method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as(method).isEqualTo(405);
        }
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    private WebElement cell(String id) {
        return browser.findElement(By.cssSelector("#grid .node[data-node='" + id + "']"));
    }

    private String value(String key) {
        return browser.findElement(By.cssSelector("dd[data-key='" + key + "']")).getText();
    }

    /** Red, green and blue of a CSS colour as the browser reports it, {@code rgb(r, g, b)} or {@code rgba(r, g, b, a)}. */
    private static int[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9,.]", "").split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private static int distinctColours(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }
}
