import 'reflect-metadata';
import { startAtrium } from '../app';
import { loadConfig } from '../config/env';

/**
 * Atrium in a process the bench can ask for its heap: on 'measure' it collects garbage twice
 * (run with --expose-gc) and answers heapUsed.
 */
async function main(): Promise<void> {
  const atrium = await startAtrium(loadConfig());
  process.send?.({ ready: true, url: atrium.url });
  process.on('message', (message: { measure?: boolean; stop?: boolean }) => {
    if (message.measure) {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      process.send?.({ heapUsed: process.memoryUsage().heapUsed });
    }
    if (message.stop) void atrium.close().then(() => process.exit(0));
  });
}

void main();
