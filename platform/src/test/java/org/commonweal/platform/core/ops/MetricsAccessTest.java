package org.commonweal.platform.core.ops;

import org.commonweal.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /metrics is read with METRICS_TOKEN as a bearer token, or on MANAGEMENT_PORT, and by nobody else. */
class MetricsAccessTest {
    private static final String TOKEN = "scrape-me-7b1f0c";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withATokenSetOnlyScrapesPresentingItReadTheMetrics() throws Exception {
        try (TestApp app = TestApp.start(Map.of("METRICS_TOKEN", TOKEN))) {
            app.client().get("/places");
            String url = app.url("/metrics");
            assertThat(get(url, null).statusCode()).isEqualTo(401);
            assertThat(get(url, "Bearer wrong-token").statusCode()).isEqualTo(401);
            assertThat(get(url, "Basic " + TOKEN).statusCode()).isEqualTo(401);
            HttpResponse<String> refused = get(url, "Bearer " + TOKEN + "x");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"metrics\"");
            assertThat(refused.body()).doesNotContain("jvm_memory_used_bytes");
            HttpResponse<String> allowed = get(url, "Bearer " + TOKEN);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/places\",status=\"200\"}")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void withAManagementPortTheMetricsAreThereAndNotOnThePublicPort() throws Exception {
        try (TestApp app = TestApp.start(Map.of("MANAGEMENT_PORT", "0", "METRICS_TOKEN", TOKEN))) {
            app.client().get("/places");
            assertThat(get(app.url("/metrics"), "Bearer " + TOKEN).statusCode()).as("public port").isEqualTo(404);
            String management = "http://localhost:" + app.platform.managementPort().orElseThrow();
            assertThat(get(management + "/metrics", null).statusCode()).as("the token is still required").isEqualTo(401);
            assertThat(get(management + "/places", "Bearer " + TOKEN).statusCode()).as("only /metrics is served there").isEqualTo(404);
            HttpResponse<String> allowed = get(management + "/metrics", "Bearer " + TOKEN);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("route=\"/places\"");
        }
    }

    @Test
    void aManagementPortWithoutATokenServesAnyoneWhoCanReachIt() throws Exception {
        try (TestApp app = TestApp.start(Map.of("MANAGEMENT_PORT", "0"))) {
            assertThat(get(app.url("/metrics"), null).statusCode()).isEqualTo(404);
            HttpResponse<String> r = get("http://localhost:" + app.platform.managementPort().orElseThrow() + "/metrics", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("jvm_memory_used_bytes");
        }
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
