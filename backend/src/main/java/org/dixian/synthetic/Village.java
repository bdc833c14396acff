package org.dixian.synthetic;

/** A real village (region level 5) with the name of its township, as read from table {@code region}. */
public record Village(String code, String name, String townshipName) {
    public String countyArea() {
        return code.substring(0, 6);
    }

    public String townshipCode() {
        return code.substring(0, 9);
    }
}
