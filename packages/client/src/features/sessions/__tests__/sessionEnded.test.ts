import {
  expectLogOut,
  isSessionRefused,
  onSessionEnded,
  reportSessionEnded,
} from '../sessionEnded';

describe('the session-ended signal', () => {
  it('ends the signed-in app once, however many messengers report it', () => {
    const endSession = jest.fn();
    const unregister = onSessionEnded(endSession);

    reportSessionEnded(); // the REVOKED event…
    reportSessionEnded(); // …and the 4403 close right after it

    expect(endSession).toHaveBeenCalledTimes(1);
    unregister();
  });

  it('means nothing when no signed-in app listens', () => {
    const endSession = jest.fn();
    onSessionEnded(endSession)();

    reportSessionEnded();

    expect(endSession).not.toHaveBeenCalled();
  });

  it('ignores the echo of a deliberate log-out, until that log-out fails', () => {
    const endSession = jest.fn();
    const unregister = onSessionEnded(endSession);

    const stayedSignedIn = expectLogOut();
    reportSessionEnded();
    expect(endSession).not.toHaveBeenCalled();

    stayedSignedIn();
    reportSessionEnded();
    expect(endSession).toHaveBeenCalledTimes(1);
    unregister();
  });

  it('recognises the server refusing the session by close code 4403', () => {
    expect(isSessionRefused({ code: 4403, reason: 'Forbidden' })).toBe(true);
    expect(isSessionRefused({ code: 1000, reason: 'Normal Closure' })).toBe(false);
    expect(isSessionRefused(new Error('socket error'))).toBe(false);
    expect(isSessionRefused(null)).toBe(false);
  });
});
