/** The ID a relationship value holds, whether it is populated (an object) or not (the ID). */
export function relationId(value: unknown): string | null {
  if (!value) return null
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}
