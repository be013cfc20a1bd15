package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.commonweal.pb.Instance;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared pabulib file: Equal Shares with add1 jumping over increments decides as stepping through each one. */
@Tag("slow")
class IncrementJumpsCorpusTest {

    static Stream<Path> files() {
        return SharedPabulib.all().stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void add1JumpsDecideAsStepping(Path file) throws IOException {
        Instance instance = PabulibReader.read(file);
        EqualShares.Decision stepped = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT, false);
        EqualShares.Decision jumped = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT, true);
        assertThat(jumped.outcome()).isEqualTo(stepped.outcome());
        assertThat(jumped.increments()).isEqualTo(stepped.increments());
        assertThat(jumped.finalPerVoterBudget()).isEqualTo(stepped.finalPerVoterBudget());
    }
}
