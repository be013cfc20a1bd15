package org.commonweal.elections.stv;

import org.commonweal.elections.blt.BltReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Scottish count reproduces the official outcome of every Glasgow 2007 ward. */
class GlasgowConformanceTest {
    private static Map<String, GlasgowExpected> expected;

    @BeforeAll
    static void load() throws Exception {
        expected = GlasgowExpected.load(SharedData.glasgow());
    }

    static Stream<String> wards() throws Exception {
        return GlasgowExpected.load(SharedData.glasgow()).keySet().stream();
    }

    @Test
    void allTwentyOneWardsAreListed() {
        assertThat(expected).hasSize(21);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wards")
    void scottishCountElectsTheOfficialCandidatesInOrderWithTheOfficialQuota(String ward) throws Exception {
        GlasgowExpected want = expected.get(ward);
        Path file = SharedData.glasgow().resolve(ward);
        Election election = Election.fromBlt(BltReader.read(file));

        CountReport report = new ScottishStv().count(election, 1);

        assertThat(report.papers()).isEqualTo(want.ballots());
        assertThat(report.seats()).isEqualTo(want.seats());
        assertThat(report.format(report.quota())).isEqualTo(want.quota());
        assertThat(report.electedNames()).containsExactlyElementsOf(want.electedInOrder());
        assertThat(report.ties()).noneMatch(TieBreak::byLot);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wards")
    void everyRuleFillsTheSeatsAndAccountsForEveryVoteAtEveryStage(String ward) throws Exception {
        Election election = Election.fromBlt(BltReader.read(SharedData.glasgow().resolve(ward)));
        for (CountingRule rule : java.util.List.of(new ScottishStv(), new WeightedInclusiveGregory(), new MeekStv())) {
            CountReport report = rule.count(election, 1);
            assertThat(report.elected()).as(rule.name()).hasSize(election.seats());
            for (Stage s : report.stages()) assertThat(s.accountedFor()).as(rule.name() + " stage " + s.number()).isEqualTo(report.poll());
        }
        CountReport irv = new InstantRunoff().count(new Election(election.title(), election.candidates(), 1, election.ballots()), 1);
        assertThat(irv.elected()).hasSize(1);
    }
}
