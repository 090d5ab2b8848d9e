/**
 * Where the API's REAUTHENTICATION_REQUIRED ("sudo mode") meets the person. The Apollo link
 * asks the gate to confirm; the signed-in app registers the dialog that does it. Outside the
 * app nothing is registered, and the original error simply goes through.
 */

/** Resolves true once the person confirmed who they are, false when they cancelled. */
export type AskToReauthenticate = () => Promise<boolean>;

export interface ReauthGate {
  /** Registers the asker (one app, one dialog); returns the unregister function for a useEffect. */
  register(ask: AskToReauthenticate): () => void;
  /**
   * Asks the registered dialog; operations failing together share one question. False when
   * nothing is registered.
   */
  confirm(): Promise<boolean>;
}

export function createReauthGate(): ReauthGate {
  let asker: AskToReauthenticate | null = null;
  let pending: Promise<boolean> | null = null;
  return {
    register(ask) {
      asker = ask;
      return () => {
        if (asker === ask) asker = null;
      };
    },
    confirm() {
      if (!asker) return Promise.resolve(false);
      if (!pending) {
        pending = asker().finally(() => {
          pending = null;
        });
      }
      return pending;
    },
  };
}

/** The app's gate, shared by its Apollo client and its dialog. */
export const reauthGate = createReauthGate();
