import http from 'node:http';

export type ProbeTarget = { hostName: string; httpPort: number; path: string };
export type ProbeResult = { ok: boolean; status: number | null; latencyMs: number; error?: string };

/**
 * One health probe as Front Door sends it: a GET on a new TCP connection with
 * `User-Agent: Edge Health Probe`; only a 200 counts as success, anything else (or no answer in time) fails.
 */
export function probeOrigin(target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const req = http.get(
      { host: target.hostName, port: target.httpPort, path: target.path, agent: false, headers: { 'user-agent': 'Edge Health Probe' }, timeout: timeoutMs },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => resolve({ ok: status === 200, status, latencyMs: elapsed(), ...(status === 200 ? {} : { error: `HTTP ${status}` }) }));
        res.on('error', (error) => resolve({ ok: false, status, latencyMs: elapsed(), error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ ok: false, status: null, latencyMs: elapsed(), error: error.message }));
  });
}
