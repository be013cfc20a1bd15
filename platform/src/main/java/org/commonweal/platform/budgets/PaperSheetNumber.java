package org.commonweal.platform.budgets;

/** The batch and sheet number an officer wrote on a paper ballot, which name it while it is keyed in. */
public record PaperSheetNumber(String batch, int sheet) {
}
