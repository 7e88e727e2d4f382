package org.microlearn.lti.gradebook;

import java.util.concurrent.ThreadLocalRandom;
import org.microlearn.shared.GradebookScoreChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Takes gradebook scores from the domain modules into the delivery outbox. Spring Modulith stores
 * the event with the publisher's transaction and calls this after commit, again after a restart
 * until it returns; the platform is called later by {@link ScoreDeliveryWorker}, so an LMS that
 * is down never holds up (or loses) an event.
 *
 * <p>No surrounding transaction ({@code NOT_SUPPORTED}): each try of {@link ScoreDeliveries#record}
 * has its own, so a deadlock among concurrent listeners (which rolls back the whole
 * transaction) is tried again here at once rather than only after the next restart.
 */
@Component
class ScoreDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(ScoreDeliveryListener.class);
    private static final int TRIES = 5;

    private final ScoreDeliveries deliveries;

    ScoreDeliveryListener(ScoreDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(GradebookScoreChanged score) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                deliveries.record(score);
                return;
            } catch (TransientDataAccessException e) {
                if (attempt == TRIES) {
                    throw e; // the publication stays incomplete; Modulith resubmits it at restart
                }
                log.debug("Recording a gradebook score hit {}; trying again", e.getMessage());
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50L * attempt));
            }
        }
    }
}
