/**
 * Where a conversation is, as the bot stores it to reach it later (a team's General channel, an
 * admin's summary card): plain data, no Bot Framework types, so services can keep it and only the
 * Teams layer turns it into a call. The shape is the stored JSON of earlier versions: records
 * written before stay readable.
 */
export interface ConversationRef {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly conversation: {
    readonly id: string;
    readonly conversationType?: string;
    readonly tenantId?: string;
    readonly isGroup?: boolean;
  };
  readonly bot?: { readonly id: string; readonly name?: string };
}
