import { startLabHttpServer } from '../shared/lab-http-server';
import { handleOpenAiRequest } from './handle-openai-request';
import { LAB_DEPLOYMENTS } from './lab-deployments';

export type OpenAiEmulator = {
  name: string;
  /** The resource endpoint, e.g. http://127.0.0.1:8461 (Azure: https://<resource>.openai.azure.com). */
  url: string;
  region: string;
  /** The key every request must send in the `api-key` header. */
  apiKey: string;
  deployments: readonly string[];
  stop(): Promise<void>;
  setDown(down: boolean): Promise<void>;
  isDown(): boolean;
  setLatency(ms: number): void;
};

export type StartOpenAiEmulatorOptions = {
  port: number;
  /** Azure region name, e.g. canadacentral; answered in the `x-ms-region` header. */
  region: string;
  /** Defaults to `lab-openai-key-<region>`: each regional resource has its own key, as in Azure. */
  apiKey?: string;
};

/** One region's Azure OpenAI resource: deployments and models lists, deterministic embeddings. */
export async function startOpenAiEmulator(options: StartOpenAiEmulatorOptions): Promise<OpenAiEmulator> {
  const apiKey = options.apiKey ?? `lab-openai-key-${options.region}`;
  const server = await startLabHttpServer({ port: options.port, handler: (req, res) => handleOpenAiRequest(req, res, { apiKey, region: options.region }) });
  return {
    name: `openai-${options.region}`,
    url: server.url,
    region: options.region,
    apiKey,
    deployments: LAB_DEPLOYMENTS.map((deployment) => deployment.id),
    stop: () => server.stop(),
    setDown: (down) => server.setDown(down),
    isDown: () => server.isDown(),
    setLatency: (ms) => server.setLatency(ms),
  };
}
