package org.dixian.household;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A helper as shown: the phone masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Helper(long id, String name, String unit, String position, String phone, String regionCode, String regionName) {
}
