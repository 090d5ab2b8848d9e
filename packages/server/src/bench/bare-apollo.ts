import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/** The yardstick of `pnpm bench`: Apollo Server with nothing of Atrium's, on PORT. */
async function main(): Promise<void> {
  const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT) } });
}

void main();
