import pino, { type Logger } from 'pino';
import type { LogLevel } from './config/env';

/**
 * JSON logs; anything that could hold a credential is redacted wherever it appears. Lines are
 * written asynchronously, so under load those logged while a write is in flight go out
 * together instead of costing a write each; `logger.flush()` drains them at shutdown.
 */
export function createLogger(level: LogLevel): Logger {
  return pino(
    {
      level,
      base: { service: 'atrium' },
      redact: {
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
      },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
