import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bench lends: a GraphQL call as someone. */
type GraphQL = (
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
) => Promise<unknown>;

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 300);

/**
 * (i): from publishEvent to the first byte of the delivery at a healthy receiver on this
 * machine, one event at a time. Measured from the moment the publish request is sent (the commit
 * happens inside it, so this bounds commit → first byte from above).
 */
export async function webhookLatency(
  url: string,
  keySecret: string,
  ownerToken: string,
  organizationId: string,
  graphql: GraphQL,
): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const arrivals = new Map<number, number>();
  const receiver = createServer((request, response) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        data: { n: number };
      };
      if (!arrivals.has(data.n)) arrivals.set(data.n, at);
      response.writeHead(204).end();
    });
  });
  // The first byte is when the request event fires, before the body is read.
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const port = (receiver.address() as AddressInfo).port;
    await graphql(
      url,
      ownerToken,
      'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
      {
        input: {
          organizationId,
          url: `http://127.0.0.1:${port}/bench`,
          eventTypes: ['call.completed'],
        },
      },
    );
    const sent = new Map<number, number>();
    for (let n = 0; n < EVENTS; n += 1) {
      sent.set(n, performance.now());
      await graphql(
        url,
        keySecret,
        'mutation ($input: PublishEventInput!) { publishEvent(input: $input) { id } }',
        { input: { type: 'call.completed', data: { n } } },
      );
      // Wait for this one to arrive, so each is measured on its own.
      const deadline = Date.now() + 5000;
      while (!arrivals.has(n) && Date.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const latencies = [...sent.entries()]
      .filter(([n]) => arrivals.has(n))
      .map(([n, at]) => (arrivals.get(n) as number) - at)
      .sort((x, y) => x - y);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { p50: at(0.5), p99: at(0.99), max: at(1), count: latencies.length };
  } finally {
    receiver.closeAllConnections();
    receiver.close();
  }
}
