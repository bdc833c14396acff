package org.dixian.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of the application; tests replace it to move time. Its zone is China's
 * ({@code dixian.time-zone}, default Asia/Shanghai), whatever the server's own: "today" for a start date, a deadline
 * or an age is the date in Beijing, as for the people using the system.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @DefaultBean
    @jakarta.inject.Singleton
    Clock clock(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "dixian.time-zone", defaultValue = "Asia/Shanghai") String zone) {
        return Clock.system(java.time.ZoneId.of(zone));
    }
}
