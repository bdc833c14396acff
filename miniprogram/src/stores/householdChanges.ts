/**
 * Households changed on another page (edit, members): the detail page reloads them when it shows again,
 * and only then, since every load of a detail is written to the household's access log.
 */
const changed = new Set<number>()

export function markHouseholdChanged(id: number): void {
  changed.add(id)
}

/** True once after a change of household `id`. */
export function takeHouseholdChanged(id: number): boolean {
  return changed.delete(id)
}
