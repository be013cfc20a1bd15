package org.commonweal.opinion;

/**
 * Polis's statement priority (conversation.clj): how useful a statement is to show next. It grows with the
 * statement's agree rate, its engagement (not passed), its extremity on the map, and is boosted while the
 * statement is new (few votes); meta statements get a fixed priority. Squared "to deepen the bias".
 */
final class Priorities {
    static final double META_PRIORITY = 7;

    private Priorities() {
    }

    static double importance(int agree, int pass, int seen, double extremity) {
        double p = (pass + 1.0) / (seen + 2.0);
        double a = (agree + 1.0) / (seen + 2.0);
        return (1 - p) * (extremity + 1) * a;
    }

    static double priority(boolean meta, int agree, int pass, int seen, double extremity) {
        double base = meta ? META_PRIORITY : importance(agree, pass, seen, extremity) * (1 + 8 * Math.pow(2, seen / -5.0));
        return base * base;
    }
}
