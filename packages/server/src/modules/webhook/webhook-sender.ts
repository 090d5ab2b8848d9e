import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { RESPONSE_BODY_LOG_BYTES } from './webhook-attempt.entity';
import { checkLiteralHost, TargetRefusedError, type TargetPolicy } from './webhook-targets';

/** What one POST came to, for the delivery log and the retry decision. */
export interface SendOutcome {
  /** Null when no response came. */
  status: number | null;
  durationMs: number;
  /** The first 4 KB of the body, as text. */
  body: string | null;
  error: string | null;
  /** From a 429 or 503's Retry-After: how long the receiver asks us to wait. */
  retryAfterMs: number | null;
}

export const WEBHOOK_TIMEOUT_MS = 15_000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Posts webhooks over keep-alive agents whose `lookup` checks each address before connecting.
 * Redirects are never followed: a 3xx is a failed attempt like any other non-2xx.
 */
export class WebhookSender {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(
    lookup: LookupFunction,
    private readonly policy: TargetPolicy,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
  ) {
    const options = { keepAlive: true, maxSockets: 32, lookup };
    this.agents = { http: new http.Agent(options), https: new https.Agent(options) };
  }

  async post(
    target: string,
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
  ): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const url = new URL(target);
      checkLiteralHost(url, this.policy);
      const response = await this.request(url, headers, body, AbortSignal.any([signal, timeout]));
      return { ...response, durationMs: elapsed(), error: null };
    } catch (error) {
      const reason = timeout.aborted
        ? `no response within ${this.timeoutMs / 1000} s`
        : signal.aborted
          ? 'stopped: the server was shutting down'
          : describeFailure(error);
      return { status: null, durationMs: elapsed(), body: null, error: reason, retryAfterMs: null };
    }
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private request(
    url: URL,
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
  ): Promise<Omit<SendOutcome, 'durationMs' | 'error'>> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal,
      });
      request.on('error', reject);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          const status = response.statusCode ?? 0;
          resolve({
            status,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LOG_BYTES).toString('utf8'),
            retryAfterMs:
              status === 429 || status === 503
                ? retryAfterMs(response.headers['retry-after'])
                : null,
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_BODY_LOG_BYTES) chunks.push(chunk);
          kept += chunk.length;
          // The rest is not read: the socket is dropped rather than drained.
          if (kept >= RESPONSE_BODY_LOG_BYTES) {
            response.destroy();
            finish();
          }
        });
        response.on('end', finish);
        response.on('error', reject);
      });
      request.end(body);
    });
  }
}

/** Seconds or an HTTP date, as Retry-After says it; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

function describeFailure(error: unknown): string {
  if (error instanceof TargetRefusedError) return error.message;
  const { code, message } = error as NodeJS.ErrnoException;
  const text = code ? `${code}: ${message}` : String(message ?? error);
  return text.slice(0, 500);
}
