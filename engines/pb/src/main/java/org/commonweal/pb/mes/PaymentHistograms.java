package org.commonweal.pb.mes;

import java.util.Arrays;

/**
 * The supporters' money-class histograms of MES passes, remembered by the sequence of payments made before
 * them, so that the passes of one add1 completion share them. Sound because of how {@link EqualSharesRun}
 * numbers classes: all voters start in class 0, and a payment for project w turns the i-th class among w's
 * supporters (in supporter order) into class base + i, base being the number of classes so far (when w's
 * supporters have unequal utilities, its i-th supporter group gets class base + i). Which classes ran out of
 * money depends on the money, so they stay apart here and are merged only when prices are computed. By induction
 * over the payments, every voter's class, and hence every project's histogram, is a function of the sequence
 * of funded projects alone; the money per voter only decides what each class holds, which the pass keeps
 * itself. A histogram recorded after the same sequence of payments in any earlier pass is therefore exactly
 * the one a scan of the supporters would give now.
 */
final class PaymentHistograms {
    /** Classes among a project's supporters, in order of first appearance, and the voters in each. */
    record Histogram(int[] classes, int[] masses) {
    }

    private final Histogram[][] byPayments; // [payments made][project], for the recorded sequence
    private final int[] recordedPayments;    // projects funded, in order, by the recorded sequence
    private int recorded;                    // its length
    private int payments;                    // payments of the current pass, always a prefix of the recorded sequence

    PaymentHistograms(int projects) {
        byPayments = new Histogram[projects + 1][];
        recordedPayments = new int[projects];
    }

    void startPass() {
        payments = 0;
    }

    Histogram lookup(int project) {
        Histogram[] row = byPayments[payments];
        return row == null ? null : row[project];
    }

    void store(int project, Histogram h) {
        if (byPayments[payments] == null) byPayments[payments] = new Histogram[recordedPayments.length];
        byPayments[payments][project] = h;
    }

    /** The current pass funded {@code project}; where it departs from the recorded sequence, the rest is forgotten. */
    void paid(int project) {
        if (payments < recorded && recordedPayments[payments] == project) {
            payments++;
            return;
        }
        for (int j = payments + 1; j <= recorded; j++) if (byPayments[j] != null) Arrays.fill(byPayments[j], null);
        recordedPayments[payments] = project;
        recorded = ++payments;
    }
}
