package org.dixian.household;

import org.dixian.platform.errors.FieldError;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed code lists of member fields (kept structured for the analyses of seed 001 rather than free
 * text). Stored as text so that a list can grow without a migration.
 */
final class MemberCodes {
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "relation", Set.of("HEAD", "SPOUSE", "SON", "DAUGHTER", "DAUGHTER_IN_LAW", "SON_IN_LAW", "GRANDSON",
                    "GRANDDAUGHTER", "FATHER", "MOTHER", "SIBLING", "OTHER"),
            "health", Set.of("HEALTHY", "CHRONIC", "SERIOUS", "DISABLED"),
            "laborAbility", Set.of("NORMAL", "SKILLED", "PARTIAL", "NONE"),
            "workPlace", Set.of("NONE", "IN_TOWNSHIP", "IN_COUNTY", "IN_PROVINCE", "OUTSIDE_PROVINCE", "ABROAD"),
            "assistanceStatus", Set.of("NONE", "DIBAO", "TEKUN"));

    private MemberCodes() {
    }

    /** Adds an error for {@code field} (as named in the request) when {@code value} is not in list {@code list}. */
    static void check(List<FieldError> errors, String field, String value, String list) {
        if (value != null && !ALLOWED.get(list).contains(value)) {
            errors.add(new FieldError(field, "取值无效，可选值：" + String.join(", ", ALLOWED.get(list).stream().sorted().toList())));
        }
    }
}
