package org.commonweal.matching;

import java.util.List;

/** Tries every assignment: the most requests matched, then the least travel. Only for a handful of requests. */
final class BruteForce {
    private final Instance instance;
    private final int[] room;
    int bestCount = -1;
    long bestCost;

    private BruteForce(Instance instance) {
        this.instance = instance;
        this.room = instance.volunteers().stream().mapToInt(Volunteer::capacity).toArray();
    }

    static long[] best(Instance instance) {
        BruteForce b = new BruteForce(instance);
        b.search(0, 0, 0);
        return new long[]{b.bestCount, b.bestCost};
    }

    static long metres(Volunteer v, HelpRequest r) {
        return v.id().equals(r.previousVolunteer()) ? 0 : Math.round(1000 * Distance.km(v.lat(), v.lon(), r.lat(), r.lon()));
    }

    private void search(int j, int count, long cost) {
        List<HelpRequest> requests = instance.requests();
        if (j == requests.size()) {
            if (count > bestCount || (count == bestCount && cost < bestCost)) {
                bestCount = count;
                bestCost = cost;
            }
            return;
        }
        search(j + 1, count, cost);
        HelpRequest r = requests.get(j);
        for (int i = 0; i < room.length; i++) {
            Volunteer v = instance.volunteers().get(i);
            if (room[i] == 0 || !Constraint.allHold(v, r)) continue;
            room[i]--;
            search(j + 1, count + 1, cost + metres(v, r));
            room[i]++;
        }
    }
}
