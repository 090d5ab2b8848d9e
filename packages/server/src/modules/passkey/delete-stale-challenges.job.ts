import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { WebAuthnChallenges } from './webauthn-challenges';

/** Deletes WebAuthn challenges that can no longer be used (hourly). */
export function deleteStaleChallengesJob(challenges: WebAuthnChallenges): JobDefinition<object> {
  return defineJob({
    kind: 'webauthn.delete-stale-challenges',
    payload: z.object({}),
    handler: () => challenges.deleteStale(),
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
