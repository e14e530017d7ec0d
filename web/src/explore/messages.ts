import { ApiError, StaleReply } from './api';
import { byId } from './dom';

/** Shows a line in the message bar; an error is announced at once (role=alert). */
export function say(text: string, kind: 'info' | 'error' = 'info'): void {
  const message = byId('message');
  message.textContent = text;
  message.className = kind;
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** Shows a failed request in the message bar: the API's own message, or what went wrong. */
export function fail(err: unknown): void {
  // A reply that a newer request replaced is no failure: the newer one speaks for the view.
  if (err instanceof StaleReply) return;
  say(err instanceof ApiError ? err.message : `Something went wrong: ${(err as Error).message}`, 'error');
}

/** An error's message, for the side panel. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
