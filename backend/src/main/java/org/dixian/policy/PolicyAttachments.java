package org.dixian.policy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.media.AttachmentOwner;
import org.dixian.platform.security.Scope;

/** The attachments of a policy ("policy:<id>") are read by whoever reads the policy. */
@ApplicationScoped
public class PolicyAttachments implements AttachmentOwner {
    private final PolicyService policies;

    public PolicyAttachments(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public String kind() {
        return "policy";
    }

    @Override
    public Uni<Boolean> mayReadAttachment(Scope scope, long id, long mediaId) {
        return policies.attachmentReadable(scope, id, mediaId);
    }
}
