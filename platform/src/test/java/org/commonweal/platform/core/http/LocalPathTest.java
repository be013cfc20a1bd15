package org.commonweal.platform.core.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/account", "/budgets/3/proposals?q=bike%20lanes&page=2", "/problems/7#comments", "/search?q=a%2Fb",
            "/places/1/agenda?period=month", "/search?q=trees&kind=proposal#top"})
    void aPathOnThisSiteIsKept(String path) {
        assertThat(LocalPath.of(path)).contains(path.replaceFirst("#.*", ""));
    }

    /** Each a way a browser has been made to leave the site, as the decoded query parameter arrives. */
    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "///evil.example", "/\\evil.example", "\\/evil.example", "/\t/evil.example", "/\n/evil.example",
            "/\r\n/evil.example", "/ /evil.example", "/%09/evil.example", "/%0a/evil.example", "/%0D%0ALocation:%20http://evil.example",
            "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example", "/%5c%5cevil.example", "/%00", "/%", "/%2", "/%zz",
            "https://evil.example", "http:/evil.example", "evil.example", "javascript:alert(1)", "/account/../\\evil.example", "/a//b",
            "/\u0000evil", "/\u200Eevil", "/évil", "/\"onmouseover=x", "/<script>", "", "#/evil", "budgets/1", "/a\nLocation: x"})
    void anythingElseIsRefused(String target) {
        assertThat(LocalPath.of(target)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingAndAnOverLongPathAreRefused() {
        assertThat(LocalPath.of(null)).isEmpty();
        assertThat(LocalPath.of("/" + "a".repeat(2000))).isEmpty();
    }
}
