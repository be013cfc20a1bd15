package org.commonweal.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Playwright driver and one headless Chromium for the whole test JVM: starting them costs seconds, so
 * every browser test class shares them and keeps its own browser contexts (cookies, settings) apart.
 * The browser is the system's Chromium; Playwright never downloads one.
 */
final class HeadlessChromium {
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static Browser shared;

    private HeadlessChromium() {
    }

    /** The shared browser, launched on first use and closed when the JVM exits. */
    static synchronized Browser browser() {
        if (shared == null) {
            Path chromium = executable();
            Playwright playwright = Playwright.create();
            try {
                shared = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium).setHeadless(true).setArgs(ARGS));
            } catch (RuntimeException e) {
                playwright.close();
                throw new IllegalStateException("Playwright could not start Chromium at " + chromium + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return shared;
    }

    /** CHROMIUM_PATH (set by ./commonweal test), else Debian's /usr/bin/chromium; a missing browser fails the test, never skips it. */
    static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Chromium not found at " + path
                    + " (browser tests need it): run ./commonweal test, which installs it, or set CHROMIUM_PATH.");
        }
        return path;
    }
}
