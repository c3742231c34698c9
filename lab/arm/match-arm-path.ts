/**
 * Matches a request path against a template such as
 * `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}`. Literal segments compare
 * case-insensitively, as ARM does; parameters are URI-decoded. Returns null when it does not match.
 */
export function matchArmPath(template: string, pathname: string): Record<string, string> | null {
  const want = template.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const pattern = want[index] ?? '';
    const segment = got[index] ?? '';
    const parameter = /^\{(\w+)\}$/.exec(pattern);
    if (parameter?.[1]) {
      try {
        params[parameter[1]] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (pattern.toLowerCase() !== segment.toLowerCase()) {
      return null;
    }
  }
  return params;
}
