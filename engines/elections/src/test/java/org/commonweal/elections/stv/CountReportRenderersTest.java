package org.commonweal.elections.stv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.elections.stv.Elections.ballot;

class CountReportRenderersTest {
    private final CountReport report = new ScottishStv().count(Elections.of(1, List.of("<b>A&amp;</b>", "\"Quote\" 'n' \\back\\", "C"),
            ballot(3, "<b>A&amp;</b>"), ballot(3, "\"Quote\" 'n' \\back\\"), ballot(1, "C")), 7);

    @Test
    void htmlEscapesEveryNameAndDescription() {
        String html = CountReportHtml.render(report);

        assertThat(html).doesNotContain("<b>").doesNotContain("A&amp;</b>");
        assertThat(html).contains("&lt;b&gt;A&amp;amp;&lt;/b&gt;").contains("&quot;Quote&quot; &#39;n&#39;");
        assertThat(html).contains("<table>").contains("Stage 1<br>first preferences");
        assertThat(html).contains("by lot (seed 7)");
    }

    @Test
    void jsonCarriesTheContractFieldsWithEscapedStrings() {
        String json = CountReportJson.render(report);

        assertThat(json).startsWith("{\"rule\":\"scottish\"");
        assertThat(json).contains("\"quota\":\"4.00000\"");
        assertThat(json).contains("\"\\\"Quote\\\" 'n' \\\\back\\\\\"");
        assertThat(json).contains("\"stages\":[{\"stage\":1,\"action\":\"first preferences\",\"candidate\":null");
        assertThat(json).contains("\"elected\":[\"" + report.electedNames().getFirst().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
        assertThat(json).contains("\"byLot\":true");
    }

    @Test
    void jsonStringsEscapeControlCharacters() {
        assertThat(CountReportJson.string("a\nb\u0001\t")).isEqualTo("\"a\\nb\\u0001\\t\"");
    }

    @Test
    void textShowsQuotaElectedAndEveryStage() {
        String text = CountReportText.render(report);

        assertThat(text).contains("Quota: 4.00000").contains("Stage 1: first preferences").contains("Stage 2: exclusion of C");
        assertThat(text).contains("Elected in order: " + report.electedNames().getFirst());
    }
}
