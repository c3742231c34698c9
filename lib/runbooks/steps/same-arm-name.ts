/** ARM ids and names are case-insensitive; the lab keeps the writer's casing, so compare the last segment so. */
export function sameArmName(idOrName: string | undefined, name: string): boolean {
  const last = idOrName?.split('/').filter(Boolean).at(-1);
  return last !== undefined && last.toLowerCase() === name.toLowerCase();
}
