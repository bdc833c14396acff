package org.dixian.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Spreads the target number of households over the villages (deterministically from the seed) and cuts the
 * work into one chunk per township. Chunks are independent: each has its own random stream, its own range of
 * household ids and its own slice of ID-number sequences, so they can be generated in parallel and still
 * give the same output for the same seed.
 */
public record SyntheticPlan(long seed, int households, List<Chunk> chunks) {

    /** Sequences per (county, birth date, gender): odd 1..999 for men, even 0..998 for women. */
    static final int SEQUENCES_PER_GENDER = 500;

    /**
     * A township's villages with their household counts; {@code firstIndex} is the 0-based position of its
     * first household in the whole plan; ID sequences {@code slotBase .. slotBase + slotSize - 1} are its own.
     */
    public record Chunk(String townshipCode, List<Village> villages, int[] counts, long firstIndex,
                        int slotBase, int slotSize, long seed) {
        public int households() {
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            return n;
        }
    }

    /** Villages must be ordered by code (as read from the region table). */
    public static SyntheticPlan of(List<Village> villages, int households, long seed) {
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("no villages to place households in");
        }
        // Village sizes vary (0.4–1.6 × the mean), the total is exact: cumulative rounding.
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] weight = new double[villages.size()];
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            weight[i] = 0.4 + 1.2 * rnd.nextDouble();
            total += weight[i];
        }
        int[] counts = new int[villages.size()];
        double cumulative = 0;
        long placed = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += weight[i];
            long upTo = Math.round(households * cumulative / total);
            counts[i] = (int) (upTo - placed);
            placed = upTo;
        }

        Map<String, List<Integer>> byTownship = new LinkedHashMap<>();
        for (int i = 0; i < villages.size(); i++) {
            byTownship.computeIfAbsent(villages.get(i).townshipCode(), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> townshipsPerCounty = new LinkedHashMap<>();
        for (String t : byTownship.keySet()) {
            townshipsPerCounty.merge(t.substring(0, 6), 1, Integer::sum);
        }
        List<Chunk> chunks = new ArrayList<>(byTownship.size());
        Map<String, Integer> ordinal = new LinkedHashMap<>();
        long index = 0;
        for (Map.Entry<String, List<Integer>> e : byTownship.entrySet()) {
            String county = e.getKey().substring(0, 6);
            int slotSize = Math.max(1, SEQUENCES_PER_GENDER / townshipsPerCounty.get(county));
            int t = ordinal.merge(county, 1, Integer::sum) - 1;
            List<Village> vs = new ArrayList<>();
            int[] cs = new int[e.getValue().size()];
            int n = 0;
            for (int k = 0; k < cs.length; k++) {
                int i = e.getValue().get(k);
                vs.add(villages.get(i));
                cs[k] = counts[i];
                n += counts[i];
            }
            chunks.add(new Chunk(e.getKey(), List.copyOf(vs), cs, index, t * slotSize, slotSize,
                    mix(seed, Long.parseLong(e.getKey()))));
            index += n;
        }
        return new SyntheticPlan(seed, households, List.copyOf(chunks));
    }

    /** SplitMix64 finaliser of the two values, so neighbouring township codes get unrelated streams. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
