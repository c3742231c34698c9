import type { AFDOrigin, AFDOriginGroup } from '@azure/arm-cdn';

/** The URL Front Door's own health probe hits for this origin: the group's probe protocol, path and the origin's port. */
export function probeOriginUrl(group: AFDOriginGroup, origin: AFDOrigin): string {
  if (!origin.hostName) throw new Error(`origin ${origin.name ?? '?'} has no hostName`);
  const https = group.healthProbeSettings?.probeProtocol === 'Https';
  const port = https ? (origin.httpsPort ?? 443) : (origin.httpPort ?? 80);
  return `${https ? 'https' : 'http'}://${origin.hostName}:${port}${group.healthProbeSettings?.probePath ?? '/'}`;
}
