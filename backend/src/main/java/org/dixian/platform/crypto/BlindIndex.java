package org.dixian.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Keyed hash (HMAC-SHA256) of a normalised sensitive value, so exact-match search works on encrypted data. */
@ApplicationScoped
public class BlindIndex {
    private final SecretKeySpec key;

    public BlindIndex(@ConfigProperty(name = "dixian.crypto.index-key") String base64Key) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(base64Key.trim()), "HmacSHA256");
    }

    /** The index of a value within a kind ("phone", "idcard", ...), so equal values of different kinds differ. */
    public String of(String kind, String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((kind + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(normalise(value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String value) {
        return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
