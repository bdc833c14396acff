package org.dixian.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewDepartment(
        @NotBlank(message = "请填写部门名称") @Size(max = 40, message = "部门名称最长 40 个字") String name,
        @NotNull(message = "请选择部门类别") DepartmentKind kind,
        @NotBlank(message = "请选择部门所属区划") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        @Pattern(regexp = "^[0-9-]{7,20}$", message = "办公电话应为 7 至 20 位数字或短横线") String contactPhone,
        @Size(max = 64, message = "接入系统编号最长 64 个字符") String clientId) {
}
