package org.commonweal.platform.testing;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Follows, breadth first from the home page, every same-site address a client's pages link to
 * ({@code <a href>}, and the stylesheets, scripts and images they load) and records what each answered.
 * Only GETs are sent: signing out and every other change is a POST form, never a link. Redirects to the
 * same site are followed. To keep the crawl short but wide, at most {@code perPattern} addresses of one
 * route pattern are visited (numbers and long tokens in the path, and the values of the query, stand for
 * any) and at most {@code maxPages} in all.
 */
public final class SiteCrawler {
    private static final Pattern REFERENCE = Pattern.compile("<(?:a|link|script|img)\\b[^>]*?\\s(?:href|src)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\w+)?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,}(\\.\\w+)?");

    /** One address fetched: where it was linked from, what it answered, and the route pattern it counts under. */
    public record Visit(String path, String linkedFrom, int status, String contentType, String pattern) {
        public boolean isHtmlPage() {
            return status == 200 && contentType.startsWith("text/html");
        }

        @Override
        public String toString() {
            return status + " " + path + " (linked from " + linkedFrom + ")";
        }
    }

    private SiteCrawler() {
    }

    public static List<Visit> crawl(TestClient client, int maxPages, int perPattern) {
        List<Visit> visits = new ArrayList<>();
        Deque<String[]> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> perPatternQueued = new HashMap<>();
        queue.add(new String[]{"/", "(start)"});
        seen.add("/");
        while (!queue.isEmpty() && visits.size() < maxPages) {
            String[] next = queue.poll();
            String path = next[0];
            TestClient.Response r = client.get(path);
            String type = r.header("Content-Type") == null ? "" : r.header("Content-Type");
            visits.add(new Visit(path, next[1], r.status(), type, pattern(path)));
            List<String> found = new ArrayList<>();
            if (r.status() / 100 == 3 && r.location() != null) found.add(r.location());
            if (r.status() == 200 && type.startsWith("text/html")) {
                Matcher m = REFERENCE.matcher(r.body());
                while (m.find()) found.add(unescape(m.group(1)));
            }
            for (String reference : found) {
                String target = sameSitePath(path, reference);
                if (target == null || !seen.add(target)) continue;
                if (perPatternQueued.merge(pattern(target), 1, Integer::sum) > perPattern) continue;
                queue.add(new String[]{target, path});
            }
        }
        return visits;
    }

    /** The path and query of a reference made on page {@code from}, without its fragment, or null when it leaves the site. */
    static String sameSitePath(String from, String reference) {
        if (reference.isEmpty() || reference.startsWith("#")) return null;
        URI uri;
        try {
            uri = URI.create("http://site.test" + from).resolve(reference.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return reference; // fetched as written, so a malformed link shows up as the error it is
        }
        if (!"http".equals(uri.getScheme()) || !"site.test".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) return null;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** A route pattern: {@code /budgets/3/pots/7?page=2} is {@code /budgets/{n}/pots/{n}?page}. */
    public static String pattern(String path) {
        int q = path.indexOf('?');
        String route = Arrays.stream((q < 0 ? path : path.substring(0, q)).split("/", -1)).map(segment -> {
            Matcher number = NUMBER.matcher(segment);
            if (number.matches()) return "{n}" + (number.group(1) == null ? "" : number.group(1));
            Matcher token = TOKEN.matcher(segment);
            if (token.matches()) return "{token}" + (token.group(1) == null ? "" : token.group(1));
            return segment;
        }).collect(Collectors.joining("/"));
        if (q < 0) return route;
        return route + "?" + Arrays.stream(path.substring(q + 1).split("&")).map(p -> p.split("=", 2)[0]).sorted().distinct().collect(Collectors.joining("&"));
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
