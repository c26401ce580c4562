/** A stored feed revision's id: its number and acceptance time, so that no two writes share keys. */
export function revisionId(revision: number, acceptedAt: string): string {
  return `r${revision}-${Date.parse(acceptedAt).toString(36)}`;
}
