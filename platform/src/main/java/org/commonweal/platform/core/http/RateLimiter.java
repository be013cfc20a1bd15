package org.commonweal.platform.core.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (an IP, an account). Buckets live in this instance's memory: behind a load
 * balancer each instance limits on its own, which bounds an attacker at instances × limit.
 */
public final class RateLimiter {
    /** A named limit: how many attempts per period. */
    public record Limit(String name, long attempts, Duration period) {
    }

    /**
     * Sign-ins from one address: a library, or a decision-day venue where hundreds sign in behind one router, must not
     * lock out the room, so every attempt counts only against a flood cap, while failures count against a tighter limit
     * that stops guessing passwords across many accounts. Each account keeps its own strict limit.
     */
    public static final Limit SIGN_IN_PER_IP = new Limit("sign-in-ip", 600, Duration.ofMinutes(5));
    public static final Limit SIGN_IN_FAILURES_PER_IP = new Limit("sign-in-failures-ip", 100, Duration.ofMinutes(15));
    public static final Limit SIGN_IN_PER_ACCOUNT = new Limit("sign-in-account", 5, Duration.ofMinutes(15));
    public static final Limit REGISTER_PER_IP = new Limit("register-ip", 10, Duration.ofHours(1));
    public static final Limit EMAIL_PER_IP = new Limit("email-ip", 10, Duration.ofHours(1));
    /** Letter codes: 50-bit codes, so a few tries an hour per account leave guessing one hopeless within its 30 days. */
    public static final Limit RESIDENCE_CODE_PER_ACCOUNT = new Limit("residence-code-account", 5, Duration.ofMinutes(15));
    /** Each letter is posted at the council's cost. */
    public static final Limit RESIDENCE_LETTER_PER_ACCOUNT = new Limit("residence-letter-account", 3, Duration.ofDays(1));
    public static final Limit WRITES_PER_CLIENT = new Limit("writes", 120, Duration.ofMinutes(1));

    private static final int MAX_BUCKETS = 100_000;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile io.github.bucket4j.TimeMeter clock = io.github.bucket4j.TimeMeter.SYSTEM_MILLISECONDS;

    /** Thrown when a limit is exceeded; the web layer shows it as a 429 page naming the wait. */
    public static final class TooManyRequests extends RuntimeException {
        private final long waitSeconds;

        public TooManyRequests(long waitSeconds) {
            super("rate limited", null, false, false);
            this.waitSeconds = waitSeconds;
        }

        public long waitSeconds() {
            return waitSeconds;
        }
    }

    public void consume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
        }
    }

    /** Refuses as {@link #consume} would when the limit is used up, without using an attempt (for limits on failures). */
    public void check(Limit limit, String key) {
        var estimate = bucket(limit, key).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw new TooManyRequests(Math.max(1, Duration.ofNanos(estimate.getNanosToWaitForRefill()).toSeconds()));
        }
    }

    /** Counts a failure against a limit checked with {@link #check}; never refuses itself. */
    public void record(Limit limit, String key) {
        bucket(limit, key).tryConsume(1);
    }

    private Bucket bucket(Limit limit, String key) {
        if (buckets.size() > MAX_BUCKETS) buckets.clear();
        return buckets.computeIfAbsent(limit.name() + ":" + key, k -> Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.period()).build())
                .build());
    }

    /**
     * For tests: buckets made from now on see time stand still, so a test that makes a hundred requests on a slow
     * machine is not helped by the refill that happens meanwhile.
     */
    public void stopTheClock() {
        long now = System.nanoTime();
        clock = new io.github.bucket4j.TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now;
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        buckets.clear();
    }

    /** For tests: back to the system clock (and fresh buckets). */
    public void startTheClock() {
        clock = io.github.bucket4j.TimeMeter.SYSTEM_MILLISECONDS;
        buckets.clear();
    }

    /** For tests: forget every bucket. */
    public void reset() {
        buckets.clear();
    }
}
