import http from 'node:http';
import path from 'node:path';
import { startLabHttpServer } from '../shared/lab-http-server';
import { answerServiceStats, isServiceStatsRequest } from './answer-service-stats';
import { AZURITE_ACCOUNT_KEY, AZURITE_ACCOUNT_NAME, AZURITE_SECONDARY_ACCOUNT_NAME } from './azurite-account';
import { forwardToAzurite } from './forward-to-azurite';
import { createGeoReplication, type GeoReplicationStats } from './geo-replication';
import { startAzurite } from './start-azurite';

export type BlobService = {
  name: 'blob';
  /** Primary account URL: http://127.0.0.1:<port>/devstoreaccount1 */
  url: string;
  /** Read-only secondary account URL; Get Blob Service Stats answers here only, as in Azure. */
  secondaryUrl: string;
  accountName: typeof AZURITE_ACCOUNT_NAME;
  accountKey: string;
  /** For SDKs that take one string (BlobServiceClient.fromConnectionString). */
  connectionString: string;
  /** Azurite itself, behind the front: for diagnostics and benchmarks, not for Lifeboat. */
  azurite: { url: string; pid: number; location: string };
  stop(): Promise<void>;
  /** Down: the front port refuses connections (Azurite keeps running and keeps its data). */
  setDown(down: boolean): Promise<void>;
  isDown(): boolean;
  setLatency(ms: number): void;
  /** Secondary reports `unavailable` and LastSyncTime stops advancing. */
  pauseGeoReplication(): void;
  /** Back to `live`; LastSyncTime catches up. */
  resumeGeoReplication(): void;
  /** Upper bound of the simulated lag (default 15 s); a larger value makes the lag grow in real time. */
  setGeoLag(seconds: number): void;
  geoReplication(): GeoReplicationStats & { lagLimitSeconds: number };
};

export type StartBlobServiceOptions = { port: number; stateDir: string };

/**
 * Azure Blob (GRS) for the lab: Azurite as a child process, behind a front on `port` that passes
 * every request through untouched except the secondary's service stats, which report the lab's
 * simulated geo-replication (Azurite alone always says live, synced now).
 */
export async function startBlobService(options: StartBlobServiceOptions): Promise<BlobService> {
  const azurite = await startAzurite({ location: path.join(options.stateDir, 'azurite') });
  const target = { host: azurite.host, port: azurite.port, agent: new http.Agent({ keepAlive: true, maxSockets: 64 }) };
  const geo = createGeoReplication();
  let front;
  try {
    front = await startLabHttpServer({
      port: options.port,
      handler: (req, res) =>
        isServiceStatsRequest(req, AZURITE_SECONDARY_ACCOUNT_NAME) ? answerServiceStats(req, res, target, geo) : forwardToAzurite(req, res, target),
    });
  } catch (error) {
    await azurite.stop();
    throw error;
  }
  const url = `${front.url}/${AZURITE_ACCOUNT_NAME}`;
  return {
    name: 'blob',
    url,
    secondaryUrl: `${front.url}/${AZURITE_SECONDARY_ACCOUNT_NAME}`,
    accountName: AZURITE_ACCOUNT_NAME,
    accountKey: AZURITE_ACCOUNT_KEY,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT_NAME};AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${url};`,
    azurite: { url: `${azurite.url}/${AZURITE_ACCOUNT_NAME}`, pid: azurite.pid, location: azurite.location },
    stop: async () => {
      await front.stop();
      target.agent.destroy();
      await azurite.stop();
    },
    setDown: (down) => front.setDown(down),
    isDown: () => front.isDown(),
    setLatency: (ms) => front.setLatency(ms),
    pauseGeoReplication: () => geo.pause(),
    resumeGeoReplication: () => geo.resume(),
    setGeoLag: (seconds) => geo.setLagSeconds(seconds),
    geoReplication: () => ({ ...geo.stats(), lagLimitSeconds: geo.lagSeconds() }),
  };
}
