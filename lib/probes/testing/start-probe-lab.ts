import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { getConfig } from '@/lib/config/get-config';
import type { LifeboatConfig } from '@/lib/config/schema';
import { readLabTopology } from '@/lab/lab-topology';
import { findFreePort } from '@/lab/shared/find-free-port';
import { describeLab } from '@/lab/supervisor/lab-status';
import { serveControlApi } from '@/lab/supervisor/serve-control-api';
import { startLab, type Lab } from '@/lab/supervisor/start-lab';

export type ProbeLab = { lab: Lab; config: LifeboatConfig; caPem: string; stop(): Promise<void> };

type Node = Record<string, unknown>;

/** The mapping at `keys` inside the parsed YAML (throws if the file's shape changed). */
function at(root: Node, ...keys: string[]): Node {
  return keys.reduce<Node>((node, key) => {
    const next = node[key];
    if (typeof next !== 'object' || next === null) throw new Error(`config/lab.yaml has no mapping at ${keys.join('.')}`);
    return next as Node;
  }, root);
}

function setPort(node: Node, field: string, port: number): void {
  const url = new URL(String(node[field]));
  url.port = String(port);
  node[field] = url.toString().replace(/\/$/, '');
}

/**
 * The whole lab in this process on free ports: a temporary copy of config/lab.yaml with every port
 * replaced, selected through LIFEBOAT_CONFIG (the ARM emulator reads getConfig()). Restores it on stop.
 */
export async function startProbeLab(): Promise<ProbeLab> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-probe-lab-'));
  const doc = parse(await readFile(path.resolve('config/lab.yaml'), 'utf8')) as Node;
  for (const role of ['primary', 'secondary']) {
    setPort(at(doc, 'components', 'qdrant', role), 'url', await findFreePort());
    setPort(at(doc, 'components', 'redis', role), 'url', await findFreePort());
    const appPort = await findFreePort();
    at(doc, 'components', 'frontDoor', 'origins', role).httpPort = appPort;
    setPort(at(doc, 'components', 'aks', role), 'healthUrl', appPort);
    setPort(at(doc, 'components', 'keyVault', role), 'url', await findFreePort());
    setPort(at(doc, 'components', 'openai', role), 'endpoint', await findFreePort());
  }
  const blob = at(doc, 'components', 'blob');
  const blobPort = await findFreePort();
  setPort(blob, 'primaryUrl', blobPort);
  setPort(blob, 'secondaryUrl', blobPort);
  setPort(at(doc, 'components', 'frontDoor'), 'armEndpoint', await findFreePort());
  setPort(at(doc, 'components', 'frontDoor'), 'publicUrl', await findFreePort());
  const auth = at(doc, 'auth');
  const oidcPort = await findFreePort();
  setPort(auth, 'authority', oidcPort);
  auth.knownAuthorities = [`localhost:${oidcPort}`];
  // The control API (fault switches) on a free port too: a lab drill posts its region-down there.
  const controlPort = await findFreePort();
  doc.lab = { controlUrl: `http://127.0.0.1:${controlPort}` };

  const file = path.join(dir, 'lab.yaml');
  await writeFile(file, stringify(doc));
  const previous = process.env.LIFEBOAT_CONFIG;
  process.env.LIFEBOAT_CONFIG = file;
  const restore = () => {
    if (previous === undefined) delete process.env.LIFEBOAT_CONFIG;
    else process.env.LIFEBOAT_CONFIG = previous;
  };
  try {
    const config = getConfig();
    const lab = await startLab({
      stateDir: path.join(dir, 'state'),
      topology: readLabTopology(config, controlPort, await findFreePort()),
      oidc: { clientSecret: 'probe-lab-secret', baseUrl: 'http://127.0.0.1:3999' },
    });
    const faults: string[] = [];
    const startedAt = new Date().toISOString();
    const control = await serveControlApi(controlPort, { lab, faults, status: () => describeLab(lab, { ready: true, startedAt, faults, seed: null }), shutdown: () => undefined }).catch(async (error: unknown) => {
      await lab.stop();
      throw error;
    });
    return {
      lab,
      config,
      caPem: await readFile(lab.tls.certPath, 'utf8'),
      stop: async () => {
        await control.stop();
        await lab.stop();
        restore();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    restore();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
