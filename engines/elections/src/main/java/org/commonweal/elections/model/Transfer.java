package org.commonweal.elections.model;

import java.util.List;

/**
 * Where the voters of withdrawn party {@code from} go. Shares add up to at most 1; the rest stay home, as
 * do all its voters when a party withdraws without a transfer. A transfer may hold only in one region or
 * nation ({@code area}) and only where a given party is the best-placed ally ({@code beneficiary}); where
 * several of a party's transfers hold, the most specific wins (area and beneficiary, then beneficiary, then area).
 */
public record Transfer(String from, List<TransferShare> shares, String area, String beneficiary) {
    public Transfer {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    public Transfer(String from, List<TransferShare> shares) {
        this(from, shares, null, null);
    }
}
