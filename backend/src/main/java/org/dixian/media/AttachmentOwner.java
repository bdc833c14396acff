package org.dixian.media;

import io.smallrye.mutiny.Uni;
import org.dixian.platform.security.Scope;

/**
 * A feature whose records carry attachments readable beyond the uploader and the region's cadres — a published
 * policy or notice is read by everyone it is sent to. The media feature asks the owner of the record a medium is
 * attached to ({@code <kind>:<id>}) whether the caller may read it, so the rule of who reads a publication stays in
 * the feature that publishes it.
 */
public interface AttachmentOwner {

    /** The prefix of the {@code attachedTo} keys this feature writes, e.g. "policy" for "policy:12". */
    String kind();

    /**
     * Whether the caller may read record {@code id} and {@code mediaId} is among its current attachments. Answers
     * false (never fails) for a record out of sight; runs in the caller's reactive session.
     */
    Uni<Boolean> mayReadAttachment(Scope scope, long id, long mediaId);
}
