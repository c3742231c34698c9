import fs from 'node:fs';
import tls from 'node:tls';

let cached: { file: string | undefined; pem: string | undefined } | undefined;

function readExtraCa(env: NodeJS.ProcessEnv): string | undefined {
  const file = env.NODE_EXTRA_CA_CERTS?.trim() || undefined;
  if (cached && cached.file === file) return cached.pem;
  const pem = file ? fs.readFileSync(file, 'utf8') : undefined;
  cached = { file, pem };
  return pem;
}

/**
 * The CA list for clients that take an explicit `ca` (Azure SDK pipelines, https agents): the
 * public roots plus NODE_EXTRA_CA_CERTS (the lab certificate) or a given PEM. Undefined when there
 * is nothing extra, so clients keep Node's defaults; the public roots stay in, since `ca` replaces them.
 */
export function trustedCa(extraPem?: string, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const extra = extraPem ?? readExtraCa(env);
  if (!extra) return undefined;
  return [...tls.rootCertificates, extra];
}
