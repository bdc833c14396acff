package org.dixian.platform.security;

/** Who a user is in the work; {@link #level} is the administrative level the role belongs at (0 = any). */
public enum Role {
    PROVINCE_CADRE(1, "省级干部"),
    CITY_CADRE(2, "市级干部"),
    COUNTY_CADRE(3, "县级干部"),
    TOWNSHIP_CADRE(4, "乡镇干部"),
    VILLAGE_CADRE(5, "村干部"),
    INFO_OFFICER(5, "信息员"),
    RESIDENT_CADRE(5, "驻村干部"),
    ACCOUNT_MANAGER(0, "账号管理员"),
    FARMER(0, "农户"),
    API_CLIENT(0, "接入系统");

    private final int level;
    private final String label;

    Role(int level, String label) {
        this.level = level;
        this.label = label;
    }

    /** The level an account of this role must sit at, or 0 when it may sit at any level. */
    public int level() {
        return level;
    }

    public String label() {
        return label;
    }

    public boolean isCadre() {
        return this != FARMER && this != API_CLIENT;
    }

    /** Roles an account manager may create; farmers sign up through WeChat, clients are registered separately. */
    public boolean isStaff() {
        return isCadre();
    }
}
