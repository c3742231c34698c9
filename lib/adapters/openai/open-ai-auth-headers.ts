import type { OpenAiAuth } from './open-ai-auth';

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** The `api-key` header, or an Entra bearer token for Cognitive Services. */
export async function openAiAuthHeaders(auth: OpenAiAuth, signal: AbortSignal): Promise<Record<string, string>> {
  if ('apiKey' in auth) return { 'api-key': auth.apiKey };
  const token = await auth.credential.getToken(COGNITIVE_SERVICES_SCOPE, { abortSignal: signal });
  if (!token) throw new Error('no Entra token for Azure OpenAI');
  return { authorization: `Bearer ${token.token}` };
}
