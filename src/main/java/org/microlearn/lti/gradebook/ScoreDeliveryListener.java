package org.microlearn.lti.gradebook;

import org.microlearn.shared.GradebookScoreChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes gradebook scores from the domain modules into the delivery outbox. Spring Modulith stores
 * the event with the publisher's transaction and calls this after commit, again after a restart
 * until it returns; the platform is called later by {@link ScoreDeliveryWorker}, so an LMS that
 * is down never holds up (or loses) an event.
 */
@Component
class ScoreDeliveryListener {

    private final ScoreDeliveries deliveries;

    ScoreDeliveryListener(ScoreDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener
    void on(GradebookScoreChanged score) {
        deliveries.record(score);
    }
}
