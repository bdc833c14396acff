package org.dixian.cases;

import java.util.List;

public record VillageNoticeBoard(String villageCode, String villageName, List<VillageNotice> notices) {
}
