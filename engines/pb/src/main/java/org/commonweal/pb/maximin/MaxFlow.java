package org.commonweal.pb.maximin;

import java.util.Arrays;

/**
 * Dinic's maximum flow with exact {@code long} capacities. Written here rather than taken from JGraphT because
 * JGraphT's flow algorithms carry capacities as doubles with an epsilon, and the maximin support rule decides
 * outcomes on whether a cut is exactly zero; capacities here reach 10^14, beyond a double's exact integers
 * when added up. Every addition that could overflow is checked, so a too-large instance fails loudly.
 */
final class MaxFlow {
    static final long INFINITE = Long.MAX_VALUE / 4;

    private final int nodes;
    private final int[] head;
    private int[] to = new int[16], next = new int[16];
    private long[] capacity = new long[16];
    private int edges;
    private int[] level, cursor;

    MaxFlow(int nodes) {
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
    }

    void addEdge(int from, int toNode, long cap) {
        addEdge(from, toNode, cap, 0);
    }

    /** An edge already carrying {@code flow} (at most {@code cap}): a caller that knows an easy flow starts from it. */
    void addEdge(int from, int toNode, long cap, long flow) {
        if (edges + 2 > to.length) {
            int size = to.length * 2;
            to = Arrays.copyOf(to, size);
            next = Arrays.copyOf(next, size);
            capacity = Arrays.copyOf(capacity, size);
        }
        link(from, toNode, cap - flow);
        link(toNode, from, flow);
    }

    private void link(int from, int toNode, long cap) {
        to[edges] = toNode;
        capacity[edges] = cap;
        next[edges] = head[from];
        head[from] = edges++;
    }

    /** The flow added to whatever the edges were created carrying. */
    long run(int source, int sink) {
        long flow = 0;
        level = new int[nodes];
        cursor = new int[nodes];
        while (levels(source, sink)) {
            System.arraycopy(head, 0, cursor, 0, nodes);
            for (long pushed; (pushed = push(source, sink, INFINITE)) > 0; ) flow = Math.addExact(flow, pushed);
        }
        return flow;
    }

    /** After {@link #run}: the nodes still reachable from the source in the residual graph (the source side of the least minimum cut). */
    boolean[] sourceSide(int source) {
        boolean[] seen = new boolean[nodes];
        int[] queue = new int[nodes];
        int tail = 0;
        queue[tail++] = source;
        seen[source] = true;
        for (int i = 0; i < tail; i++) {
            for (int e = head[queue[i]]; e >= 0; e = next[e]) {
                if (capacity[e] > 0 && !seen[to[e]]) {
                    seen[to[e]] = true;
                    queue[tail++] = to[e];
                }
            }
        }
        return seen;
    }

    private boolean levels(int source, int sink) {
        Arrays.fill(level, -1);
        int[] queue = new int[nodes];
        int tail = 0;
        queue[tail++] = source;
        level[source] = 0;
        for (int i = 0; i < tail; i++) {
            int u = queue[i];
            for (int e = head[u]; e >= 0; e = next[e]) {
                if (capacity[e] > 0 && level[to[e]] < 0) {
                    level[to[e]] = level[u] + 1;
                    queue[tail++] = to[e];
                }
            }
        }
        return level[sink] >= 0;
    }

    private long push(int u, int sink, long limit) {
        if (u == sink) return limit;
        for (; cursor[u] >= 0; cursor[u] = next[cursor[u]]) {
            int e = cursor[u], v = to[e];
            if (capacity[e] <= 0 || level[v] != level[u] + 1) continue;
            long pushed = push(v, sink, Math.min(limit, capacity[e]));
            if (pushed > 0) {
                capacity[e] -= pushed;
                capacity[e ^ 1] += pushed;
                return pushed;
            }
        }
        return 0;
    }
}
