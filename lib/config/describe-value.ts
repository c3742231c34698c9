const LONGEST_SHOWN = 120;

/**
 * How a configuration value is quoted back in an error ("got …"), in YAML words. Credentials
 * inside URLs are masked, since error messages end up in logs.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value !== 'string') return String(value);
  const masked = value.replace(/\/\/[^/@\s]*@/g, '//***@');
  const shown = masked.length > LONGEST_SHOWN ? `${masked.slice(0, LONGEST_SHOWN)}…` : masked;
  return JSON.stringify(shown);
}
