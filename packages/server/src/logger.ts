import pino, { type Logger } from 'pino';
import { SonicBoom } from 'sonic-boom';
import type { LogLevel } from './config/env';

/**
 * JSON logs; anything that could hold a credential is redacted wherever it appears. Lines go to
 * `destination`, by default a {@link LogStream} on standard output.
 */
export function createLogger(
  level: LogLevel,
  destination: pino.DestinationStream = new LogStream(),
): Logger {
  return pino(loggerOptions(level, true), destination);
}

/**
 * Standard output, written asynchronously: under load, lines logged while a write is in flight go
 * out together instead of costing a write each. It never waits for stdout synchronously, and it
 * drops lines rather than wait for a reader that has gone or stopped reading.
 *
 * Why this and not `pino.destination({ sync: false })`: pino hooks a stream it builds into
 * `process.on('exit')` and calls `flushSync()` there, and SonicBoom's `flushSync` retries a
 * write that fails with EAGAIN (a full pipe) — and one that fails with EPIPE (the reader gone)
 * — after a 100 ms `Atomics.wait`, forever. On exit the event loop no longer runs, so no timer
 * can end that: a server stopped while its stdout pipe was full never exited (main thread in a
 * futex wait). This stream is not hooked into exit and has no `flushSync` (pino's `fatal()`
 * calls it when present); main.ts drains it with {@link LogStream.close}, which has a deadline.
 */
export class LogStream implements pino.DestinationStream {
  private readonly boom: SonicBoom;
  /** Set once the reader has gone or the stream is closed: later lines are dropped. */
  private dropping = false;
  private closing: Promise<boolean> | null = null;

  constructor() {
    // Creating Node's stdout handle makes a pipe or socket on descriptor 1 non-blocking (libuv
    // does that when it opens one; TypeORM's colour library does it anyway by reading
    // `process.stdout.isTTY`). Done here on purpose: on a blocking descriptor a write to a full
    // pipe sits in a libuv pool thread, and `process.exit` then hangs joining that thread. On a
    // non-blocking one a full pipe is an EAGAIN, which SonicBoom retries on a timer.
    void process.stdout;
    this.boom = new SonicBoom({ fd: 1, sync: false });
    this.boom.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: nobody reads stdout any more. Anything else is as fatal as it was under pino,
      // except while closing, where losing the last lines beats failing the shutdown.
      if (error.code !== 'EPIPE' && !this.closing) throw error;
      this.dropping = true;
    });
  }

  write(line: string): void {
    if (!this.dropping) this.boom.write(line);
  }

  /**
   * Writes out what is buffered and closes the stream; resolves `true` when everything was
   * written, `false` when lines were dropped because stdout did not take them within
   * `withinMs` or its reader had gone. Lines logged afterwards are dropped.
   */
  close(withinMs: number): Promise<boolean> {
    this.closing ??= new Promise<boolean>((resolve) => {
      if (this.dropping) return resolve(false);
      const finish = (written: boolean) => {
        clearTimeout(timer);
        this.boom.off('close', onClose);
        this.boom.off('error', onError);
        this.dropping = true;
        // Discards whatever stdout has not taken; the pending write (if any) is left to the exit.
        if (!written) this.boom.destroy();
        resolve(written);
      };
      const onClose = () => finish(true);
      const onError = () => finish(false);
      const timer = setTimeout(() => finish(false), Math.max(0, withinMs));
      this.boom.once('close', onClose);
      this.boom.once('error', onError);
      this.boom.end();
    });
    return this.closing;
  }
}

export interface AccessEntry {
  reqId: string;
  method: string | undefined;
  path: string;
  status: number;
  ms: number;
}

/**
 * The per-request access line (request id, method, path, status, time), in the shape of pino's
 * lines at info level, on the same stream (two writers on one descriptor could interleave long
 * lines). Its fields are fixed and carry nothing to redact, so it is written straight: it runs
 * once per request, and pino's general serialization cost more than twice this.
 */
export function createAccessLog(logger: Logger): (entry: AccessEntry) => void {
  if (!logger.isLevelEnabled('info')) return () => undefined;
  const stream = (logger as unknown as Record<symbol, pino.DestinationStream>)[
    pino.symbols.streamSym
  ];
  const base = JSON.stringify(loggerOptions('info', false).base).slice(1, -1);
  return ({ reqId, method, path, status, ms }) => {
    stream.write(
      `{"level":30,"time":${Date.now()},${base},"reqId":${JSON.stringify(reqId)},"method":${JSON.stringify(method ?? '')},"path":${JSON.stringify(path)},"status":${status},"ms":${ms},"msg":"request"}\n`,
    );
  };
}

function loggerOptions(level: LogLevel, redacted: boolean): pino.LoggerOptions {
  return {
    level,
    base: { service: 'atrium' },
    ...(redacted ? { redact: REDACT } : {}),
  };
}

const REDACT = {
  paths: [
    'password',
    'token',
    'secret',
    'authorization',
    'cookie',
    '*.password',
    '*.newPassword',
    '*.currentPassword',
    '*.token',
    '*.secret',
    '*.code',
    '*.authorization',
    '*.cookie',
    'headers.authorization',
    'headers.cookie',
    'variables',
  ],
  censor: '[redacted]',
};
