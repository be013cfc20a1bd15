package org.commonweal.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every volunteer–request pair that meets every hard rule, with its cost in whole metres (0 when the volunteer helped
 * the person before). Requests are put in a grid of cells about a typical travel radius wide, so a volunteer is tested
 * only against the requests in the cells their radius reaches, not against all of them.
 */
public final class FeasiblePairs {
    private static final double KM_PER_DEGREE = Math.PI * Distance.EARTH_RADIUS_KM / 180;

    /** For volunteer i, the requests it may take are {@code request[start[i] .. start[i+1])} with their costs. */
    final int[] start;
    final int[] request;
    final long[] costMetres;

    private FeasiblePairs(int[] start, int[] request, long[] costMetres) {
        this.start = start;
        this.request = request;
        this.costMetres = costMetres;
    }

    public int size() {
        return request.length;
    }

    public static FeasiblePairs of(Instance instance) {
        List<Volunteer> volunteers = instance.volunteers();
        List<HelpRequest> requests = instance.requests();
        double cell = cellDegrees(volunteers);
        Map<Long, int[]> grid = grid(requests, cell);
        CompiledRules rules = new CompiledRules(instance);
        int[] start = new int[volunteers.size() + 1];
        IntList to = new IntList();
        LongList cost = new LongList();
        for (int i = 0; i < volunteers.size(); i++) {
            Volunteer v = volunteers.get(i);
            start[i] = to.size;
            int first = to.size;
            for (int j : candidates(v, requests, grid, cell)) {
                if (!rules.allButDistance(i, j)) continue;
                HelpRequest r = requests.get(j);
                double km = Distance.km(v.lat(), v.lon(), r.lat(), r.lon());
                if (km > v.radiusKm()) continue;
                to.add(j);
                cost.add(v.id().equals(r.previousVolunteer()) ? 0 : Math.round(1000 * km));
            }
            sortByRequest(to.items, cost.items, first, to.size);
        }
        start[volunteers.size()] = to.size;
        return new FeasiblePairs(start, Arrays.copyOf(to.items, to.size), Arrays.copyOf(cost.items, cost.size));
    }

    /** A cell as wide as the median radius: most volunteers then look at a 3×3 block of cells. */
    private static double cellDegrees(List<Volunteer> volunteers) {
        if (volunteers.isEmpty()) return 1;
        double[] radii = volunteers.stream().mapToDouble(Volunteer::radiusKm).sorted().toArray();
        return Math.max(0.005, Math.min(10, radii[radii.length / 2] / KM_PER_DEGREE));
    }

    private static long key(long row, long col) {
        return (row << 32) ^ (col & 0xffffffffL);
    }

    private static Map<Long, int[]> grid(List<HelpRequest> requests, double cell) {
        Map<Long, IntList> cells = new HashMap<>();
        for (int j = 0; j < requests.size(); j++) {
            HelpRequest r = requests.get(j);
            cells.computeIfAbsent(key((long) Math.floor(r.lat() / cell), (long) Math.floor(r.lon() / cell)), k -> new IntList()).add(j);
        }
        Map<Long, int[]> grid = new HashMap<>();
        cells.forEach((k, list) -> grid.put(k, Arrays.copyOf(list.items, list.size)));
        return grid;
    }

    /** The requests in the cells the volunteer's radius can reach; near a pole or the date line, every request. */
    private static int[] candidates(Volunteer v, List<HelpRequest> requests, Map<Long, int[]> grid, double cell) {
        double dLat = v.radiusKm() / KM_PER_DEGREE;
        double maxLat = Math.abs(v.lat()) + dLat;
        double dLon = maxLat >= 89 ? 360 : dLat / Math.cos(Math.toRadians(maxLat));
        if (dLon >= 180 || v.lon() - dLon < -180 || v.lon() + dLon > 180
                || (long) ((2 * dLat / cell + 2) * (2 * dLon / cell + 2)) > requests.size()) {
            int[] all = new int[requests.size()];
            Arrays.setAll(all, j -> j);
            return all;
        }
        IntList found = new IntList();
        for (long row = (long) Math.floor((v.lat() - dLat) / cell); row <= (long) Math.floor((v.lat() + dLat) / cell); row++) {
            for (long col = (long) Math.floor((v.lon() - dLon) / cell); col <= (long) Math.floor((v.lon() + dLon) / cell); col++) {
                int[] in = grid.get(key(row, col));
                if (in != null) for (int j : in) found.add(j);
            }
        }
        return Arrays.copyOf(found.items, found.size);
    }

    /** Request order within a volunteer's list, so that the result never depends on how the grid was walked. */
    private static void sortByRequest(int[] to, long[] cost, int from, int until) {
        Integer[] order = new Integer[until - from];
        for (int k = 0; k < order.length; k++) order[k] = from + k;
        Arrays.sort(order, (a, b) -> Integer.compare(to[a], to[b]));
        int[] t = new int[order.length];
        long[] c = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            t[k] = to[order[k]];
            c[k] = cost[order[k]];
        }
        System.arraycopy(t, 0, to, from, t.length);
        System.arraycopy(c, 0, cost, from, c.length);
    }

    static final class IntList {
        int[] items = new int[16];
        int size;

        void add(int x) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = x;
        }
    }

    static final class LongList {
        long[] items = new long[16];
        int size;

        void add(long x) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = x;
        }
    }

    /** The volunteer of each pair, in pair order (volunteers in input order, then requests in input order). */
    int[] volunteers() {
        int[] out = new int[request.length];
        for (int i = 0; i + 1 < start.length; i++) for (int k = start[i]; k < start[i + 1]; k++) out[k] = i;
        return out;
    }
}
