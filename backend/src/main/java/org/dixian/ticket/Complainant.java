package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The complainant in full, for the accepting and handling cadres (each reveal is logged). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Complainant(String name, String phone) {
}
