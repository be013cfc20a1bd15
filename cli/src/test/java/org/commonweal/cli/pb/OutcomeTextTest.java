package org.commonweal.cli.pb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTextTest {

    @Test
    void aNameIsQuotedOnceEvenWhenTheCityWroteItInQuotes() {
        assertThat(OutcomeText.quoted("Aleja dębowa", 40)).isEqualTo("\"Aleja dębowa\"");
        assertThat(OutcomeText.quoted("\"Szopka Czyżyńska\"", 40)).isEqualTo("\"Szopka Czyżyńska\"");
        assertThat(OutcomeText.quoted("„Zielony Ursynów”", 40)).isEqualTo("„Zielony Ursynów”");
        assertThat(OutcomeText.quoted("Kino \"Pod Baranami\" w parku", 40)).isEqualTo("\"Kino \"Pod Baranami\" w parku\"");
        assertThat(OutcomeText.quoted("A very long name of a project that goes on", 10)).isEqualTo("\"A very lo…\"");
    }
}
