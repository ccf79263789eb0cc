import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Records the name of every command a client sends (`QueryCommand`, `BatchGetItemCommand`, …). */
export function recordCommands(client: DynamoDBDocumentClient): { names: string[]; clear(): void } {
  const names: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      names.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommandNames' },
  );
  return {
    names,
    clear: () => {
      names.length = 0;
    },
  };
}
