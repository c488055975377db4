/**
 * Messages the bot sends one person in their personal chat on its own initiative: a request's new
 * status, the privacy team's answer to a question, an admin's alert or digest. Services describe
 * them as plain data; the Teams layer renders each kind as a card (see the PersonalMessenger port).
 */

/** Someone the bot can write to, and where their organisation's Teams is. */
export interface Recipient {
  /** The Teams user id (`29:...`) or the Entra object id: Teams opens a personal chat with either. */
  readonly userId: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly channelId?: string;
}

export interface Notification {
  /**
   * Idempotency key while queued: queuing the same id again before it is sent is a no-op. After it
   * is sent the id is free again, so "tell them once" is the sender's record to keep.
   */
  readonly id: string;
  readonly to: Recipient;
  /** Which card: each kind has one renderer in the Teams layer. */
  readonly kind: string;
  /** Plain JSON for the renderer. It may hold personal data: stored, never logged. */
  readonly data: Readonly<Record<string, unknown>>;
}
