package org.dixian.platform.wechat;

import java.util.Map;

/**
 * A subscribe message (订阅消息) for one user: the template, the mini-program page it opens (null for none)
 * and the template's fields by key (e.g. {@code thing1}), each already within WeChat's limits for its kind.
 * Also the outbox payload of topic {@link WeChatSubscribeHandler#TOPIC}.
 */
public record SubscribeMessage(String openid, String templateId, String page, Map<String, String> data) {
}
