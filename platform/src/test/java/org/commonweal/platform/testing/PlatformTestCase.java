package org.commonweal.platform.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that go through HTTP: one running platform per test class over a database of its own
 * (with the demo data), and fresh rate-limit buckets before each test so tests cannot throttle each other.
 */
public abstract class PlatformTestCase {
    protected static TestApp app;

    @BeforeAll
    static void startPlatform() {
        app = TestApp.start();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        app.close();
    }

    @BeforeEach
    void resetRateLimits() {
        app.platform.limiter.reset();
    }
}
