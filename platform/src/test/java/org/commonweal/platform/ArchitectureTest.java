package org.commonweal.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows point one way: core imports no feature, and no group of packages imports itself round in a circle (read
 * from the sources: imports and fully qualified names).
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/commonweal/platform");
    private static final Pattern REFERENCE = Pattern.compile("org\\.commonweal\\.platform\\.((?:[a-z]+\\.)*[a-z]+)\\.[A-Z]");

    /** Package (relative to org.commonweal.platform, "" for the root) → the platform packages it refers to. */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> out = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) if (!m.group(1).equals(pkg)) out.add(m.group(1));
            }
        }
        return graph;
    }

    @Test
    void coreImportsNoFeature() throws IOException {
        List<String> wrong = new ArrayList<>();
        graph().forEach((pkg, deps) -> {
            if (!pkg.startsWith("core")) return;
            for (String d : deps) if (!d.startsWith("core")) wrong.add(pkg + " -> " + d);
        });
        assertThat(wrong).as("core packages referring to a feature").isEmpty();
    }

    @Test
    void noPackagesReferToEachOtherInACircle() throws IOException {
        Map<String, Set<String>> graph = graph();
        List<List<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertThat(cycles).as("packages that reach each other").isEmpty();
    }

    /** Tarjan's strongly connected components. */
    private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) if (!index.containsKey(v)) visit(v, graph, index, low, stack, onStack, out, counter);
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                              Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
