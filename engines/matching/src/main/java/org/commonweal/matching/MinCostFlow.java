package org.commonweal.matching;

import java.util.Arrays;

/**
 * Minimum-cost flow by successive shortest paths (Dijkstra on costs made non-negative by node potentials). Costs are
 * whole numbers, so the optimum is exact.
 */
final class MinCostFlow {
    private static final long INF = Long.MAX_VALUE / 4;
    private final int nodes;
    private int[] head, next, to, cap;
    private long[] cost;
    private int edges;

    MinCostFlow(int nodes, int expectedEdges) {
        this.nodes = nodes;
        head = new int[nodes];
        Arrays.fill(head, -1);
        int e = Math.max(16, 2 * expectedEdges);
        next = new int[e];
        to = new int[e];
        cap = new int[e];
        cost = new long[e];
    }

    /** @return the edge's index, whose flow {@link #flow} reads afterwards */
    int addEdge(int from, int toNode, int capacity, long edgeCost) {
        if (edges + 2 > to.length) grow();
        int e = edges;
        link(from, toNode, capacity, edgeCost);
        link(toNode, from, 0, -edgeCost);
        return e;
    }

    private void link(int from, int toNode, int capacity, long edgeCost) {
        to[edges] = toNode;
        cap[edges] = capacity;
        cost[edges] = edgeCost;
        next[edges] = head[from];
        head[from] = edges++;
    }

    private void grow() {
        int n = to.length * 2;
        next = Arrays.copyOf(next, n);
        to = Arrays.copyOf(to, n);
        cap = Arrays.copyOf(cap, n);
        cost = Arrays.copyOf(cost, n);
    }

    /** The flow on an edge returned by {@link #addEdge}: what its reverse edge can carry back. */
    int flow(int edge) {
        return cap[edge ^ 1];
    }

    /**
     * Sends one unit from each source to the sink, in the sources' order, each along the cheapest path in the residual
     * network (which may reroute units sent before). This is successive shortest paths for a flow with a unit supply at
     * each source: after each step the flow is the cheapest that carries the units sent so far, so at the end it is
     * the cheapest of all. Every source needs some path to the sink (the caller guarantees one). Each search starts
     * from one node and stops at the sink, so it explores only the nodes nearer than the sink: the work stays local.
     *
     * @return the total cost
     */
    long sendFromEach(int[] sources, int sink) {
        long[] potential = new long[nodes];
        long[] dist = new long[nodes];
        Arrays.fill(dist, INF);
        int[] via = new int[nodes];
        boolean[] settled = new boolean[nodes];
        int[] touched = new int[nodes];
        Heap heap = new Heap(64);
        long total = 0;
        for (int source : sources) {
            int touchedCount = 0;
            heap.clear();
            dist[source] = 0;
            touched[touchedCount++] = source;
            heap.push(0, source);
            while (!heap.isEmpty()) {
                int u = heap.popNode();
                if (settled[u]) continue;
                settled[u] = true;
                if (u == sink) break;
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (cap[e] == 0) continue;
                    int v = to[e];
                    if (settled[v]) continue;
                    long d = dist[u] + cost[e] + potential[u] - potential[v];
                    if (d < dist[v]) {
                        if (dist[v] == INF) touched[touchedCount++] = v;
                        dist[v] = d;
                        via[v] = e;
                        heap.push(d, v);
                    }
                }
            }
            if (!settled[sink]) throw new IllegalStateException("no path from node " + source + " to the sink");
            long reach = dist[sink];
            // Raising every settled node by (its distance - the sink's) keeps residual costs non-negative and touches
            // only what the search visited; the nodes it never reached keep their potential.
            for (int k = 0; k < touchedCount; k++) {
                int v = touched[k];
                if (settled[v]) potential[v] += dist[v] - reach;
            }
            for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                cap[via[v]] -= 1;
                cap[via[v] ^ 1] += 1;
                total += cost[via[v]];
            }
            for (int k = 0; k < touchedCount; k++) {
                int v = touched[k];
                dist[v] = INF;
                settled[v] = false;
            }
        }
        return total;
    }

    /** A binary heap of (distance, node) with stale entries skipped by the caller; ties go to the lower node. */
    private static final class Heap {
        private long[] keys;
        private int[] vals;
        private int size;

        Heap(int capacity) {
            keys = new long[Math.max(16, capacity)];
            vals = new int[keys.length];
        }

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long key, int val) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                vals = Arrays.copyOf(vals, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!less(key, val, keys[p], vals[p])) break;
                keys[i] = keys[p];
                vals[i] = vals[p];
                i = p;
            }
            keys[i] = key;
            vals[i] = val;
        }

        int popNode() {
            int top = vals[0];
            long key = keys[--size];
            int val = vals[size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) break;
                if (c + 1 < size && less(keys[c + 1], vals[c + 1], keys[c], vals[c])) c++;
                if (!less(keys[c], vals[c], key, val)) break;
                keys[i] = keys[c];
                vals[i] = vals[c];
                i = c;
            }
            keys[i] = key;
            vals[i] = val;
            return top;
        }

        private static boolean less(long k1, int v1, long k2, int v2) {
            return k1 < k2 || (k1 == k2 && v1 < v2);
        }
    }
}
