package io.confab.bootstrap.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium driven by its chromedriver (Debian: {@code apt-get install chromium
 * chromium-driver}). Both are found on fixed paths or via {@code CHROME_BIN} / {@code CHROMEDRIVER},
 * so Selenium never downloads a browser. Without a Chromium the browser tests are skipped.
 */
final class Chromium {

    private static final Optional<Path> BROWSER = firstExecutable(
            System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final Optional<Path> DRIVER = firstExecutable(
            System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test, with the reason, when this machine has no Chromium. */
    static void assumeInstalled() {
        assumeTrue(BROWSER.isPresent(), "Browser tests skipped: no Chromium found (apt-get install -y chromium "
                + "chromium-driver, or set CHROME_BIN and CHROMEDRIVER)");
    }

    /** A fresh headless browser with its own profile under {@code profiles} and a {@code width}×{@code height} viewport. */
    static ChromeDriver start(Path profiles, int width, int height) {
        assumeInstalled();
        Path driver = DRIVER.orElseThrow(() -> new IllegalStateException(
                "Chromium is installed but chromedriver is not: apt-get install -y chromium-driver (or set CHROMEDRIVER)"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + newProfile(profiles), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        // a window cannot be narrower than ~500 px: emulate the exact viewport (a 360 px phone too)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        return browser;
    }

    private static Path newProfile(Path profiles) {
        try {
            return Files.createTempDirectory(Files.createDirectories(profiles), "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return Stream.of(candidates)
                .filter(candidate -> candidate != null && !candidate.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
