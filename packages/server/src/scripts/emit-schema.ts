import { RESOLVERS } from '../modules';
import 'reflect-metadata';
import path from 'node:path';
import { createPubSub } from '@graphql-yoga/subscription';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { buildAtriumSchema } from '../graphql/schema';

/** Writes the checked-in schema.graphql at the repository root from the code-first schema. */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '..', '..', '..', '..', 'schema.graphql');
  await emitSchemaDefinitionFile(target, await buildAtriumSchema(createPubSub(), RESOLVERS));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
