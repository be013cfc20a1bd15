package org.commonweal.platform.budgets;

/**
 * A council's participatory budget for a place, and the phase it is in. A finished vote imported from a pabulib file
 * also has the area it was held in ({@code areaName}, from the file) and the file's name ({@code sourceFile}); both are
 * null otherwise.
 */
public record BudgetProcess(long id, long placeId, String placeName, String title, String summary, Phase phase, boolean autoAdvance,
                            String areaName, String sourceFile) {
    /** Where the budget is decided, as residents read it: the imported vote's own area, or the council's place. */
    public String areaLabel() {
        return areaName != null ? areaName : placeName;
    }
}
