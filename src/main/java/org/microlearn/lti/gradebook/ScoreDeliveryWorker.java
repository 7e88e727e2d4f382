package org.microlearn.lti.gradebook;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Sends due scores to the platforms. Each round claims a batch with a lease (so two workers, on
 * one node or several, never send the same delivery at once), then sends each platform's share
 * in order on one thread, outside any database transaction, each call spaced by the platform's
 * rate limit. Every outcome is written back to the delivery at once, so a crash loses at most
 * the sends in flight, which the next lease holder repeats (a score post is idempotent).
 */
@Component
class ScoreDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(ScoreDeliveryWorker.class);

    /** A round that keeps finding full batches yields the scheduler thread after this long. */
    private static final Duration MAX_ROUND_TIME = Duration.ofSeconds(30);

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

    @Scheduled(
            fixedDelayString = "${microlearn.lti.gradebook.poll-interval:PT2S}",
            initialDelayString = "${microlearn.lti.gradebook.poll-interval:PT2S}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        Instant stop = clock.instant().plus(MAX_ROUND_TIME);
        try {
            while (deliverDue() == properties.batchSize() && clock.instant().isBefore(stop)) {
                // a full batch: there may be more due right away
            }
        } catch (RuntimeException e) {
            // The database is away, or a bug: the rows stay PENDING (or leased until expiry).
            log.warn("Score delivery round failed; it will be tried again", e);
        }
    }

    /** One round: claims due deliveries and sends them. Returns how many it claimed. */
    int deliverDue() {
        return deliverDue(properties.batchSize());
    }

    int deliverDue(int batchSize) {
        String owner = node + "/" + UUID.randomUUID();
        Instant leaseEnd = clock.instant().plus(properties.lease());
        List<Delivery> batch = deliveries.claim(owner, batchSize, leaseEnd);
        Map<Long, List<Delivery>> byPlatform = new LinkedHashMap<>();
        batch.forEach(d -> byPlatform
                .computeIfAbsent(d.platformId(), id -> new ArrayList<>())
                .add(d));
        if (byPlatform.size() == 1) {
            byPlatform.forEach((platformId, rows) -> deliverToPlatform(platformId, rows, owner, leaseEnd));
        } else {
            List<Future<?>> running = new ArrayList<>();
            byPlatform.forEach((platformId, rows) ->
                    running.add(pool.submit(() -> deliverToPlatform(platformId, rows, owner, leaseEnd))));
            for (Future<?> future : running) {
                await(future);
            }
        }
        return batch.size();
    }

    private void deliverToPlatform(long platformId, List<Delivery> rows, String owner, Instant leaseEnd) {
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
                rows.subList(i, rows.size()).forEach(rest -> deliveries.retryLater(rest, at, false, null, null));
                return;
            }
            Instant retryAt = deliver(platform.get(), row, owner);
            if (retryAt != null) {
                // The platform is down or throttling: the rest of its batch waits with this one.
                rows.subList(i + 1, rows.size())
                        .forEach(rest -> deliveries.retryLater(rest, retryAt, false, null, null));
                return;
            }
        }
    }

    /** Sends one score and records the outcome; returns when to retry if the platform is unwell. */
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
        return at;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Score delivery for a platform failed", e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
