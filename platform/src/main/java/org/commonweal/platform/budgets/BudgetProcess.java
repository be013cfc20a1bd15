package org.commonweal.platform.budgets;

/** A council's participatory budget for a place, and the phase it is in. */
public record BudgetProcess(long id, long placeId, String placeName, String title, String summary, Phase phase, boolean autoAdvance) {
}
