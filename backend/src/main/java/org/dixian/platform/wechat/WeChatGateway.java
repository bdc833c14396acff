package org.dixian.platform.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
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

    private final WxMaService service;

    public WeChatGateway(@ConfigProperty(name = "dixian.wechat.appid") String appid,
                         @ConfigProperty(name = "dixian.wechat.secret") String secret,
                         @ConfigProperty(name = "dixian.wechat.api-base-url") String apiBaseUrl,
                         FakeWeChatServer fake) {
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
