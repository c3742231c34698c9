import { readBody, sendJson, startLabHttpServer, type LabHttpServer } from '../shared/lab-http-server';
import { applyFault, FaultRequest, healLab } from './apply-fault';
import type { LabStatus } from './lab-status';
import type { Lab } from './start-lab';

export type ControlApiState = { lab: Lab; faults: string[]; status: () => LabStatus; shutdown: () => void };

/** The lab's HTTP control API on loopback: GET /status, GET /arm/requests, POST /faults {name,args}, POST /heal, POST /shutdown. */
export async function serveControlApi(port: number, state: ControlApiState): Promise<LabHttpServer> {
  return startLabHttpServer({
    port,
    handler: async (req, res) => {
      const route = `${req.method} ${new URL(req.url ?? '/', 'http://lab').pathname}`;
      if (route === 'GET /status') return sendJson(res, 200, state.status());
      if (route === 'GET /arm/requests') return sendJson(res, 200, { requests: state.lab.arm.requests() });
      if (route === 'POST /faults') {
        const parsed = FaultRequest.safeParse(JSON.parse((await readBody(req, 64 * 1024)).toString() || '{}'));
        if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        try {
          const message = await applyFault(state.lab, parsed.data);
          state.faults.push(`${parsed.data.name} ${parsed.data.args.join(' ')}`.trim());
          return sendJson(res, 200, { message });
        } catch (error) {
          return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
        }
      }
      if (route === 'POST /heal') {
        const message = await healLab(state.lab);
        state.faults.length = 0;
        return sendJson(res, 200, { message });
      }
      if (route === 'POST /shutdown') {
        sendJson(res, 202, { message: 'stopping' });
        state.shutdown();
        return;
      }
      sendJson(res, 404, { error: `no route ${route}` });
    },
  });
}
