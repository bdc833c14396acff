package org.dixian.platform.crypto;

/** How sensitive values appear in every response: enough to recognise, never enough to use. */
public final class Masking {
    private Masking() {
    }

    /** 张三 → 张*, 欧阳小明 → 欧***: the family name stays, enough for neighbours to recognise; null for none. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    /** 13812345678 → 138****5678 */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 410102199001011234 → 410102********1234 */
    public static String idCard(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() < 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** 6222021234567890123 → ****0123 */
    public static String bankAccount(String account) {
        if (account == null) {
            return null;
        }
        return "****" + account.substring(Math.max(0, account.length() - 4));
    }
}
