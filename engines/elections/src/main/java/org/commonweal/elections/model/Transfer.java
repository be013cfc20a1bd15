package org.commonweal.elections.model;

import java.util.List;

/**
 * Where the voters of withdrawn party {@code from} go. Shares add up to at most 1; the rest stay home, as
 * do all its voters when a party withdraws without a transfer.
 */
public record Transfer(String from, List<TransferShare> shares) {
    public Transfer {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }
}
