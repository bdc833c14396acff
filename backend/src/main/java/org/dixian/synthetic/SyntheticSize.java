package org.dixian.synthetic;

import java.util.Locale;

/**
 * How much synthetic data to generate: which villages (a code prefix of table {@code region}) and how many
 * households in total, spread over those villages.
 */
public enum SyntheticSize {
    /** 500 households in the first three villages of 南彰镇 (兰考县), for tests. */
    TEST("410225102", 500, 3),
    /** Every village of 兰考县 (410225), about 20,000 households. */
    DEMO("410225", 20_000, Integer.MAX_VALUE),
    /** Every village of Henan, 2,000,000 households (≈ 7 million people, the top of the seeds' range). */
    PROVINCE("41", 2_000_000, Integer.MAX_VALUE);

    public final String prefix;
    public final int households;
    public final int maxVillages;

    SyntheticSize(String prefix, int households, int maxVillages) {
        this.prefix = prefix;
        this.households = households;
        this.maxVillages = maxVillages;
    }

    public static SyntheticSize parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }
}
