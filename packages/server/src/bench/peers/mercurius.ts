import Fastify from 'fastify';
import mercurius from 'mercurius';

/** A peer: mercurius 16 on fastify 5, defaults (its parse/validate cache, no JIT). */
async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema: 'type Query { ok: Boolean }', resolvers: {} });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.send?.({ ready: true });
}

void main();
