package org.commonweal.elections.blt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.elections.stv.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BltRoundTripTest {
    @Test
    void everyGlasgowWardSurvivesWriteAndReadUnchanged() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedData.glasgow())) {
            files = s.filter(p -> p.toString().endsWith(".blt")).sorted().toList();
        }
        assertThat(files).hasSize(21);
        for (Path f : files) {
            BltElection e = BltReader.read(f);
            String written = BltWriter.write(e);
            assertThat(BltReader.read(f.getFileName().toString(), written)).as(f.toString()).isEqualTo(e);
            assertThat(BltWriter.write(BltReader.read("again", written))).isEqualTo(written);
        }
    }

    @Property(tries = 200)
    void anyElectionSurvivesWriteAndReadUnchanged(@ForAll("elections") BltElection e) throws Exception {
        assertThat(BltReader.read("p.blt", BltWriter.write(e))).isEqualTo(e);
    }

    @Provide
    Arbitrary<BltElection> elections() {
        Arbitrary<String> names = Arbitraries.strings().withChars("ab \"\\#=-0'<>é").ofMaxLength(12);
        return Arbitraries.integers().between(1, 8).flatMap(n -> {
            Arbitrary<int[]> ranking = Arbitraries.integers().between(1, n).list().uniqueElements().ofMaxSize(n)
                    .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
            Arbitrary<BltBallot> ballot = Combinators.combine(Arbitraries.longs().between(1, 1_000_000), ranking).as(BltBallot::new);
            return Combinators.combine(
                    names.list().ofSize(n),
                    Arbitraries.integers().between(1, n),
                    Arbitraries.integers().between(1, n).set().ofMaxSize(n - 1),
                    ballot.list().ofMaxSize(20),
                    names).as((cands, seats, withdrawn, ballots, title) -> new BltElection(cands, seats, new HashSet<>(withdrawn), ballots, title));
        });
    }
}
