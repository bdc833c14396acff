package org.dixian.policy;

public record PolicyNotifyResult(long eligible, long notified, long alreadyNotified, long withoutAccount) {
}
