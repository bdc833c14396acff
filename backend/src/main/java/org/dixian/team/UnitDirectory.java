package org.dixian.team;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Map;

/** Names of assistance units (帮扶单位) for resident teams; the unit registry provides it. */
public interface UnitDirectory {
    /** The names of the units that exist among {@code ids}; unknown ids are absent from the answer. */
    Uni<Map<Long, String>> names(Collection<Long> ids);
}
