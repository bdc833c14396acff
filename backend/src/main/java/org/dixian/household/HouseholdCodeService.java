package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.qr.QrImages;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 一户一码 and the village code. A household code is "H<id>-<random>-<signature>", signed with the keyed hash
 * and stored, so it can be revoked (replaced); a village code "V<12 digits>-<signature>" is public and
 * permanent, for farmers who are not registered yet.
 */
@ApplicationScoped
public class HouseholdCodeService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int QR_SIZE = 360;

    private final HouseholdCodeRepository codes;
    private final HouseholdRepository households;
    private final HouseholdEventRepository events;
    private final RegionService regions;
    private final BlindIndex signer;
    private final String publicUrl;
    private final Clock clock;

    public HouseholdCodeService(HouseholdCodeRepository codes, HouseholdRepository households, HouseholdEventRepository events,
                                RegionService regions, BlindIndex signer,
                                @ConfigProperty(name = "dixian.public-url") String publicUrl, Clock clock) {
        this.codes = codes;
        this.households = households;
        this.events = events;
        this.regions = regions;
        this.signer = signer;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** The household's QR image (PNG); the code is created on first use. */
    @WithTransaction
    public Uni<byte[]> householdQr(Scope scope, long id) {
        requireCadre(scope);
        return households.requireVisible(scope, id).chain(h -> codes.findById(h.id).chain(existing -> existing != null
                ? Uni.createFrom().item(existing) : codes.persist(newCode(h.id, scope))))
                .chain(c -> QrImages.png(link(c.code), QR_SIZE));
    }

    /** Replaces the household's code: an old printed code stops working. */
    @WithTransaction
    public Uni<Void> revoke(Scope scope, long id, String reason) {
        scope.requireRole(HouseholdService.EDITORS);
        return households.requireVisible(scope, id).chain(h -> codes.findById(h.id).chain(existing -> {
            Uni<Void> removed = existing == null ? Uni.createFrom().voidItem()
                    : codes.delete(existing).chain(() -> codes.flush());
            return removed.chain(() -> codes.persist(newCode(h.id, scope)))
                    .chain(() -> events.append(h.id, null, "CODE_REVOKED", scope, reason.trim(), List.of()))
                    .replaceWithVoid();
        }));
    }

    /** The village's QR image (PNG): anyone may print it. */
    public Uni<byte[]> villageQr(Scope scope, String villageCode) {
        if (!RegionCodes.isValid(villageCode) || RegionCodes.level(villageCode) != 5) {
            throw ApiException.invalid("code", "请提供村（社区）一级的 12 位区划代码");
        }
        requireCadre(scope);
        scope.requireCovers(villageCode);
        String payload = "V" + villageCode;
        return QrImages.png(link(payload + "-" + sign(payload)), QR_SIZE);
    }

    /** What a scanned code opens for this caller. */
    @WithSession
    public Uni<QrTarget> resolve(Scope scope, String code) {
        String[] parts = code == null ? new String[0] : code.split("-");
        if (parts.length == 2 && parts[0].matches("^V[0-9]{12}$") && sign(parts[0]).equals(parts[1])) {
            String village = parts[0].substring(1);
            return regions.find(village).map(r -> {
                if (r == null) {
                    throw invalidCode();
                }
                return new QrTarget("VILLAGE", null, r.code(), r.name());
            });
        }
        if (parts.length != 3 || !parts[0].matches("^H[0-9]+$") || !sign(parts[0] + "-" + parts[1]).equals(parts[2])) {
            throw invalidCode();
        }
        return codes.byCode(code).chain(c -> {
            if (c == null) {
                throw ApiException.notFound("二维码已失效，请向村干部索取新码");
            }
            return households.findById(c.householdId).chain(h -> {
                if (h == null || h.deleted) {
                    throw invalidCode();
                }
                if (scope.role() == Role.FARMER) {
                    Long own = h.id.equals(scope.householdId()) ? h.id : null;
                    return regions.find(h.regionCode).map(r -> new QrTarget("DECLARE", own, h.regionCode, r.name()));
                }
                requireCadre(scope);
                scope.requireCovers(h.regionCode);
                return regions.find(h.regionCode).map(r -> new QrTarget("HOUSEHOLD", h.id, h.regionCode, r.name()));
            });
        });
    }


    private HouseholdCodeEntity newCode(long householdId, Scope scope) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String payload = "H" + householdId + "-" + random;
        HouseholdCodeEntity c = new HouseholdCodeEntity();
        c.householdId = householdId;
        c.code = payload + "-" + sign(payload);
        c.createdAt = OffsetDateTime.now(clock);
        c.createdBy = scope.actorId();
        return c;
    }

    private String sign(String payload) {
        return signer.of("qr", payload).substring(0, 16);
    }

    /** The link inside the QR: the H5 scan page (a WeChat "普通链接二维码" rule maps it to the mini-program). */
    private String link(String code) {
        return publicUrl + "/#/pages/scan/index?c=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    private static void requireCadre(Scope scope) {
        if (!scope.isCadre() || scope.role() == Role.ACCOUNT_MANAGER) {
            throw ApiException.forbidden("当前角色无权使用农户二维码");
        }
    }

    private static ApiException invalidCode() {
        return ApiException.notFound("无法识别的二维码");
    }
}
