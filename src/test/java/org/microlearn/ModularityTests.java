package org.microlearn;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApi() {
        ApplicationModules.of(MicrolearnApplication.class).verify();
    }
}
