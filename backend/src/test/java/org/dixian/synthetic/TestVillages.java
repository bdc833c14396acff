package org.dixian.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Real villages under a code prefix, read from the shipped region seed (no database needed). */
final class TestVillages {
    private TestVillages() {
    }

    static List<Village> under(String prefix) {
        Map<String, String> names = new HashMap<>();
        List<String> villages = new ArrayList<>();
        try (InputStream in = TestVillages.class.getClassLoader().getResourceAsStream("regions/regions.tsv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String code = line.substring(0, 12);
                if (code.startsWith(prefix)) {
                    names.put(code, line.substring(13));
                    if (!code.endsWith("000")) {
                        villages.add(code);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return villages.stream().sorted()
                .map(c -> new Village(c, names.get(c), names.get(c.substring(0, 9) + "000"))).toList();
    }
}
