package org.dixian.notice;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.media.AttachmentOwner;
import org.dixian.platform.security.Scope;

/** The attachments of a notice ("notice:<id>") are read by whoever reads the notice. */
@ApplicationScoped
public class NoticeAttachments implements AttachmentOwner {
    private final NoticeService notices;

    public NoticeAttachments(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public String kind() {
        return "notice";
    }

    @Override
    public Uni<Boolean> mayReadAttachment(Scope scope, long id, long mediaId) {
        return notices.attachmentReadable(scope, id, mediaId);
    }
}
