package org.commonweal.elections.model;

import org.commonweal.elections.fptp.ConstituencyResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups constituencies into multi-member seats of adjacent constituencies within a region, for the STV
 * projection. Region by region, from the southernmost then westernmost constituency not yet grouped, a
 * group grows breadth-first through neighbours in the same region until it has {@code size} constituencies
 * or no neighbour is left; then a group of fewer than half that size (a leftover or an island) joins the
 * smallest adjacent group in its region, if it has one. The result depends only on the layout.
 */
public final class StvGrouping {
    private StvGrouping() {
    }

    /** @return seat names ("region 1", "region 2", ...) and their constituency ids */
    public static Map<String, List<String>> adjacent(List<ConstituencyResult> results, HexLayout givenLayout, int size) {
        if (size < 1) throw new ScenarioException("stv.seatsPerGroup", "must be at least 1, got " + size);
        HexLayout layout = givenLayout.matching(results);
        List<String> missing = results.stream().map(ConstituencyResult::id).filter(id -> !layout.hexes().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ScenarioException("stv.groups", missing.size() + " of " + results.size() + " constituencies are not in the hex layout (e.g. "
                    + missing.getFirst() + "), so adjacent seats cannot be grouped: give the groups");
        }
        Map<String, String> regionOf = new HashMap<>();
        Map<String, List<HexLayout.Hex>> byRegion = new TreeMap<>();
        for (ConstituencyResult r : results) {
            regionOf.put(r.id(), r.region());
            byRegion.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(layout.hexes().get(r.id()));
        }
        Map<Long, HexLayout.Hex> byPosition = layout.byPosition();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<HexLayout.Hex>> region : byRegion.entrySet()) {
            List<HexLayout.Hex> seats = new ArrayList<>(region.getValue());
            seats.sort(Comparator.comparingInt(HexLayout.Hex::r).thenComparingInt(HexLayout.Hex::q));
            Map<String, Integer> groupOf = new HashMap<>();
            List<List<String>> groups = new ArrayList<>();
            for (HexLayout.Hex seed : seats) {
                if (groupOf.containsKey(seed.id())) continue;
                List<String> group = new ArrayList<>();
                Deque<HexLayout.Hex> queue = new ArrayDeque<>(List.of(seed));
                Set<String> queued = new HashSet<>(Set.of(seed.id()));
                while (!queue.isEmpty() && group.size() < size) {
                    HexLayout.Hex h = queue.removeFirst();
                    group.add(h.id());
                    groupOf.put(h.id(), groups.size());
                    for (HexLayout.Hex n : layout.neighbours(h, byPosition)) {
                        if (region.getKey().equals(regionOf.get(n.id())) && !groupOf.containsKey(n.id()) && queued.add(n.id())) queue.addLast(n);
                    }
                }
                groups.add(group);
            }
            mergeSmallGroups(groups, groupOf, layout, byPosition, size);
            int number = 0;
            for (List<String> g : groups) if (!g.isEmpty()) out.put(region.getKey() + " " + (++number), List.copyOf(g));
        }
        return out;
    }

    private static void mergeSmallGroups(List<List<String>> groups, Map<String, Integer> groupOf, HexLayout layout,
                                         Map<Long, HexLayout.Hex> byPosition, int size) {
        for (int g = 0; g < groups.size(); g++) {
            List<String> group = groups.get(g);
            if (group.isEmpty() || 2 * group.size() >= size) continue;
            int into = -1;
            for (String id : group) {
                for (HexLayout.Hex n : layout.neighbours(layout.hexes().get(id), byPosition)) {
                    Integer other = groupOf.get(n.id());
                    if (other == null || other == g) continue;
                    if (into < 0 || groups.get(other).size() < groups.get(into).size() || (groups.get(other).size() == groups.get(into).size() && other < into)) {
                        into = other;
                    }
                }
            }
            if (into < 0) continue;
            for (String id : group) groupOf.put(id, into);
            groups.get(into).addAll(group);
            group.clear();
        }
    }
}
