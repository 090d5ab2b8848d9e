import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config/env';
import { startAtrium } from './app';
import { createLogger, LogStream } from './logger';

/** Of the shutdown time, what is kept for writing out the log when the server will not stop. */
const MAX_LOG_RESERVE_MS = 1_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`config error: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logStream = new LogStream();
  const logger = createLogger(config.logLevel, logStream);
  const atrium = await startAtrium(config, logger);
  logger.info({ port: atrium.port, url: atrium.url, database: config.database.type }, 'listening');

  // Exits 0 once the server has stopped and its log is written out, 1 when stopping failed or
  // did not finish in time — always within SHUTDOWN_TIMEOUT_MS of the signal. The log gets
  // whatever time is left: a stdout nobody reads (or that is read slowly) costs log lines, never
  // the exit. Nothing here may wait synchronously: a blocked event loop runs no timers, so the
  // deadline below would never come.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const deadline = started + config.shutdownTimeoutMs;
    let exiting = false;
    const exit = (code: number) => {
      if (exiting) return;
      exiting = true;
      void logStream.close(deadline - Date.now()).then(() => process.exit(code));
    };
    logger.info({ signal }, 'shutting down');

    const reserve = Math.min(MAX_LOG_RESERVE_MS, config.shutdownTimeoutMs / 5);
    const giveUp = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      exit(1);
    }, config.shutdownTimeoutMs - reserve);
    atrium.close().then(
      () => {
        clearTimeout(giveUp);
        logger.info({ ms: Date.now() - started }, 'stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(giveUp);
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
