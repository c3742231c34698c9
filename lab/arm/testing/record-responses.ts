import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export type RecordedResponse = { method: string; url: string; path: string; status: number; body: unknown };

/** A pipeline policy that keeps every response an SDK client receives, for contract checks and LRO assertions. */
export function recordResponses(): { policy: PipelinePolicy; responses: RecordedResponse[] } {
  const responses: RecordedResponse[] = [];
  const policy: PipelinePolicy = {
    name: 'labRecordResponses',
    sendRequest: async (request, next) => {
      const response = await next(request);
      const text = response.bodyAsText ?? '';
      responses.push({ method: request.method, url: request.url, path: new URL(request.url).pathname, status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined });
      return response;
    },
  };
  return { policy, responses };
}
