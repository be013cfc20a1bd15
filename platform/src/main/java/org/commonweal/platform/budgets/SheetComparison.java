package org.commonweal.platform.budgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A disputed paper sheet laid out for the reconciliation screen: one line per project that either entry marked,
 * with each entry's mark side by side and the lines where they differ flagged. The register identifier is never
 * shown (only its hash is kept); the screen says only whether the two entries typed the same one.
 */
public record SheetComparison(long sheetId, PaperSheetNumber number, List<String> officers, List<Long> entryIds, List<Line> lines,
                              boolean hasRegister, boolean registerDiffers) {
    /** A project and what each entry marked for it (empty when not marked). */
    public record Line(long projectNumber, String title, List<String> marks, boolean differs) {
    }

    static SheetComparison of(PaperSheets.Disputed sheet, List<Proposal> onBallot, BallotType type, String tick) {
        List<Line> lines = new ArrayList<>();
        for (Proposal p : onBallot) {
            List<String> marks = new ArrayList<>();
            for (PaperSheets.Entry e : sheet.entries()) marks.add(mark(e.choice(), p.id(), type, tick));
            if (marks.stream().allMatch(String::isEmpty)) continue;
            lines.add(new Line(p.id(), p.title(), marks, marks.stream().distinct().count() > 1));
        }
        List<String> officers = sheet.entries().stream().map(PaperSheets.Entry::officerName).toList();
        List<Long> ids = sheet.entries().stream().map(PaperSheets.Entry::id).toList();
        boolean hasRegister = sheet.entries().stream().anyMatch(e -> e.registerHash() != null);
        boolean registerDiffers = sheet.entries().stream().map(PaperSheets.Entry::registerHash).filter(Objects::nonNull).distinct().count() > 1;
        return new SheetComparison(sheet.sheetId(), new PaperSheetNumber(sheet.batch(), sheet.sheet()), officers, ids, lines, hasRegister, registerDiffers);
    }

    /** A tick for an approval ballot, the preference for a ranked one, the points for a cumulative one. */
    private static String mark(BallotChoice choice, long projectId, BallotType type, String tick) {
        int at = choice.proposalIds().indexOf(projectId);
        if (at < 0) return "";
        return switch (type) {
            case APPROVAL, KNAPSACK -> tick;
            case RANKED -> String.valueOf(at + 1);
            case CUMULATIVE -> String.valueOf(choice.points().get(at));
        };
    }
}
