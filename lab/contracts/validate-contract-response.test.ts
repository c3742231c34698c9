import { describe, expect, it } from 'vitest';
import { validateContractResponse } from './validate-contract-response';

const SNAPSHOTS = '/collections/documents/snapshots';
const ORIGIN = '/subscriptions/sub-1/resourceGroups/rg-dr/providers/Microsoft.Cdn/profiles/afd-lifeboat/originGroups/og-primary/origins/app-primary';

describe('validateContractResponse — qdrant (OpenAPI 3.0)', () => {
  it('accepts a snapshot list shaped as the contract says', () => {
    const body = { result: [{ name: 'documents-1-2026-11-24-07-00-00.snapshot', creation_time: '2026-11-24T07:00:00', size: 380, checksum: 'ab'.repeat(32) }], status: 'ok', time: 0.001 };
    expect(validateContractResponse('qdrant', { method: 'GET', path: SNAPSHOTS, status: 200, body, contentType: 'application/json' })).toEqual([]);
  });

  it('names each field that breaks the contract', () => {
    const body = { result: [{ name: 'x.snapshot', creation_time: '2026-11-24T07:00:00Z', size: -1 }], status: 'ok', time: 0.001 };
    const problems = validateContractResponse('qdrant', { method: 'GET', path: SNAPSHOTS, status: 200, body });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/result\[0\]\.size: must be >= 0/);
    expect(problems.join('\n')).toMatch(/result\[0\]\.creation_time: must match format "partial-date-time"/);
  });

  it('resolves $refs (CollectionInfo → CollectionConfig → VectorParams → Distance)', () => {
    const info = (distance: string) => ({
      result: {
        status: 'green',
        optimizer_status: 'ok',
        segments_count: 1,
        payload_schema: {},
        config: { params: { vectors: { size: 4, distance } }, hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000 }, optimizer_config: { default_segment_number: 0, flush_interval_sec: 5 } },
      },
      status: 'ok',
      time: 0,
    });
    expect(validateContractResponse('qdrant', { method: 'GET', path: '/collections/documents', status: 200, body: info('Cosine') })).toEqual([]);
    expect(validateContractResponse('qdrant', { method: 'GET', path: '/collections/documents', status: 200, body: info('Cosin') }).join('\n')).toMatch(
      /result\.config\.params\.vectors\.distance: must be one of "Cosine", "Euclid", "Dot", "Manhattan"/,
    );
  });

  it('matches the literal path before a parameter and checks 4XX against the error envelope', () => {
    const ok = validateContractResponse('qdrant', { method: 'PUT', path: `${SNAPSHOTS}/recover?wait=true`, status: 400, body: { status: { error: 'Wrong input: x' }, time: 0 } });
    expect(ok).toEqual([]);
    const bad = validateContractResponse('qdrant', { method: 'PUT', path: `${SNAPSHOTS}/recover`, status: 401, body: 'Invalid API key or JWT' });
    expect(bad).toEqual(['PUT /collections/{collection_name}/snapshots/recover 401: (body): must be object']);
  });

  it('checks the content type when one is given', () => {
    expect(validateContractResponse('qdrant', { method: 'GET', path: '/healthz', status: 200, body: 'healthz check passed', contentType: 'text/plain; charset=utf-8' })).toEqual([]);
    expect(validateContractResponse('qdrant', { method: 'GET', path: '/healthz', status: 200, body: {}, contentType: 'application/json' })).toEqual([
      'GET /healthz 200: content type application/json is not documented (expected text/plain)',
    ]);
    expect(validateContractResponse('qdrant', { method: 'GET', path: `${SNAPSHOTS}/a.snapshot`, status: 200, body: Buffer.from([1, 2]), contentType: 'application/octet-stream' })).toEqual([]);
  });

  it('reports unknown paths, methods and status codes', () => {
    expect(validateContractResponse('qdrant', { method: 'GET', path: '/nope', status: 200, body: {} })).toEqual(['no path in the qdrant contract matches GET /nope']);
    expect(validateContractResponse('qdrant', { method: 'PATCH', path: '/collections/documents/exists', status: 200, body: {} })[0]).toMatch(/has no PATCH for \/collections\/\{collection_name\}\/exists \(it has: get\)/);
    expect(validateContractResponse('qdrant', { method: 'GET', path: '/', status: 500, body: {} })).toEqual(['status 500 is not a documented response of GET /']);
  });
});

describe('validateContractResponse — afd (Swagger 2.0)', () => {
  const origin = (properties: Record<string, unknown>) => ({ id: ORIGIN, name: 'app-primary', type: 'Microsoft.Cdn/profiles/originGroups/origins', properties });

  it('accepts an origin within the documented bounds, whatever the case of ARM path segments', () => {
    const body = origin({ hostName: 'app-primary.lab', httpPort: 8081, httpsPort: 443, priority: 1, weight: 1000, enabledState: 'Enabled' });
    expect(validateContractResponse('afd', { method: 'GET', path: `${ORIGIN}?api-version=2025-06-01`, status: 200, body })).toEqual([]);
    expect(validateContractResponse('afd', { method: 'GET', path: ORIGIN.replace('resourceGroups', 'resourcegroups'), status: 200, body })).toEqual([]);
  });

  it('applies draft-4 bounds and enums (priority 1–5, weight 1–1000, enabledState, ports)', () => {
    const body = origin({ hostName: 'h', priority: 6, weight: 0, enabledState: 'Maybe', httpPort: 65536 });
    const problems = validateContractResponse('afd', { method: 'PATCH', path: ORIGIN, status: 200, body }).join('\n');
    expect(problems).toMatch(/properties\.priority: must be <= 5/);
    expect(problems).toMatch(/properties\.weight: must be >= 1/);
    expect(problems).toMatch(/properties\.enabledState: must be one of "Enabled", "Disabled"/);
    expect(problems).toMatch(/properties\.httpPort: must be <= 65535/);
  });

  it('checks error answers against the ARM error shape via `default`', () => {
    expect(validateContractResponse('afd', { method: 'PATCH', path: ORIGIN, status: 429, body: { error: { code: 'TooManyRequests', message: 'slow down' } } })).toEqual([]);
    expect(validateContractResponse('afd', { method: 'PATCH', path: ORIGIN, status: 500, body: { error: { code: 500 } } })).toEqual([
      expect.stringMatching(/500: error\.code: must be string$/),
    ]);
  });

  it('expects no body where the contract documents none', () => {
    expect(validateContractResponse('afd', { method: 'DELETE', path: ORIGIN, status: 204, body: '' })).toEqual([]);
    expect(validateContractResponse('afd', { method: 'DELETE', path: ORIGIN, status: 204, body: { deleted: true } })[0]).toMatch(/documents no body, got one/);
  });
});
