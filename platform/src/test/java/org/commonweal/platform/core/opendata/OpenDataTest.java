package org.commonweal.platform.core.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-data files: listed on one page, valid CSV (quoted, formula-safe) and JSON with the same rows. */
class OpenDataTest extends PlatformTestCase {
    @Test
    void csvCellsAreQuotedAndFormulaSafe() {
        assertThat(CsvCell.of("plain")).isEqualTo("plain");
        assertThat(CsvCell.of("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCell.of("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvCell.of("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCell.of("-5")).isEqualTo("'-5");
        assertThat(CsvCell.of(-5L)).isEqualTo("-5");
        assertThat(CsvCell.of(null)).isEmpty();
    }

    @Test
    void everyRegisteredDatasetIsListedAndServedInBothFormats() throws Exception {
        String index = app.client().get("/open-data").body();
        assertThat(app.platform.openData.all()).isNotEmpty();
        for (OpenDataset d : app.platform.openData.all()) {
            assertThat(index).contains("/open-data/" + d.name() + ".csv").contains("/open-data/" + d.name() + ".json");
            var csv = app.client().get("/open-data/" + d.name() + ".csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", d.columns()));
            JsonNode json = new ObjectMapper().readTree(app.client().get("/open-data/" + d.name() + ".json").body());
            assertThat(json.isArray()).isTrue();
            json.forEach(row -> assertThat(row.size()).isEqualTo(d.columns().size()));
        }
    }

    @Test
    void unknownDatasetsAndFormatsAreNotFound() {
        assertThat(app.client().get("/open-data/nothing.csv").status()).isEqualTo(404);
        assertThat(app.client().get("/open-data/budget-proposals.xlsx").status()).isEqualTo(404);
        assertThat(app.client().get("/open-data/budget-proposals").status()).isEqualTo(404);
    }
}
