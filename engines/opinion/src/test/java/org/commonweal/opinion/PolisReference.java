package org.commonweal.opinion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A conversation's math-pca2.json: what Polis's own math worker computed, read for comparison. */
record PolisReference(JsonNode json) {
    static PolisReference read(Path folder) throws IOException {
        return new PolisReference(new ObjectMapper().readTree(folder.resolve("math-pca2.json").toFile()));
    }

    List<Long> tids() {
        List<Long> t = new ArrayList<>();
        json.get("tids").forEach(n -> t.add(n.asLong()));
        return t;
    }

    Set<Long> inConv() {
        Set<Long> s = new HashSet<>();
        json.get("in-conv").forEach(n -> s.add(n.asLong()));
        return s;
    }

    List<Cluster> baseClusters() {
        JsonNode b = json.get("base-clusters");
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < b.get("id").size(); i++) {
            List<Long> members = new ArrayList<>();
            b.get("members").get(i).forEach(n -> members.add(n.asLong()));
            clusters.add(new Cluster(b.get("id").get(i).asInt(), members, new Point(b.get("x").get(i).asDouble(), b.get("y").get(i).asDouble())));
        }
        return clusters;
    }

    List<Cluster> groupClusters() {
        List<Cluster> clusters = new ArrayList<>();
        for (JsonNode g : json.get("group-clusters")) {
            List<Long> members = new ArrayList<>();
            g.get("members").forEach(n -> members.add(n.asLong()));
            clusters.add(new Cluster(g.get("id").asInt(), members, new Point(g.get("center").get(0).asDouble(), g.get("center").get(1).asDouble())));
        }
        return clusters;
    }

    /** Participant → group id, through the base clusters. */
    Map<Long, Integer> groupOfParticipant() {
        Map<Long, List<Long>> base = new HashMap<>();
        for (Cluster b : baseClusters()) base.put((long) b.id(), b.members());
        Map<Long, Integer> result = new TreeMap<>();
        for (Cluster g : groupClusters()) for (long bid : g.members()) for (long p : base.get(bid)) result.put(p, g.id());
        return result;
    }

    List<double[]> components() {
        List<double[]> comps = new ArrayList<>();
        for (JsonNode c : json.get("pca").get("comps")) {
            double[] v = new double[c.size()];
            for (int i = 0; i < v.length; i++) v[i] = c.get(i).asDouble();
            comps.add(v);
        }
        return comps;
    }

    Map<Integer, Map<Long, VoteCounts>> groupVotes() {
        Map<Integer, Map<Long, VoteCounts>> result = new TreeMap<>();
        json.get("group-votes").fields().forEachRemaining(g -> {
            Map<Long, VoteCounts> byTid = new TreeMap<>();
            g.getValue().get("votes").fields().forEachRemaining(t -> byTid.put(Long.parseLong(t.getKey()),
                    new VoteCounts(t.getValue().get("A").asInt(), t.getValue().get("D").asInt(), t.getValue().get("S").asInt())));
            result.put(Integer.parseInt(g.getKey()), byTid);
        });
        return result;
    }

    /**
     * The state Polis's worker held before its last update, as far as the file shows it: components (negated:
     * Polis's agree is −1, the engine's +1, so this keeps the map the same way round), base and group clusters,
     * in-conv and group votes; the k-smoother settled on the file's k.
     */
    OpinionState stateBefore() {
        List<double[]> comps = new ArrayList<>();
        for (double[] c : components()) {
            double[] n = new double[c.length];
            for (int i = 0; i < c.length; i++) n[i] = -c[i];
            comps.add(n);
        }
        int k = groupClusters().size();
        return new OpinionState(tids(), comps, baseClusters(), Map.of(k, groupClusters()), new KSmoother(k, 4, k), inConv(), groupVotes());
    }
}
