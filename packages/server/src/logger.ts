import pino, { type Logger } from 'pino';
import type { LogLevel } from './config/env';

/**
 * JSON logs; anything that could hold a credential is redacted wherever it appears. Lines are
 * written asynchronously, so under load those logged while a write is in flight go out
 * together instead of costing a write each; `logger.flush()` drains them at shutdown.
 */
export function createLogger(level: LogLevel): Logger {
  return pino(loggerOptions(level, true), pino.destination({ dest: 1, sync: false }));
}

/**
 * The per-request access line (request id, method, path, status, time): the same level and
 * destination, without the redaction pass, since it never carries anything to redact.
 */
export function createAccessLogger(logger: Logger): Logger {
  // The same stream as `logger`: two writers on one descriptor could interleave long lines.
  const stream = (logger as unknown as Record<symbol, pino.DestinationStream>)[
    pino.symbols.streamSym
  ];
  return pino(loggerOptions(logger.level as LogLevel, false), stream);
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
    'authorization',
    'cookie',
    '*.password',
    '*.newPassword',
    '*.currentPassword',
    '*.token',
    '*.code',
    '*.authorization',
    '*.cookie',
    'headers.authorization',
    'headers.cookie',
    'variables',
  ],
  censor: '[redacted]',
};
