package org.dixian.platform.errors;

/** A problem in one cell of an uploaded table: 1-based row as the user sees it, the column's header. */
public record RowError(int row, String column, String message) {
}
