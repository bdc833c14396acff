package org.dixian.region;

/** A region as the API shows it; level 1 province … 5 village. */
public record Region(String code, String name, int level, String parentCode) {
}
