package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.PhotoUpload;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo's finished budgets, for the two journeys a live vote cannot show: last year's fund in delivery (one project
 * delivered with its milestones and a photo, one in progress at 40 %), and a youth fund whose voting has closed with
 * its result still provisional, so an officer can check it, count again and publish it. Each goes through the same
 * services as the pages; its ballots come from voting codes, as a council's postal voters' would.
 */
final class DemoDelivery {
    static final String DELIVERED_TITLE = "Riverford Green Streets Fund 2025";
    static final String PROVISIONAL_TITLE = "Riverside Youth Fund";

    private static final List<DemoBudgets.Idea> GREEN_IDEAS = List.of(
            new DemoBudgets.Idea(0, "Pocket park on Tannery Lane", "Turn the empty corner plot on Tannery Lane into a small park with benches, planters and a water fountain.",
                    "green", "Hillcrest", "14,000", "15,500", null),
            new DemoBudgets.Idea(1, "Cycle path along the canal", "Resurface the canal towpath between Mill Lane and the station so people can cycle to work safely.",
                    "streets", "Mill Lane", "18,000", "19,800", null),
            new DemoBudgets.Idea(2, "Rain gardens in Eastfield", "Dig rain gardens along Eastfield Road to soak up storm water that now floods the underpass.",
                    "green", "Eastfield", "9,000", "9,400", null),
            new DemoBudgets.Idea(0, "Outdoor chess tables", "Four stone chess tables in the market square, with pieces kept at the library.",
                    "community", "Riverford City Council", "4,000", "4,600", null));

    private static final List<DemoBudgets.Idea> YOUTH_IDEAS = List.of(
            new DemoBudgets.Idea(1, "Skate ramp at Old Wharf", "A small concrete skate ramp on the unused wharf apron, designed with local skaters.",
                    "play", "Old Wharf", "4,000", "4,200", null),
            new DemoBudgets.Idea(2, "Quayside music nights", "Six free evening concerts on the quay for young bands, with a sound system the youth club keeps.",
                    "culture", "Quayside", "2,500", "2,500", null),
            new DemoBudgets.Idea(0, "Ferry Row homework club", "Laptops and a tutor two evenings a week in the Ferry Row community room.",
                    "community", "Ferry Row", "3,000", "3,200", null));

    private final DemoBudgets demo;
    private final BudgetService budgets;
    private final BallotBox ballots;
    private final DeliveryService delivery;

    DemoDelivery(DemoBudgets demo, BudgetService budgets, BallotBox ballots, DeliveryService delivery) {
        this.demo = demo;
        this.budgets = budgets;
        this.ballots = ballots;
        this.delivery = delivery;
    }

    void load(long officerId, List<Long> residentIds) {
        Actor officer = new Actor(officerId, "demo", "demo-data");
        loadDelivered(officer, residentIds);
        loadProvisional(officer, residentIds);
    }

    /** Last year's fund, counted and published, its projects being delivered. */
    private void loadDelivered(Actor officer, List<Long> residentIds) {
        long process = process(officer, DELIVERED_TITLE, "Riverford City Council", """
                Last year residents chose how to spend £30,000 on greener streets. Follow how the chosen projects are being delivered.""");
        long pot = pot(officer, process, "Green streets fund", "Riverford City Council", "30,000");
        List<Long> ids = proposeAndCost(officer, process, pot, GREEN_IDEAS, residentIds);
        // Pocket park and rain gardens most wanted; the cycle path does not fit what is left.
        vote(process, pot, officer, List.of(
                List.of(ids.get(0), ids.get(2)), List.of(ids.get(0), ids.get(2), ids.get(3)), List.of(ids.get(0), ids.get(1)),
                List.of(ids.get(2), ids.get(3)), List.of(ids.get(0), ids.get(3)), List.of(ids.get(1))));
        demo.advanceTo(process, Phase.DELIVERY, officer);

        LocalDate today = DeliveryService.today();
        long park = ids.get(0);
        milestone(park, "Design agreed with neighbours", today.minusMonths(7), today.minusMonths(7).plusDays(3), "Two drop-in sessions at the library chose the layout.", officer);
        milestone(park, "Ground works", today.minusMonths(4), today.minusMonths(4).plusDays(10), "", officer);
        milestone(park, "Opening day", today.minusMonths(1), today.minusMonths(1), "Opened by pupils of Hillcrest Primary.", officer);
        update(park, "done", "", "The park is open every day from 8am to dusk.", officer);
        photo(park, "The new pocket park on Tannery Lane: a lawn with two benches under young trees", officer);

        long gardens = ids.get(2);
        milestone(gardens, "Survey of the drains", today.minusMonths(3), today.minusMonths(3).plusDays(5), "", officer);
        milestone(gardens, "First three rain gardens dug", today.minusDays(14), null, "Delayed by the wet autumn.", officer);
        milestone(gardens, "Planting", today.plusMonths(3), null, "Volunteers welcome: sign up at the community centre.", officer);
        update(gardens, "in_progress", "40", "Two of the five gardens are dug.", officer);
    }

    /** A youth fund whose voting has closed: the count is provisional until an officer publishes it. */
    private void loadProvisional(Actor officer, List<Long> residentIds) {
        long process = process(officer, PROVISIONAL_TITLE, "Riverside", """
                Young people in Riverside chose between three projects for £5,000. Voting has closed; the council publishes the \
                results once paper ballots are checked.""");
        long pot = pot(officer, process, "Youth fund", "Riverside", "5,000");
        List<Long> ids = proposeAndCost(officer, process, pot, YOUTH_IDEAS, residentIds);
        vote(process, pot, officer, List.of(List.of(ids.get(0)), List.of(ids.get(0), ids.get(1)), List.of(ids.get(2)), List.of(ids.get(1))));
        demo.advanceTo(process, Phase.COUNTING, officer);
    }

    private long process(Actor officer, String title, String place, String summary) {
        Form about = Form.empty().set("title", title).set("place", demo.id(place)).set("summary", summary);
        return DemoBudgets.created(budgets.createProcess(about, officer), about);
    }

    private long pot(Actor officer, long process, String name, String place, String amount) {
        Form pot = Form.empty().set("name", name).set("place", demo.id(place)).set("amount", amount).set("currency", "GBP")
                .set("ballotType", "approval").set("rule", "greedy").set("tieBreak", "").set("tieSeed", "2025");
        return DemoBudgets.created(budgets.createPot(process, pot, officer), pot);
    }

    private List<Long> proposeAndCost(Actor officer, long process, long pot, List<DemoBudgets.Idea> ideas, List<Long> residentIds) {
        demo.advanceTo(process, Phase.IDEAS, officer);
        List<Long> ids = demo.submit(pot, ideas, residentIds);
        demo.advanceTo(process, Phase.FEASIBILITY, officer);
        for (int i = 0; i < ids.size(); i++) demo.assess(ids.get(i), ideas.get(i), officer);
        return ids;
    }

    /** Each ballot cast with a voting code of its own. */
    private void vote(long process, long potId, Actor officer, List<List<Long>> ballotsCast) {
        demo.advanceTo(process, Phase.VOTING, officer);
        Pot pot = budgets.pot(potId).orElseThrow();
        List<String> codes = ballots.issueCodes(pot, ballotsCast.size(), "demo", officer);
        for (int i = 0; i < ballotsCast.size(); i++) {
            if (ballots.cast(pot, Voter.withCode(codes.get(i)), new BallotChoice(ballotsCast.get(i), null)).isEmpty()) {
                throw new IllegalStateException("demo ballot refused in " + pot.name());
            }
        }
    }

    private void milestone(long proposal, String title, LocalDate planned, LocalDate done, String description, Actor officer) {
        Form form = Form.of(Map.of("milestoneTitle", title, "plannedOn", planned.toString(), "doneOn", done == null ? "" : done.toString(),
                "milestoneDescription", description));
        delivery.saveMilestone(proposal, null, form, officer).ifPresent(r -> {
            throw new IllegalStateException("demo milestone " + title + ": " + r + " " + form.errors());
        });
    }

    private void update(long proposal, String status, String progress, String note, Actor officer) {
        Form form = Form.of(Map.of("status", status, "progress", progress, "note", note));
        if (!delivery.update(proposal, form, officer)) throw new IllegalStateException("demo delivery update: " + form.errors());
    }

    private void photo(long proposal, String alt, Actor officer) {
        byte[] png = png(480, 320);
        Form form = Form.of(Map.of("photoAlt", alt));
        delivery.addPhoto(proposal, form, new PhotoUpload(png.length, png), officer).ifPresent(r -> {
            throw new IllegalStateException("demo photo: " + r + " " + form.errors());
        });
    }

    /** A small picture drawn in code (sky, lawn, a bench and two trees), so the demo ships no image file. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xB8DFF5));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x5DA34B));
            g.fillRect(0, height * 3 / 5, width, height);
            g.setColor(new Color(0x7A4E2D));
            g.fillRect(width / 3, height * 7 / 10, width / 3, height / 20);
            g.fillRect(width / 3, height * 3 / 4, width / 40 + 1, height / 12);
            g.fillRect(width * 2 / 3 - width / 40, height * 3 / 4, width / 40 + 1, height / 12);
            for (int x : new int[]{width / 8, width * 6 / 8}) {
                g.setColor(new Color(0x6B4423));
                g.fillRect(x + width / 20, height * 2 / 5, width / 30 + 1, height / 4);
                g.setColor(new Color(0x2E6B30));
                g.fillOval(x, height / 6, width / 7 + 1, height / 3 + 1);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
