/**
 * How a status line reads: `success` when something is done, `pending` when the person still
 * has something to wait for (a DNS record not found yet). Rendered as `data-tone`, which the
 * styles colour, so a pending state is never shown in success green.
 */
export type StatusTone = 'success' | 'pending';

export interface StatusMessage {
  text: string;
  tone: StatusTone;
}
