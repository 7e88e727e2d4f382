package org.microlearn.lti.gradebook;

/** A score that cannot be sent until something changes on our side (a launch, a registration). */
class Undeliverable extends RuntimeException {

    Undeliverable(String message) {
        super(message, null, false, false);
    }
}
