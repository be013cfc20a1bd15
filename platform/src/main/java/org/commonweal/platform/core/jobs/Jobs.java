package org.commonweal.platform.core.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Recurring background work, claimed through the database (db-scheduler), so that each run happens on one platform
 * instance however many share the database, and work whose time came while every instance was down runs at the next
 * start. Work is registered before {@link #start()}; a run that throws is logged and tried again at its next time.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private record Job(String name, Duration every, Runnable work) {
    }

    private final DataSource dataSource;
    private final Duration polling;
    private final List<Job> jobs = new ArrayList<>();
    private Scheduler scheduler;

    public Jobs(DataSource dataSource, Duration polling) {
        this.dataSource = dataSource;
        this.polling = polling;
    }

    /** Runs {@code work} every {@code every} (measured from the end of the last run), on one instance at a time. */
    public synchronized void every(String name, Duration every, Runnable work) {
        if (scheduler != null) throw new IllegalStateException("job " + name + " registered after the jobs started");
        if (jobs.stream().anyMatch(j -> j.name().equals(name))) throw new IllegalArgumentException("job " + name + " registered twice");
        jobs.add(new Job(name, every, work));
    }

    public synchronized void start() {
        if (scheduler != null || jobs.isEmpty()) return;
        List<RecurringTask<Void>> tasks = jobs.stream().map(j -> Tasks.recurring(j.name(), FixedDelay.of(j.every()))
                .execute((instance, context) -> run(j))).toList();
        scheduler = Scheduler.create(dataSource).startTasks(tasks).pollingInterval(polling).threads(Math.min(4, tasks.size()))
                .shutdownMaxWait(Duration.ofSeconds(10)).build();
        scheduler.start();
    }

    private static void run(Job job) {
        try {
            job.work().run();
        } catch (RuntimeException e) {
            LOG.warn("background job {} failed; it runs again in {}", job.name(), job.every(), e);
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) scheduler.stop();
        scheduler = null;
    }
}
