package org.dixian.policy;

import jakarta.validation.constraints.Pattern;

public record PolicyNotifyRequest(@Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String region) {
}
