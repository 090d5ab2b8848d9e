import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { SmsConfig } from '../config/env';

export interface SmsMessage {
  to: string;
  body: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** A Twilio-compatible Messages API when configured; otherwise .json files in the outbox. */
export function createSmsSender(
  sms: SmsConfig | null,
  outboxDir: string,
  logger: Logger,
): SmsSender {
  return sms ? messagesApiSender(sms, logger) : outboxSender(outboxDir, logger);
}

function messagesApiSender(sms: SmsConfig, logger: Logger): SmsSender {
  const url = `${sms.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(sms.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${sms.accountSid}:${sms.authToken}`).toString('base64')}`;
  return {
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: message.to, From: sms.from, Body: message.body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
      const { sid } = (await response.json()) as { sid?: string };
      logger.info({ sid }, 'sms sent');
    },
  };
}

function outboxSender(outboxDir: string, logger: Logger): SmsSender {
  return {
    async send(message) {
      await mkdir(outboxDir, { recursive: true });
      const file = path.join(
        outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`,
      );
      await writeFile(
        file,
        JSON.stringify({ ...message, createdAt: new Date().toISOString() }, null, 2),
        {
          mode: 0o600,
        },
      );
      logger.info({ file }, 'sms written to the outbox');
    },
  };
}
