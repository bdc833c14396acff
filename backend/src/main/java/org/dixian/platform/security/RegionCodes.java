package org.dixian.platform.security;

import java.util.regex.Pattern;

/**
 * Arithmetic on 12-digit statistical division codes: province = 2 digits, city = 4, county = 6,
 * township = 9, village = 12; the rest is zero-padded. Scope checks are prefix checks on these.
 */
public final class RegionCodes {
    private static final Pattern CODE = Pattern.compile("^[0-9]{12}$");
    private static final int[] DIGITS = {0, 2, 4, 6, 9, 12};

    private RegionCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches() && !code.startsWith("00");
    }

    /** 1 province … 5 village, derived from which digits are zero. */
    public static int level(String code) {
        if (code.endsWith("0000000000")) {
            return 1;
        }
        if (code.endsWith("00000000")) {
            return 2;
        }
        if (code.endsWith("000000")) {
            return 3;
        }
        if (code.endsWith("000")) {
            return 4;
        }
        return 5;
    }

    /** The significant digits of a code at its own level: "410225101000" → "410225101". */
    public static String prefix(String code) {
        return code.substring(0, DIGITS[level(code)]);
    }

    /** Whether {@code code} lies in the region {@code ancestor} (a region covers itself). */
    public static boolean covers(String ancestor, String code) {
        return code != null && ancestor != null && code.startsWith(prefix(ancestor));
    }

    /** The code of the enclosing region one level up, or null for a province. */
    public static String parent(String code) {
        int level = level(code);
        if (level == 1) {
            return null;
        }
        return pad(code.substring(0, DIGITS[level - 1]));
    }

    /** The region's own code and those of every region above it, province first. */
    public static java.util.List<String> path(String code) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int level = 1; level <= level(code); level++) {
            out.add(ancestorAt(code, level));
        }
        return out;
    }

    /** The code of the enclosing region at {@code level} (≤ the code's own level). */
    public static String ancestorAt(String code, int level) {
        return pad(code.substring(0, DIGITS[level]));
    }

    /**
     * Everything under {@code code} as a half-open range of codes [from, to): "410225000000" →
     * ["410225000000", "410226000000"). Unlike LIKE with a bound pattern, a range keeps using a plain
     * btree index in generic (prepared) plans.
     */
    public static String[] range(String code) {
        String p = prefix(code);
        String next = new java.math.BigInteger(p).add(java.math.BigInteger.ONE).toString();
        String upper = next.length() > p.length() ? "999999999999~" : pad(String.format("%0" + p.length() + "d", new java.math.BigInteger(next)));
        return new String[] {pad(p), upper};
    }

    public static String pad(String digits) {
        return (digits + "000000000000").substring(0, 12);
    }
}
