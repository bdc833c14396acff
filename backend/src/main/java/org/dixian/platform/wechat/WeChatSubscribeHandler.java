package org.dixian.platform.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.outbox.OutboxHandler;
import org.dixian.platform.outbox.PermanentFailure;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Sends the outbox's subscribe messages through WeChat. A user who has not subscribed (43101) is not an error
 * to retry: the message counts as delivered and the refusal is logged. Errors that retrying cannot fix (bad
 * openid, template, page or fields) give the message up at once; anything else is retried with backoff.
 */
@ApplicationScoped
public class WeChatSubscribeHandler implements OutboxHandler {
    public static final String TOPIC = "wechat.subscribe";
    private static final Logger LOG = Logger.getLogger(WeChatSubscribeHandler.class);
    /** 40003 invalid openid, 40037 invalid template, 41030 invalid page, 47003 invalid template fields. */
    private static final Set<Integer> PERMANENT = Set.of(40003, 40037, 41030, 47003);

    private final WeChatGateway gateway;
    private final ObjectMapper json;

    public WeChatSubscribeHandler(WeChatGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Uni<Void> deliver(JsonNode payload) {
        SubscribeMessage message;
        try {
            message = json.treeToValue(payload, SubscribeMessage.class);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("not a subscribe message", e);
        }
        if (message.openid() == null || message.templateId() == null) {
            throw new PermanentFailure("subscribe message without openid or template");
        }
        return gateway.sendSubscribe(message)
                .invoke(outcome -> {
                    if (outcome == WeChatGateway.SubscribeOutcome.REFUSED) {
                        LOG.infof("subscribe message not received: %s has not subscribed to template %s (43101)",
                                masked(message.openid()), message.templateId());
                    }
                })
                .onFailure(WeChatException.class).transform(e -> PERMANENT.contains(((WeChatException) e).code())
                        ? new PermanentFailure(e.getMessage(), e) : e)
                .replaceWithVoid();
    }

    private static String masked(String openid) {
        return openid.length() <= 8 ? "****" : openid.substring(0, 4) + "****" + openid.substring(openid.length() - 4);
    }
}
