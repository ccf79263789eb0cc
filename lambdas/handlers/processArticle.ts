// Placeholder until the pipeline lands: the real thin handler replaces this file.
export async function handler(_event: unknown): Promise<void> {
  throw new Error('processArticle handler not implemented yet');
}
