import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** A session as it travels between instances: dates as ISO strings. */
export interface SessionSnapshot {
  id: string;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
  deviceType: string | null;
  browser: string | null;
  os: string | null;
  ipAddress: string | null;
  location: string | null;
  revokedAt: string | null;
}

export type SessionEventType = 'CREATED' | 'REVOKED';

export interface SessionEventMessage {
  type: SessionEventType;
  accountId: string;
  session: SessionSnapshot;
}

/** An in-app notification as it travels between instances. */
export interface NotificationSnapshot {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** A new notification (or none, when some were read) and the unread count after it. */
export interface NotificationFeedMessage {
  accountId: string;
  notification: NotificationSnapshot | null;
  unreadCount: number;
}

/** Every event Atrium publishes, by topic; `[id, payload]` topics are per account. */
export type AtriumEvents = {
  SESSION_EVENT: [accountId: string, message: SessionEventMessage];
  NOTIFICATION_FEED: [accountId: string, message: NotificationFeedMessage];
  SESSION_REVOKED: [message: { sessionId: string; accountId: string }];
};

export interface EventBus {
  pubSub: PubSub<AtriumEvents>;
  /** A command connection (no offline queue) for others to share, such as rate limits. */
  redis: Redis | null;
  close(): Promise<void>;
}

/**
 * In-process pub/sub, or with REDIS_URL one that fans out through Redis so every instance sees
 * every event. Redis being away never fails a request: publishing is fire-and-forget (the
 * database stays the truth) and the subscriber re-subscribes when Redis returns.
 */
export function createEventBus(
  redisUrl: string | null,
  logger: Logger,
  prefix = 'atrium:',
): EventBus {
  if (!redisUrl) {
    // One listener per open subscription (several tabs of one account share a topic): no cap.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return {
      pubSub: createPubSub<AtriumEvents>({ eventTarget }),
      redis: null,
      close: async () => undefined,
    };
  }
  const health = redisHealthLogger(logger);
  const publisher = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  for (const [role, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: Error) => health.down(role, error));
    client.on('ready', () => health.up(role));
  }
  const eventTarget = redisEventTarget(publisher, subscriber, logger, prefix);
  return {
    pubSub: createPubSub<AtriumEvents>({ eventTarget }),
    redis: publisher,
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

type Listener = (event: CustomEvent) => void;
type ListenerOrObject = Listener | { handleEvent: Listener };

/** An EventTarget whose events are Redis channels (`prefix` + topic); payloads are JSON. */
function redisEventTarget(
  publisher: Redis,
  subscriber: Redis,
  logger: Logger,
  prefix: string,
): EventTarget {
  const listeners = new Map<string, Set<Listener>>();
  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    const topic = channel.slice(prefix.length);
    const callbacks = listeners.get(topic);
    if (!callbacks) return;
    const event = new CustomEvent(topic, { detail: JSON.parse(message) as unknown });
    for (const callback of callbacks) callback(event);
  });
  const unwrap = (listener: ListenerOrObject): Listener =>
    typeof listener === 'function' ? listener : listener.handleEvent;
  const target = {
    addEventListener(topic: string, listener: ListenerOrObject | null) {
      if (!listener) return;
      let callbacks = listeners.get(topic);
      if (!callbacks) {
        callbacks = new Set();
        listeners.set(topic, callbacks);
        subscriber.subscribe(prefix + topic).catch((error: unknown) => {
          logger.warn({ err: error, topic }, 'redis subscribe failed; retried on reconnect');
        });
      }
      callbacks.add(unwrap(listener));
    },
    removeEventListener(topic: string, listener: ListenerOrObject | null) {
      const callbacks = listeners.get(topic);
      if (!listener || !callbacks) return;
      callbacks.delete(unwrap(listener));
      if (callbacks.size > 0) return;
      listeners.delete(topic);
      subscriber.unsubscribe(prefix + topic).catch(() => undefined);
    },
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent).detail as unknown;
      publisher
        .publish(prefix + event.type, JSON.stringify(detail ?? null))
        .catch((error: unknown) => {
          logger.warn(
            { err: error, topic: event.type },
            'redis publish failed; event not fanned out',
          );
        });
      return true;
    },
  };
  return target as unknown as EventTarget;
}

/** One warning when a Redis connection drops and one line when it is back, not one per retry. */
function redisHealthLogger(logger: Logger) {
  const down = new Set<string>();
  return {
    down(role: string, error: Error) {
      if (down.has(role)) return;
      down.add(role);
      logger.warn(
        { role, err: error.message },
        'redis unavailable; HTTP keeps serving, fan-out paused',
      );
    },
    up(role: string) {
      if (down.delete(role)) logger.info({ role }, 'redis connection restored');
    },
  };
}
