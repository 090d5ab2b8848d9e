import type { PubSub } from '@graphql-yoga/subscription';
import type { AtriumEvents, SessionEventType } from '../../events/event-bus';
import type { EventSubscriber } from '../../events/domain-events';
import { snapshotSession } from './session-event.type';
import type { SessionEntity } from './session.entity';
import type { RevocationReason } from './session.service';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** A device signed in (or up). */
    'session.created': { session: SessionEntity };
    /** Sessions ended: signed out, revoked by their owner, or all of them at a password reset. */
    'session.revoked': {
      sessions: SessionEntity[];
      reason: RevocationReason;
      /** Set when the revocation came with another change (which the timeline records). */
      consequenceOf:
        | 'password.changed'
        | 'password.reset'
        | 'mfa.enabled'
        | 'mfa.method_added'
        | 'account.deactivated'
        | 'account.deletion_scheduled'
        | null;
    };
  }
}

/**
 * Live `sessionEvents`, once the change is committed, on every instance. For a revocation the
 * per-session notice goes second, so a subscriber gets the event before its socket is closed.
 */
export function publishSessionEvents(pubSub: PubSub<AtriumEvents>): EventSubscriber {
  const publish = (type: SessionEventType, session: SessionEntity) => {
    pubSub.publish('SESSION_EVENT', session.accountId, {
      type,
      accountId: session.accountId,
      session: snapshotSession(session),
    });
    if (type === 'REVOKED') {
      pubSub.publish('SESSION_REVOKED', { sessionId: session.id, accountId: session.accountId });
    }
  };
  return (events) => {
    events.afterCommit('session.created', ({ data }) => publish('CREATED', data.session));
    events.afterCommit('session.revoked', ({ data }) => {
      for (const session of data.sessions) publish('REVOKED', session);
    });
  };
}
