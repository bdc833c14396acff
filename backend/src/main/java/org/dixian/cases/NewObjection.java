package org.dixian.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An objection to a public notice; the contact is optional. */
public record NewObjection(
        @NotBlank(message = "请填写异议内容") @Size(max = 500, message = "异议内容最长 500 个字") String content,
        @Size(max = 20, message = "姓名最长 20 个字") String contactName,
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String contactPhone) {
}
