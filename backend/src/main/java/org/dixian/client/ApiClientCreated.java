package org.dixian.client;

public record ApiClientCreated(ApiClient client, String clientSecret) {
}
