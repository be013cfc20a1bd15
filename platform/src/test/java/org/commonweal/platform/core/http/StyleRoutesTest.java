package org.commonweal.platform.core.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StyleRoutesTest {
    @Test
    void theServedGovukStylesheetNeverMentionsTheGdsTransportFont() {
        String css = new StyleRoutes().stylesheet();
        assertThat(css).contains(".govuk-error-summary__list a{").contains(StyleRoutes.FONT_STACK)
                .doesNotContainIgnoringCase("GDS Transport").doesNotContain("@font-face").doesNotContain(".woff");
    }
}
