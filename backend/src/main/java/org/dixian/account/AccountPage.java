package org.dixian.account;

import java.util.List;

/** One page of a keyset-paginated list; pass {@code nextAfter} as {@code after} for the next page. */
public record AccountPage(List<Account> items, Long nextAfter) {
}
