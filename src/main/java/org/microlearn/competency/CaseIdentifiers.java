package org.microlearn.competency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifiers Microlearn derives rather than stores, so they come out the same on every export. */
public final class CaseIdentifiers {

    private CaseIdentifiers() {}

    /** A name-based UUID: the same name always gives the same identifier. */
    public static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(("microlearn:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
