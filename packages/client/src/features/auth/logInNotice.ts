/** Why the app itself sent the person to the login page, shown there above the form. */
export type LogInNotice = 'signedOutElsewhere' | 'sessionEnded' | 'passwordReset';

const NOTICES: ReadonlySet<string> = new Set<LogInNotice>([
  'signedOutElsewhere',
  'sessionEnded',
  'passwordReset',
]);

/** Travels as router navigation state, so it shows once and never sits in the URL. */
interface LogInNoticeState {
  logInNotice: LogInNotice;
}

export function logInNoticeState(notice: LogInNotice): LogInNoticeState {
  return { logInNotice: notice };
}

/** The notice in a location's state, if any; anything else there is ignored. */
export function logInNoticeFrom(state: unknown): LogInNotice | null {
  if (typeof state !== 'object' || state === null || !('logInNotice' in state)) return null;
  const notice = state.logInNotice;
  return typeof notice === 'string' && NOTICES.has(notice) ? (notice as LogInNotice) : null;
}
