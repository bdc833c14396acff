package org.dixian.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one clock of the application; tests replace it to move time. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @DefaultBean
    @jakarta.inject.Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
