package org.dixian.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewMember(
        @NotBlank(message = "请填写姓名") @Size(max = 20, message = "姓名最长 20 个字") String name,
        @NotBlank(message = "请填写身份证号码") String idNumber,
        @NotBlank(message = "请选择与户主关系") String relation,
        @Size(max = 20, message = "最长 20 个字") String ethnicity,
        @Size(max = 20, message = "最长 20 个字") String politicalStatus,
        @Size(max = 20, message = "最长 20 个字") String education,
        @Size(max = 20, message = "最长 20 个字") String schoolingStatus,
        String health,
        @Min(value = 1, message = "残疾等级为 1 到 4 级") @Max(value = 4, message = "残疾等级为 1 到 4 级") Integer disabilityGrade,
        String laborAbility,
        @Size(max = 20, message = "最长 20 个字") String workStatus,
        String workPlace,
        Boolean pensionInsured,
        Boolean medicalInsured,
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String phone,
        String assistanceStatus) {
}
