package org.dixian.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dixian.platform.security.Role;

public record NewAccount(
        @NotBlank(message = "请填写姓名") @Size(max = 40, message = "姓名最长 40 个字") String name,
        @NotBlank(message = "请填写手机号") @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String phone,
        @NotBlank(message = "请填写区划代码") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        @NotNull(message = "请选择角色") Role role,
        @Size(max = 40, message = "职务最长 40 个字") String position) {
}
