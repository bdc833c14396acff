package org.dixian.platform.wechat;

/** An error answer of WeChat's server API (errcode and errmsg) for calls made outside a request. */
public class WeChatException extends RuntimeException {
    private final int code;

    public WeChatException(int code, String message) {
        super("WeChat error " + code + ": " + message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
