import { createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';

/**
 * The yardstick: Apollo Server 5 with nothing of Atrium's, answering through
 * `executeHTTPGraphQLRequest` on node:http (as an integration does: read the body, parse JSON,
 * copy the headers, write the answer).
 */
async function main(): Promise<void> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
  await apollo.start();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(request.headers)) {
          if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const url = request.url ?? '/';
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method ?? 'GET',
            headers,
            search: url.includes('?') ? url.slice(url.indexOf('?')) : '',
            body: text && headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
          },
          context: async () => ({}),
        });
        for (const [name, value] of result.headers) response.setHeader(name, value);
        response.statusCode = result.status ?? 200;
        if (result.body.kind === 'complete') response.end(result.body.string);
        else {
          for await (const chunk of result.body.asyncIterator) response.write(chunk);
          response.end();
        }
      })();
    });
  });
  server.listen(Number(process.env.PORT), () => process.send?.({ ready: true }));
}

void main();
