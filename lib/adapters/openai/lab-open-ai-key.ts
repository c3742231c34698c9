/**
 * The lab's Azure OpenAI emulators take `lab-openai-key-<region>` (lab/openai/README.md): published
 * like Azurite's key, used only when azure.staticTokenForLab is on and no apiKeyEnv is configured.
 */
export function labOpenAiKey(regionName: string): string {
  return `lab-openai-key-${regionName}`;
}
