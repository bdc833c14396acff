package org.dixian.platform.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import me.chanjar.weixin.common.error.WxErrorException;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.errors.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.Callable;

/**
 * The only door to WeChat's server API (WxJava). WxJava blocks on HTTP, so every call runs on the worker
 * pool, never on the event loop. WeChat's error codes become problem answers here.
 */
@ApplicationScoped
public class WeChatGateway {
    private static final Logger LOG = Logger.getLogger(WeChatGateway.class);

    /** What jscode2session tells us; the session key never leaves the server. */
    public record Session(String openid, String unionid) {
    }

    /** What became of a subscribe message: sent, or refused because the user has not subscribed (43101). */
    public enum SubscribeOutcome { SENT, REFUSED }

    /** WeChat's answer when the user has not subscribed to the template (or used up the subscription). */
    static final int NOT_SUBSCRIBED = 43101;

    private final WxMaService service;
    private final String miniprogramState;

    public WeChatGateway(@ConfigProperty(name = "dixian.wechat.appid") String appid,
                         @ConfigProperty(name = "dixian.wechat.secret") String secret,
                         @ConfigProperty(name = "dixian.wechat.api-base-url") String apiBaseUrl,
                         @ConfigProperty(name = "dixian.wechat.miniprogram-state", defaultValue = "formal") String miniprogramState,
                         FakeWeChatServer fake) {
        this.miniprogramState = miniprogramState;
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(appid);
        config.setSecret(secret);
        config.setApiHostUrl(fake.enabled() ? fake.baseUrl() : apiBaseUrl);
        this.service = new WxMaServiceImpl();
        this.service.setWxMaConfig(config);
    }

    /** Exchanges a wx.login code for the user's openid (and unionid when the app has one). */
    public Uni<Session> session(String code) {
        return blocking(() -> {
            WxMaJscode2SessionResult r = service.getUserService().getSessionInfo(code);
            return new Session(r.getOpenid(), r.getUnionid());
        });
    }

    /** Exchanges a getPhoneNumber code for the user's phone number (without country code). */
    public Uni<String> phoneNumber(String code) {
        return blocking(() -> {
            WxMaPhoneNumberInfo info = service.getUserService().getPhoneNoInfo(code);
            return info.getPurePhoneNumber() != null ? info.getPurePhoneNumber() : info.getPhoneNumber();
        });
    }

    /**
     * Sends a subscribe message (订阅消息). Not a request of the user's: failures are not problem answers but a
     * {@link WeChatException} with WeChat's code, or the I/O failure itself, for the caller (the outbox) to retry.
     */
    public Uni<SubscribeOutcome> sendSubscribe(SubscribeMessage message) {
        WxMaSubscribeMessage m = new WxMaSubscribeMessage();
        m.setToUser(message.openid());
        m.setTemplateId(message.templateId());
        m.setPage(message.page());
        m.setMiniprogramState(miniprogramState);
        m.setLang("zh_CN");
        if (message.data() != null) {
            message.data().forEach((key, value) -> m.addData(new WxMaSubscribeMessage.MsgData(key, value)));
        }
        // WxJava uses blocking HTTP: keep it off the event loop.
        return OffLoop.run(() -> {
            try {
                service.getMsgService().sendSubscribeMsg(m);
                return SubscribeOutcome.SENT;
            } catch (WxErrorException e) {
                int code = e.getError() != null ? e.getError().getErrorCode() : -1;
                if (code == NOT_SUBSCRIBED) {
                    return SubscribeOutcome.REFUSED;
                }
                throw new WeChatException(code, e.getError() != null ? e.getError().getErrorMsg() : e.getMessage());
            }
        });
    }

    private static <T> Uni<T> blocking(Callable<T> call) {
        // WxJava uses blocking HTTP: keep it off the event loop.
        return OffLoop.run(() -> {
                    try {
                        return call.call();
                    } catch (WxErrorException e) {
                        throw translate(e);
                    } catch (ApiException e) {
                        throw e;
                    } catch (Exception e) {
                        LOG.warn("WeChat call failed", e);
                        throw ApiException.upstream("微信服务暂不可用，请稍后再试");
                    }
        });
    }

    static ApiException translate(WxErrorException e) {
        int code = e.getError() != null ? e.getError().getErrorCode() : -1;
        return switch (code) {
            case 40029, 40163 -> ApiException.unauthorized("微信登录凭证无效或已使用，请重新登录");
            case 45011 -> ApiException.tooManyRequests("登录过于频繁，请稍后再试");
            case 40226 -> ApiException.forbidden("微信判定当前账号存在风险，暂时无法登录");
            default -> {
                LOG.warnf("WeChat error %d: %s", code, e.getError() != null ? e.getError().getErrorMsg() : e.getMessage());
                yield ApiException.upstream("微信服务暂不可用，请稍后再试");
            }
        };
    }
}
