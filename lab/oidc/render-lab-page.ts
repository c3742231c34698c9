const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Shared look of the lab provider's pages: plain, high contrast, visible keyboard focus. */
export function renderLabPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Lifeboat local sign-in</title>
<style>
  :root { color-scheme: light dark; --fg: #111827; --muted: #374151; --bg: #f9fafb; --card: #ffffff; --line: #9ca3af; --accent: #1d4ed8; --error: #991b1b; --error-bg: #fef2f2; }
  @media (prefers-color-scheme: dark) { :root { --fg: #f3f4f6; --muted: #d1d5db; --bg: #111827; --card: #1f2937; --line: #6b7280; --accent: #93c5fd; --error: #fecaca; --error-bg: #450a0a; } }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  p { margin: .5rem 0; }
  .muted { color: var(--muted); }
  fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .user { display: flex; align-items: baseline; gap: .75rem; padding: .4rem 0; border-bottom: 1px solid color-mix(in srgb, var(--line) 40%, transparent); }
  .user:last-child { border-bottom: 0; }
  .user label { display: flex; flex-wrap: wrap; gap: .25rem 1rem; flex: 1; cursor: pointer; }
  .user .name { font-weight: 600; min-width: 9rem; }
  .user .role { font-family: ui-monospace, monospace; }
  .user .email { color: var(--muted); }
  label[for=password] { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=password] { width: 100%; max-width: 20rem; padding: .5rem; font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 4px; }
  input[type=radio] { width: 1.1rem; height: 1.1rem; }
  input[aria-invalid=true] { border-color: var(--error); border-width: 2px; }
  .actions { display: flex; gap: 1rem; margin-top: 1.25rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid var(--accent); cursor: pointer; }
  button.primary { background: var(--accent); color: var(--card); font-weight: 600; }
  button.secondary { background: transparent; color: var(--accent); }
  :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .error { color: var(--error); background: var(--error-bg); border: 2px solid var(--error); border-radius: 6px; padding: .5rem .75rem; font-weight: 600; }
  code { font-family: ui-monospace, monospace; font-size: .95em; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
