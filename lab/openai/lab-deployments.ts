export type LabModel = { id: string; embeddings: boolean; chat: boolean; dimensions?: number; createdAt: number; deprecatesAt: number };
export type LabDeployment = { id: string; model: string };

const CREATED = Date.parse('2026-01-15T00:00:00Z') / 1000;
const RETIRES = Date.parse('2027-10-01T00:00:00Z') / 1000;

/** The models the lab's Azure OpenAI resources offer (a small part of Azure's catalogue). */
export const LAB_MODELS: readonly LabModel[] = [
  { id: 'text-embedding-3-small', embeddings: true, chat: false, dimensions: 1536, createdAt: CREATED, deprecatesAt: RETIRES },
  { id: 'gpt-4o-mini', embeddings: false, chat: true, createdAt: CREATED, deprecatesAt: RETIRES },
];

/** Each region deploys both models under their own names, as the RAG assistant's resources do. */
export const LAB_DEPLOYMENTS: readonly LabDeployment[] = [
  { id: 'text-embedding-3-small', model: 'text-embedding-3-small' },
  { id: 'gpt-4o-mini', model: 'gpt-4o-mini' },
];

/** A deployment in the data-plane list shape (`GET /openai/deployments`, api-version 2022-12-01 and later). */
export function deploymentResource(deployment: LabDeployment) {
  return { scale_settings: { scale_type: 'standard' }, model: deployment.model, owner: 'organization-owner', id: deployment.id, status: 'succeeded', created_at: CREATED, updated_at: CREATED, object: 'deployment' };
}

/** A model in the `GET /openai/models` shape. */
export function modelResource(model: LabModel) {
  return {
    status: 'succeeded',
    capabilities: { fine_tune: false, inference: true, completion: false, chat_completion: model.chat, embeddings: model.embeddings },
    lifecycle_status: 'generally-available',
    deprecation: { inference: model.deprecatesAt },
    id: model.id,
    created_at: model.createdAt,
    object: 'model',
  };
}
