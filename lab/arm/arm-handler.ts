import type { LifeboatConfig } from '@/lib/config/schema';
import type { ArmProvider } from './api-versions';
import type { ArmResponse } from './arm-response';
import type { ArmStore } from './open-arm-store';

export type ArmMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

export type EmulatorSettings = {
  /** How long a Front Door operation reports InProgress. */
  lroDelayMs: number;
  /** How long each node added to (or removed from) an AKS pool takes. */
  nodeDelayMs: number;
  /** The configuration the cost model prices (deployment model, regions). */
  config: LifeboatConfig;
};

export type ArmRequest = {
  method: ArmMethod;
  params: Record<string, string>;
  apiVersion: string;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** e.g. https://localhost:8443: where operation-status URLs point. */
  baseUrl: string;
  store: ArmStore;
  settings: EmulatorSettings;
};

export type ArmHandler = (request: ArmRequest) => ArmResponse | Promise<ArmResponse>;

/** One resource path the emulator serves, with a handler per HTTP method. */
export type ArmRoute = {
  provider: ArmProvider;
  template: string;
  methods: Partial<Record<ArmMethod, ArmHandler>>;
};
