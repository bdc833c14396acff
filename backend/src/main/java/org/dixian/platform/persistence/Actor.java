package org.dixian.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

/**
 * Who did something, as every append-only record keeps it (columns actor_id, actor_role, actor_region): the
 * account (or client), its role and its region at the time. All three null for the system and the public.
 */
@Embeddable
public class Actor {
    @Column(name = "actor_id")
    public Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public Role role;
    @Column(name = "actor_region", columnDefinition = "bpchar")
    public String region;

    public static Actor of(Scope scope) {
        Actor a = new Actor();
        a.id = scope.actorId();
        a.role = scope.role();
        a.region = scope.regionCode();
        return a;
    }
}
