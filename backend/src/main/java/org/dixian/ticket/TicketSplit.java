package org.dixian.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record TicketSplit(
        @NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason,
        @NotEmpty(message = "请至少拆出一项") @Size(max = 5, message = "最多拆出 5 项") List<@Valid @NotNull(message = "拆分事项不能为空") TicketSplitPart> parts) {
}
