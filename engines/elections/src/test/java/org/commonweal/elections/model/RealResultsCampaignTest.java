package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.PartyNames;
import org.commonweal.elections.fptp.UkElectionData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The modeller's additions on the House of Commons Library files for 2019 and 2024 and the shared hex map. */
class RealResultsCampaignTest {
    private static final Lot LOT = new Lot(2024);
    private static final List<ConstituencyResult> GE2024 = UkElectionData.read("HoC-GE2024-results-by-constituency.csv");
    private static final List<ConstituencyResult> GE2019 = UkElectionData.read("HoC-GE2019-results-by-constituency.csv");

    private static Scenario polls(Poll... polls) {
        return new Scenario(null, null, null, null, null, null, null, List.of(polls), null, null, null, null, null);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aUniformSwingOfNothingReproducesThe2024Result() {
        ScenarioResult r = new AllianceModel(GE2024, new Scenario(null, List.of(new Swing("Lab", null, SwingKind.UNIFORM, BigDecimal.ZERO, null)),
                null, null, null, null, null), LOT).central();
        assertThat(r.changes()).isEmpty();
        assertThat(r.seatsAfter()).isEqualTo(r.seatsBefore()).contains(entry("Lab", 411), entry("Con", 121), entry("LD", 72), entry("SNP", 9));
        assertThat(r.votesAfter()).isEqualTo(r.votesBefore());
    }

    @Test
    void aNationalPollIsReachedByEitherSwingAndTheSharesAddUpToAHundred() {
        long all = GE2024.stream().mapToLong(ConstituencyResult::validVotes).sum();
        for (SwingKind kind : SwingKind.values()) {
            ScenarioResult r = new AllianceModel(GE2024, polls(new Poll(null, kind, Map.of("Lab", d("30"), "Con", d("25"), "RUK", d("20")))), LOT).central();
            long after = r.votesAfter().values().stream().mapToLong(Long::longValue).sum();
            assertThat(after).as(kind + ": total").isCloseTo(all, org.assertj.core.data.Offset.offset(all / 1000));
            assertThat(100.0 * r.votesAfter().get("Lab") / after).as(kind + ": Labour").isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.1));
            assertThat(100.0 * r.votesAfter().get("RUK") / after).as(kind + ": Reform").isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.1));
            assertThat(r.seatsAfter().get("Lab")).as(kind.jsonName()).isLessThan(411);
        }
        // Shares over 100 are scaled down to 100 in all.
        ScenarioResult over = new AllianceModel(GE2024, polls(new Poll(null, SwingKind.PROPORTIONAL, Map.of("Lab", d("60"), "Con", d("60")))), LOT).central();
        assertThat(over.votesAfter().keySet()).containsOnly("Lab", "Con");
    }

    @Test
    void proportionalComparisonsCountTheVotesBeforeTheReformStandDown() {
        Scenario pact = new Scenario(List.of("Con", "RUK"), null, List.of(new StandDown("RUK", StandDownRule.ALL, null)),
                List.of(new Transfer("RUK", List.of(new TransferShare("Con", d("0.6"), null)))), null, null, null);
        ScenarioResult none = new AllianceModel(GE2024, Scenario.none(), LOT).central();
        ScenarioResult r = new AllianceModel(GE2024, pact, LOT).central();
        assertThat(r.seatsAfter().get("Con")).isGreaterThan(none.seatsAfter().get("Con"));
        assertThat(r.sainteLague()).isEqualTo(none.sainteLague()).containsKey("RUK");
        assertThat(r.dHondt()).isEqualTo(none.dHondt());
        assertThat(r.ams()).isEqualTo(none.ams());
    }

    @Test
    void amsWithAHouseOf650AndASeparateListVote() {
        AmsAssumption house = new AmsAssumption(250, 1, 650, null);
        ScenarioResult r = new AllianceModel(GE2024, new Scenario(null, null, null, null, null, house, null), LOT).central();
        assertThat(r.ams().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        assertThat(r.regions().stream().mapToInt(RegionComparison::listSeats).sum()).isEqualTo(250);
        assertThat(r.regions()).allSatisfy(region -> assertThat(region.ams().constituency().values().stream().mapToInt(Integer::intValue).sum()
                + region.listSeats()).isEqualTo(region.ams().total().values().stream().mapToInt(Integer::intValue).sum()));
        // Greens at 15% of the list vote win more list seats than on their constituency vote.
        AmsAssumption greenList = new AmsAssumption(250, 1, 650, Map.of("Green", d("15")));
        ScenarioResult g = new AllianceModel(GE2024, new Scenario(null, null, null, null, null, greenList, null), LOT).central();
        assertThat(g.ams().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        assertThat(g.ams().get("Green")).isGreaterThan(r.ams().get("Green") + 40);
        assertThat(g.seatsAfter()).isEqualTo(r.seatsAfter());
    }

    @Test
    void monteCarloWithoutErrorGivesTheCentralAnswerEveryTime() {
        AllianceModel model = new AllianceModel(GE2024, Scenario.none(), LOT);
        MonteCarloResult mc = model.monteCarlo(40, 3);
        assertThat(mc.seats()).allSatisfy(seat -> assertThat(seat.wins()).hasSize(1));
        assertThat(mc.mostSeats()).containsExactly(entry("Lab", 40));
        assertThat(mc.majority()).containsExactly(entry("Lab", 40));
        assertThat(mc.majorityAt()).isEqualTo(326);
    }

    @Test
    void errorsCorrelatedWithinARegionSpreadTheSeatTotalsMoreThanTheSameErrorSeatBySeat() {
        // 2019 from a closer start: Labour +6 points. The same 3-point error per party, drawn per seat or per region.
        List<Swing> closer = List.of(new Swing("Lab", null, SwingKind.UNIFORM, d("6"), null), new Swing("Con", null, SwingKind.UNIFORM, d("-6"), null));
        Scenario seatBySeat = new Scenario(null, closer, null, null, d("3"), null, null);
        Scenario byRegion = new Scenario(null, closer, null, null, null, null, null, null, null, null, null, d("3"), null);
        MonteCarloResult local = new AllianceModel(GE2019, seatBySeat, LOT).monteCarlo(400, 11);
        MonteCarloResult regional = new AllianceModel(GE2019, byRegion, LOT).monteCarlo(400, 11);
        assertThat(spread(regional, "Con")).isGreaterThan(2 * spread(local, "Con"));
        assertThat(regional.mostSeats().values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(400);
        assertThat(regional.mostSeats()).containsKeys("Con", "Lab");
    }

    private static int spread(MonteCarloResult mc, String party) {
        SeatRange r = mc.seatTotals().stream().filter(s -> s.party().equals(party)).findFirst().orElseThrow();
        return r.p95() - r.p5();
    }

    @Test
    void adjacentGroupsOfFiveCoverEverySeatOnceWithinOneRegionAndConnected() {
        HexLayout layout = UkElectionData.hexLayout().matching(GE2024);
        assertThat(layout.hexes()).hasSize(650);
        Map<String, List<String>> groups = StvGrouping.adjacent(GE2024, UkElectionData.hexLayout(), 5);
        Map<String, String> regionOf = new java.util.HashMap<>();
        GE2024.forEach(c -> regionOf.put(c.id(), c.region()));
        Set<String> seen = new HashSet<>();
        Map<Long, HexLayout.Hex> byPosition = layout.byPosition();
        for (List<String> group : groups.values()) {
            assertThat(group).allSatisfy(id -> assertThat(seen.add(id)).isTrue());
            assertThat(group.stream().map(regionOf::get).distinct()).hasSize(1);
            Set<String> reached = new HashSet<>(List.of(group.getFirst()));
            ArrayDeque<String> queue = new ArrayDeque<>(reached);
            while (!queue.isEmpty()) {
                for (HexLayout.Hex n : layout.neighbours(layout.hexes().get(queue.removeFirst()), byPosition)) {
                    if (group.contains(n.id()) && reached.add(n.id())) queue.add(n.id());
                }
            }
            assertThat(reached).as("connected").hasSameSizeAs(group);
        }
        assertThat(seen).hasSize(650);
        assertThat(groups.size()).isBetween(110, 140);

        ScenarioResult r = new AllianceModel(GE2024, Scenario.none().withStv(new StvAssumption(groups, 5,
                Map.of("Green", Map.of("Lab", d("0.5"), "LD", d("0.3"))))), LOT).central();
        assertThat(r.stv().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        assertThat(r.stv().get("Lab")).isLessThan(411);
        assertThat(r.stv().get("RUK")).isGreaterThan(5);
    }

    @Test
    void theHexMapColoursEverySeatTwiceOutlinesTheChangesAndNamesThePartiesInItsLegend() {
        Scenario swing = new Scenario(null, List.of(new Swing("Con", null, SwingKind.UNIFORM, d("5"), null)), null, null, null, null, null);
        ScenarioResult r = new AllianceModel(GE2024, swing, LOT).central();
        PartyNames names = PartyNames.of(GE2024);
        String svg = HexMapSvg.render(UkElectionData.hexLayout().matching(GE2024), r.seats(), names::name, HexMapSvg.ENGLISH, "map");
        assertThat(Pattern.compile("<polygon ").matcher(svg).results().count()).isEqualTo(1300);
        String outlined = svg.substring(svg.indexOf("stroke=\"#0b0c0c\""));
        int changed = r.changes().size();
        assertThat(changed).isGreaterThan(20);
        assertThat(Pattern.compile("changes to").matcher(svg).results().count()).isEqualTo(2L * changed);
        assertThat(outlined).contains("changes to");
        SeatChange first = r.changes().getFirst();
        assertThat(svg).contains("<title>" + first.name() + ": " + names.name(first.from()) + ", changes to Conservative</title>").contains("Conservative: 121 → " + r.seatsAfter().get("Con"))
                .contains("Changes hands: " + changed).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    }
}
