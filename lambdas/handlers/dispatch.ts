// Placeholder until the pipeline lands: the real thin handler replaces this file.
export async function handler(_event: unknown): Promise<void> {
  throw new Error('dispatch handler not implemented yet');
}
