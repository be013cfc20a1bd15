package org.commonweal.platform.browser;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe-core accessibility engine, run inside the page against WCAG 2.0 and 2.1 levels A and AA
 * plus axe's best practices. The script comes from npm (./commonweal test installs it into .cache/npm).
 */
final class AxeCore {
    /** What one failed axe rule reports: its id, impact (minor, moderate, serious, critical), help text and the offending elements. */
    record Violation(String id, String impact, String help, List<String> targets) {
        boolean blocksUse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return id + " [" + impact + "] " + help + " at " + String.join(" | ", targets);
        }
    }

    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
                  resultTypes: ['violations']});
              return result.violations.map(v => ({id: v.id, impact: v.impact || 'unknown', help: v.help,
                  targets: v.nodes.map(n => n.target.join(' '))}));
            }""";

    private final String script;

    private AxeCore(String script) {
        this.script = script;
    }

    static AxeCore load() {
        Path path = scriptPath();
        try {
            return new AxeCore(Files.readString(path));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read axe-core at " + path + ": " + e.getMessage(), e);
        }
    }

    /** Injects axe into the page as it stands now and returns every violation. The page's CSP must allow the injected script. */
    List<Violation> violations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.evaluate(RUN);
        return raw.stream().map(v -> {
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) v.get("targets");
            return new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), targets);
        }).toList();
    }

    /** AXE_CORE_JS (set by ./commonweal test), else {@code <repoRoot>/.cache/npm/node_modules/axe-core/axe.min.js}; missing fails, never skips. */
    static Path scriptPath() {
        String configured = System.getenv("AXE_CORE_JS");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : repositoryRoot().resolve(".cache/npm/node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("axe-core not found at " + path
                    + " (accessibility tests need it): run ./commonweal test, which installs it, or set AXE_CORE_JS.");
        }
        return path;
    }

    /** The first ancestor of the working directory that holds the launcher script {@code commonweal}. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("commonweal"))) return p;
        }
        throw new IllegalStateException("cannot find the repository root (a directory holding ./commonweal) above " + Path.of("").toAbsolutePath());
    }
}
