package org.dixian.media;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.errors.FieldError;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;

/**
 * Photos and documents: uploaded by farmers and cadres (JPEG or PNG photos, PDF documents, decided by the bytes),
 * kept on disk with a photo's EXIF location and time, and attached afterwards by the feature that uses them (a
 * declaration, a home visit, a policy), inside that feature's transaction. The uploader always sees its uploads; once
 * attached, so do the case workers of the region, and whoever the record's {@link AttachmentOwner} lets read it.
 */
@ApplicationScoped
public class MediaService {
    /** Cadres who see the attached photos of their region. */
    static final Role[] REGION_READERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};
    static final String NOT_FOUND = "未找到该照片，或无权查看";
    static final String NOT_ATTACHABLE = "照片不存在、不是您上传的或已被使用";
    private static final Logger LOG = Logger.getLogger(MediaService.class);
    private static final int MAX_ATTACHED_TO = 100;
    private static final int MAX_FILE_NAME = 120;

    private final MediaRepository media;
    private final MediaStore store;
    private final Clock clock;
    private final Instance<AttachmentOwner> owners;
    private final long maxBytes;
    private final long maxPdfBytes;

    public MediaService(MediaRepository media, MediaStore store, Clock clock, @Any Instance<AttachmentOwner> owners,
                        @ConfigProperty(name = "dixian.media.max-bytes", defaultValue = "5242880") long maxBytes,
                        @ConfigProperty(name = "dixian.media.max-pdf-bytes", defaultValue = "10485760") long maxPdfBytes) {
        this.media = media;
        this.store = store;
        this.clock = clock;
        this.owners = owners;
        this.maxBytes = maxBytes;
        this.maxPdfBytes = maxPdfBytes;
    }

    /**
     * Stores an uploaded file of {@code size} bytes as the caller's photo or PDF (not attached to anything yet);
     * {@code fileName} is the name the uploader gave, kept without any path.
     */
    public Uni<Media> upload(Scope scope, Path file, long size, String fileName) {
        if (scope.role() == Role.API_CLIENT) {
            throw ApiException.forbidden("接入系统不能上传照片或文件");
        }
        if (file == null || size <= 0) {
            throw ApiException.invalid("file", "请选择要上传的照片或文件");
        }
        // Reading the upload (its type decides its size limit), parsing its EXIF and writing it into the store are
        // blocking file I/O.
        return OffLoop.run(() -> keep(file, size)).chain(kept -> Panache.withTransaction(() -> {
            MediaEntity e = new MediaEntity();
            e.ownerId = scope.accountId();
            e.contentType = kept.type().contentType();
            e.fileName = cleanFileName(fileName);
            e.size = size;
            e.sha256 = kept.sha256();
            e.latitude = kept.evidence().latitude();
            e.longitude = kept.evidence().longitude();
            e.takenAt = kept.evidence().takenAt();
            // As the database keeps it, so that the upload's answer and later reads agree.
            e.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            return media.persist(e);
        })).map(Media::of);
    }

    /**
     * The upload's type, name, size and EXIF evidence, for its uploader, a cadre of the region it is attached in, or a
     * reader of the publication it is attached to.
     */
    @WithSession
    public Uni<Media> info(Scope scope, long id) {
        return requireVisible(scope, id).map(Media::of);
    }

    /** The photo's bytes, for the same callers as {@link #info}. */
    public Uni<MediaFile> content(Scope scope, long id) {
        // The session (and its connection) is closed before the file is read.
        return Panache.withSession(() -> requireVisible(scope, id))
                .chain(e -> OffLoop.run(() -> store.read(e.sha256)).map(bytes -> {
                    if (bytes.isEmpty()) {
                        LOG.errorf("The file of photo %d (%s) is missing from %s", e.id, e.sha256, store.dir());
                        throw ApiException.notFound("照片文件已丢失，请重新上传");
                    }
                    return new MediaFile(e.contentType, e.fileName, e.sha256, bytes.get());
                }));
    }

    /**
     * Attaches the caller's photos to a record of another feature ({@code attachedTo}, e.g. "case:123") placed in
     * {@code regionCode}, inside the caller's current transaction. No-op for a null or empty list. Every id must be
     * the caller's own upload that is not attached yet, otherwise a 400 names {@code field}; the caller's
     * transaction then rolls back, which undoes any attachment already made.
     */
    public Uni<Void> attach(Scope scope, List<Long> ids, String regionCode, String attachedTo, String field) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!RegionCodes.isValid(regionCode) || attachedTo == null || attachedTo.isBlank()
                || attachedTo.length() > MAX_ATTACHED_TO) {
            throw new IllegalArgumentException("attach needs a 12-digit region code and a short key, got "
                    + regionCode + " / " + attachedTo);
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.invalid(field, NOT_ATTACHABLE);
        }
        return media.attach(ids, scope.accountId(), regionCode, attachedTo, OffsetDateTime.now(clock))
                .map(n -> {
                    if (n != ids.size()) {
                        throw ApiException.invalid(field, NOT_ATTACHABLE);
                    }
                    return null;
                });
    }

    /**
     * The check {@link #attach} makes, without attaching: for a caller that writes its record outside this session
     * first and attaches just after (a declaration's one-statement insert).
     */
    public Uni<Void> requireAttachable(Scope scope, List<Long> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.invalid(field, NOT_ATTACHABLE);
        }
        return media.countAttachable(ids, scope.accountId()).map(n -> {
            if (n != ids.size()) {
                throw ApiException.invalid(field, NOT_ATTACHABLE);
            }
            return null;
        });
    }

    /** The ids of the photos attached to {@code attachedTo}, in upload order; runs in the caller's session. */
    public Uni<List<Long>> attachedTo(String attachedTo) {
        return media.attachedTo(attachedTo).map(list -> list.stream().map(e -> e.id).toList());
    }

    private Uni<MediaEntity> requireVisible(Scope scope, long id) {
        return media.findVisible(scope, id, scope.hasRole(REGION_READERS))
                .chain(e -> e != null ? Uni.createFrom().item(e) : media.findById(id).chain(m -> readableAttachment(scope, m)))
                .onItem().ifNull().failWith(() -> ApiException.notFound(NOT_FOUND));
    }

    /** The medium when the owner of the record it is attached to lets the caller read it; null otherwise. */
    private Uni<MediaEntity> readableAttachment(Scope scope, MediaEntity m) {
        if (m == null || m.attachedTo == null) {
            return Uni.createFrom().nullItem();
        }
        int colon = m.attachedTo.indexOf(':');
        long recordId;
        try {
            recordId = Long.parseLong(m.attachedTo.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Uni.createFrom().nullItem();
        }
        String kind = colon < 0 ? "" : m.attachedTo.substring(0, colon);
        for (AttachmentOwner owner : owners) {
            if (owner.kind().equals(kind)) {
                return owner.mayReadAttachment(scope, recordId, m.id).map(ok -> ok ? m : null);
            }
        }
        return Uni.createFrom().nullItem();
    }

    /** An upload checked, read for evidence and stored. */
    private record Kept(UploadType type, String sha256, PhotoEvidence evidence) {
    }

    private Kept keep(Path file, long size) {
        try {
            UploadType type;
            try (InputStream in = Files.newInputStream(file)) {
                type = UploadType.detect(in.readNBytes(UploadType.SIGNATURE_BYTES));
            }
            if (type == null) {
                String msg = "只能上传 JPEG、PNG 格式的照片或 PDF 文件";
                throw new ApiException(415, "unsupported-media-type", "不支持的内容类型", msg,
                        List.of(new FieldError("file", msg)));
            }
            if (type.isImage() && size > maxBytes) {
                throw tooLarge("照片不能超过 " + readable(maxBytes));
            }
            if (type == UploadType.PDF && size > maxPdfBytes) {
                throw tooLarge("PDF 文件不能超过 " + readable(maxPdfBytes));
            }
            PhotoEvidence evidence = PhotoEvidence.NONE;
            if (type.isImage()) {
                try (InputStream in = Files.newInputStream(file)) {
                    evidence = PhotoEvidence.of(type, in);
                }
            }
            return new Kept(type, store.put(file), evidence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge(String msg) {
        return new ApiException(413, "payload-too-large", "文件过大", msg, List.of(new FieldError("file", msg)));
    }

    /** The last part of a path-like name without control characters or quotes, at most 120 characters; null when blank. */
    static String cleanFileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return null;
        }
        if (base.codePointCount(0, base.length()) > MAX_FILE_NAME) {
            // Keep the end, where the extension is.
            base = base.substring(base.offsetByCodePoints(base.length(), -MAX_FILE_NAME));
        }
        return base;
    }

    static String readable(long bytes) {
        long mb = 1024 * 1024;
        if (bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " 字节";
    }
}
