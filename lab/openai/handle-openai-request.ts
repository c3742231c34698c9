import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from '../shared/lab-http-server';
import { embedText } from './embed-text';
import { deploymentResource, LAB_DEPLOYMENTS, LAB_MODELS, modelResource } from './lab-deployments';

export type OpenAiRequestContext = { apiKey: string; region: string };

type Answer = { status: number; body: unknown };

const resourceNotFound: Answer = { status: 404, body: { error: { code: '404', message: 'Resource not found' } } };
const deploymentNotFound: Answer = {
  status: 404,
  body: { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.' } },
};
const invalidInput = (param: string): Answer => ({
  status: 400,
  body: { error: { message: `'$.${param}' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.`, type: 'invalid_request_error', param: null, code: null } },
});

const EmbeddingsRequest = z.object({
  input: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(2048)]),
  dimensions: z.number().int().min(1).optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
  user: z.string().optional(),
});

function asBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

async function embeddings(req: http.IncomingMessage, deploymentId: string): Promise<Answer> {
  const deployment = LAB_DEPLOYMENTS.find((candidate) => candidate.id === deploymentId);
  if (!deployment) return deploymentNotFound;
  const model = LAB_MODELS.find((candidate) => candidate.id === deployment.model);
  if (!model?.embeddings || !model.dimensions) {
    return { status: 400, body: { error: { code: 'OperationNotSupported', message: `The embeddings operation does not work with the specified model, ${deployment.model}. Please choose different model and try again.` } } };
  }
  const parsed = EmbeddingsRequest.safeParse(await readBody(req, 8 * 1024 * 1024).then((body) => JSON.parse(body.toString('utf8')) as unknown, () => undefined));
  if (!parsed.success) return invalidInput(String(parsed.error.issues[0]?.path[0] ?? 'input'));
  const { input, dimensions = model.dimensions, encoding_format: format = 'float' } = parsed.data;
  if (dimensions > model.dimensions) return invalidInput('dimensions');
  const texts = Array.isArray(input) ? input : [input];
  const data = texts.map((text, index) => {
    const vector = embedText(text, model.dimensions ?? dimensions, dimensions);
    return { object: 'embedding', index, embedding: format === 'base64' ? asBase64(vector) : vector };
  });
  const tokens = texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
  return { status: 200, body: { object: 'list', data, model: model.id, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
}

async function route(req: http.IncomingMessage, url: URL): Promise<Answer> {
  if (!url.searchParams.get('api-version')) return resourceNotFound;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'openai') return resourceNotFound;
  const [, collection, id, operation] = segments;
  if (req.method === 'GET' && collection === 'models' && segments.length === 2) return { status: 200, body: { data: LAB_MODELS.map(modelResource), object: 'list' } };
  if (collection !== 'deployments') return resourceNotFound;
  if (req.method === 'GET' && segments.length === 2) return { status: 200, body: { data: LAB_DEPLOYMENTS.map(deploymentResource), object: 'list' } };
  if (req.method === 'GET' && id && segments.length === 3) {
    const deployment = LAB_DEPLOYMENTS.find((candidate) => candidate.id === id);
    return deployment ? { status: 200, body: deploymentResource(deployment) } : deploymentNotFound;
  }
  if (req.method === 'POST' && id && operation === 'embeddings' && segments.length === 4) return embeddings(req, id);
  return resourceNotFound;
}

/** Azure OpenAI's data plane, the part Lifeboat's endpoint health and the protected app use; `api-key` auth. */
export async function handleOpenAiRequest(req: http.IncomingMessage, res: http.ServerResponse, context: OpenAiRequestContext): Promise<void> {
  const requestId = randomUUID();
  const headers = { 'apim-request-id': requestId, 'x-request-id': requestId, 'x-ms-region': context.region };
  if (req.headers['api-key'] !== context.apiKey) {
    req.resume();
    const message = 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';
    sendJson(res, 401, { error: { code: '401', message } }, headers);
    return;
  }
  const answer = await route(req, new URL(req.url ?? '/', 'http://openai.lab'));
  if (answer.status >= 400) req.resume(); // a refused request's body is not needed
  sendJson(res, answer.status, answer.body, headers);
}
