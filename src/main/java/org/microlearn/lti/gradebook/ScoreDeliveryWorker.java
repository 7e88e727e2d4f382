package org.microlearn.lti.gradebook;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.services.AgsClient;
import org.microlearn.lti.services.AgsEndpoint;
import org.microlearn.lti.services.PlatformCallException;
import org.microlearn.lti.services.PlatformRateLimiter;
import org.microlearn.lti.services.Score;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due scores to the platforms. Each platform is served by one thread at a time on a node;
 * it claims a batch with a lease (so two workers, on one node or several, never send the same
 * delivery at once), then sends it in order, outside any database transaction, each call spaced
 * by the platform's rate limit. Every outcome is written back to the delivery at once, so a crash loses at most
 * the sends in flight, which the next lease holder repeats (a score post is idempotent).
 */
@Component
class ScoreDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(ScoreDeliveryWorker.class);

    /** A platform's thread that keeps finding full batches makes way for queued platforms after this. */
    private static final Duration MAX_DRAIN_TIME = Duration.ofSeconds(30);

    private final ScoreDeliveries deliveries;
    private final LineItemDirectory lineItems;
    private final AgsClient ags;
    private final PlatformRegistrations platforms;
    private final PlatformRateLimiter limiter;
    private final GradebookProperties properties;
    private final Clock clock;
    private final Backoff backoff;
    private final ExecutorService pool;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final Set<Long> serving = ConcurrentHashMap.newKeySet();

    ScoreDeliveryWorker(
            ScoreDeliveries deliveries,
            LineItemDirectory lineItems,
            AgsClient ags,
            PlatformRegistrations platforms,
            PlatformRateLimiter limiter,
            GradebookProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.lineItems = lineItems;
        this.ags = ags;
        this.platforms = platforms;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
        this.backoff = new Backoff(properties.backoffBase(), properties.backoffMax());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.threads(), runnable -> {
            Thread thread = new Thread(runnable, "score-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Hands every platform with due deliveries to a pool thread, unless this node is already
     * serving it: one thread per platform keeps its calls sequential, and a platform with a large
     * backlog (or a slow rate limit) never holds up the others.
     */
    @Scheduled(
            fixedDelayString = "${microlearn.lti.gradebook.poll-interval:PT2S}",
            initialDelayString = "${microlearn.lti.gradebook.poll-interval:PT2S}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            for (long platformId : deliveries.duePlatforms()) {
                if (serving.add(platformId)) {
                    pool.execute(() -> drain(platformId));
                }
            }
        } catch (RuntimeException e) {
            // The database is away: the rows stay PENDING; the next poll tries again.
            log.warn("Could not look for due score deliveries", e);
        }
    }

    private void drain(long platformId) {
        try {
            Instant stop = clock.instant().plus(MAX_DRAIN_TIME);
            while (deliverDue(platformId, properties.batchSize()) == properties.batchSize()
                    && clock.instant().isBefore(stop)) {
                // a full batch: there may be more due right away
            }
        } catch (RuntimeException e) {
            // A bug or the database: claimed rows come back when their lease runs out.
            log.warn("Score delivery to platform {} failed; it will be tried again", platformId, e);
        } finally {
            serving.remove(platformId);
        }
    }

    /** One synchronous round over every platform with due deliveries; returns how many it claimed. */
    int deliverDue(int batchSize) {
        int claimed = 0;
        for (long platformId : deliveries.duePlatforms()) {
            claimed += deliverDue(platformId, batchSize);
        }
        return claimed;
    }

    /** Claims up to {@code batchSize} of the platform's due deliveries and sends them. */
    int deliverDue(long platformId, int batchSize) {
        String owner = node + "/" + UUID.randomUUID();
        Instant leaseEnd = clock.instant().plus(properties.lease());
        List<Delivery> batch = deliveries.claim(owner, platformId, batchSize, leaseEnd);
        if (!batch.isEmpty()) {
            deliverToPlatform(platformId, batch, leaseEnd);
        }
        return batch.size();
    }

    private void deliverToPlatform(long platformId, List<Delivery> rows, Instant leaseEnd) {
        Optional<Platform> platform = platforms.find(platformId);
        if (platform.isEmpty()) {
            rows.forEach(row -> deliveries.failed(row, null, "The platform registration " + platformId + " is gone."));
            return;
        }
        // Stop sending before the lease runs out: after that another worker may take the rows.
        Instant sendUntil = leaseEnd.minus(properties.lease().dividedBy(5));
        for (int i = 0; i < rows.size(); i++) {
            Delivery row = rows.get(i);
            Instant pausedUntil = limiter.pausedUntil(platformId);
            if (clock.instant().isAfter(sendUntil)
                    || pausedUntil.isAfter(clock.instant().plusSeconds(1))) {
                Instant at = pausedUntil.isAfter(clock.instant()) ? pausedUntil : clock.instant();
                deliveries.release(rows.subList(i, rows.size()), at);
                return;
            }
            Instant retryAt = deliver(platform.get(), row, row.leaseOwner());
            if (retryAt != null) {
                deliveries.release(rows.subList(i + 1, rows.size()), retryAt);
                return;
            }
        }
    }

    /**
     * Sends one score and records the outcome; returns when the platform may be called again if
     * it is unwell as a whole (then the rest of its batch waits), else null.
     */
    private Instant deliver(Platform platform, Delivery delivery, String owner) {
        LineItemDirectory.Found fromDirectory = null;
        try {
            AgsEndpoint endpoint = AgsEndpoint.of(delivery.lineItemsUrl(), delivery.agsScopes());
            String lineItemUrl = delivery.linkLineItemUrl();
            if (delivery.userId() == null) {
                throw new Undeliverable("Educator " + delivery.educatorId() + " has no LTI user id at the platform.");
            }
            if (lineItemUrl == null) {
                if (delivery.lineItemsUrl() == null) {
                    throw new Undeliverable("The course's launches carried no Assignment and Grade Services endpoint:"
                            + " enable grade sync (AGS) for Microlearn in the LMS, then launch and retry.");
                }
                fromDirectory = lineItems.lineItemUrl(platform, endpoint, delivery, owner);
                lineItemUrl = fromDirectory.url();
            }
            if (!endpoint.scopes().isEmpty() && !endpoint.grants(LtiClaims.SCOPE_SCORE)) {
                throw new Undeliverable("The platform did not grant the AGS score scope to Microlearn.");
            }
            Instant timestamp = delivery.timestampToSend();
            int status = ags.postScore(
                    platform,
                    endpoint,
                    lineItemUrl,
                    new Score(
                            delivery.userId(),
                            delivery.scoreGiven(),
                            delivery.scoreMaximum(),
                            delivery.comment(),
                            timestamp,
                            delivery.activityProgress(),
                            delivery.gradingProgress(),
                            delivery.startedAt(),
                            delivery.submittedAt()),
                    delivery.isCanvas());
            deliveries.delivered(delivery, timestamp, status);
            return null;
        } catch (PlatformCallException e) {
            return failed(delivery, e, fromDirectory);
        } catch (LineItemPending e) {
            deliveries.retryLater(delivery, clock.instant().plus(backoff.after(1)), false, null, null);
            return null;
        } catch (Undeliverable e) {
            deliveries.failed(delivery, null, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // Not the platform's status: e.g. an answer we could not read. Retried with backoff.
            log.warn("Score delivery {} failed unexpectedly", delivery.id(), e);
            Instant at = clock.instant().plus(backoff.after(delivery.attempts() + 1));
            deliveries.retryLater(delivery, at, true, null, e.toString());
            return null;
        }
    }

    private Instant failed(Delivery delivery, PlatformCallException e, LineItemDirectory.Found fromDirectory) {
        String answer = (e.tokenRequest() ? "Token request: " : "") + e.getMessage();
        if (e.status() == 404 && fromDirectory != null && delivery.attempts() < 3) {
            // The column was deleted in the gradebook: find or create it again.
            lineItems.forget(delivery, fromDirectory.url());
            deliveries.retryLater(delivery, clock.instant(), true, e.status(), answer);
            return null;
        }
        if (!e.isRetryable()) {
            deliveries.failed(delivery, e.status(), answer);
            return null;
        }
        Instant at = clock.instant().plus(backoff.after(delivery.attempts() + 1, e.retryAfter()));
        deliveries.retryLater(delivery, at, true, e.status(), answer);
        // No answer, throttling, unavailable or no token: the platform as a whole is unwell, so
        // the rest of its batch waits too. A lone 500 may be this request's; the next goes on.
        boolean platformUnwell = e.status() == 0 || e.status() == 429 || e.status() == 503 || e.tokenRequest();
        return platformUnwell ? at : null;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
