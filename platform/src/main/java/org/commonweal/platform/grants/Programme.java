package org.commonweal.platform.grants;

import org.commonweal.platform.budgets.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A grants programme an officer runs: the pot and the range of one award (minor units of {@code currency}), where and on
 * what themes, the criteria applications are scored against, and its dates. Applications are taken from the opening day
 * to the closing day, both inclusive (UK days).
 */
public record Programme(long id, String title, String description, String currency, long pot, long minAward, long maxAward,
                        long placeId, String placeName, List<String> themes, LocalDate opensOn, LocalDate closesOn, LocalDate decisionsBy,
                        Long budgetProcessId, Long budgetPotId, List<Criterion> criteria) {
    public Programme {
        themes = List.copyOf(themes);
        criteria = List.copyOf(criteria);
    }

    public record Criterion(long id, String name, int weight, String guidance) {
    }

    public String url() {
        return "/grants/" + id;
    }

    public String money(long minor) {
        return Money.format(minor, currency);
    }

    public boolean open(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    public boolean closed(LocalDate today) {
        return today.isAfter(closesOn);
    }

    public boolean handedToResidents() {
        return budgetProcessId != null;
    }
}
