package org.commonweal.pb.pabulib;

import org.commonweal.pb.Instance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("slow")
class SharedFilesTest {
    @Test
    void everySharedPabulibFileParsesAndSurvivesAWriteAndReadBack() throws Exception {
        List<Path> files = SharedPabulib.all();
        assertThat(files).hasSize(691);
        int parsed = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            Instance original = PabulibReader.read(file);
            assertThat(original.projects()).as(name).isNotEmpty();
            StringWriter written = new StringWriter();
            PabulibWriter.write(original, written);
            Instance again = PabulibReader.read(new StringReader(written.toString()), name);
            InstanceComparison.assertSame(again, original, name);
            parsed++;
        }
        assertThat(parsed).isEqualTo(691);
    }

    @Test
    void largestFilesKeepEveryVoter() throws Exception {
        assertThat(PabulibReader.read(SharedPabulib.file("Poland_Wroclaw_2015_150_-_500.pb")).ballots()).hasSize(131_778);
        assertThat(PabulibReader.read(SharedPabulib.file("Poland_Lodz_2022.pb")).ballots()).hasSize(90_494);
        Instance warszawa = PabulibReader.read(SharedPabulib.file("Poland_Warszawa_2026.pb"));
        assertThat(warszawa.ballots()).hasSize(61_668);
        assertThat(warszawa.projects()).hasSize(Integer.parseInt(warszawa.meta().get("num_projects")));
    }

    @Test
    void decimalCostsBecomeExactScaledIntegers() throws Exception {
        Instance toulouse = PabulibReader.read(SharedPabulib.file("France_Toulouse_2022.pb"));
        assertThat(toulouse.costScale()).isZero();
        Instance bienczyce = PabulibReader.read(SharedPabulib.file("Poland_Krakow_2024_Bienczyce.pb"));
        assertThat(bienczyce.meta()).containsEntry("budget", "1656699.67");
        assertThat(bienczyce.costScale()).isEqualTo(2);
        assertThat(bienczyce.budget()).isEqualTo(165_669_967L);
        assertThat(bienczyce.toCurrency(bienczyce.budget())).isEqualByComparingTo("1656699.67");
    }
}
