/** Activity factories shaped like what Teams sends, for the HTTP and TestAdapter tests. */
export const TENANT = 'tenant-contoso';
export const BOT = { id: '28:bot-app-id', name: 'Privacy Assistant' };

export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const ALICE: Person = { id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice Example' };
export const BOB: Person = { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob Example' };

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly from?: Person;
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly tenantId?: string;
  readonly teamId?: string;
}

let sequence = 0;

export function baseActivity(type: string, options: ActivityOptions): Record<string, unknown> {
  const from = options.from ?? ALICE;
  const tenantId = options.tenantId ?? TENANT;
  const conversationType = options.conversationType ?? 'personal';
  return {
    type,
    id: `act-${++sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: {
      id: options.conversationId ?? (conversationType === 'personal' ? `a:personal-${from.id}` : `19:${conversationType}@thread.v2`),
      conversationType,
      tenantId,
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: tenantId },
      ...(options.teamId ? { team: { id: options.teamId, name: `Team ${options.teamId}` }, channel: { id: options.teamId } } : {}),
    },
    locale: 'en-US',
  };
}

export function message(text: string, options: ActivityOptions & { mention?: boolean }): Record<string, unknown> {
  const activity = baseActivity('message', options);
  if (options.mention) {
    const mentionText = `<at>${BOT.name}</at>`;
    return {
      ...activity,
      text: `${mentionText} ${text}`,
      entities: [{ type: 'mention', text: mentionText, mentioned: BOT }],
    };
  }
  return { ...activity, text };
}

/** Action.Submit: the card data (with inputs merged) arrives as the message value. */
export function submit(data: Record<string, unknown>, options: ActivityOptions): Record<string, unknown> {
  return { ...baseActivity('message', options), value: data };
}

/** Action.Execute: an adaptiveCard/action invoke. */
export function execute(verb: string, data: Record<string, unknown>, options: ActivityOptions): Record<string, unknown> {
  return {
    ...baseActivity('invoke', options),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function installationUpdate(action: 'add' | 'remove', options: ActivityOptions): Record<string, unknown> {
  return { ...baseActivity('installationUpdate', options), action };
}

export function botAdded(options: ActivityOptions, removed = false): Record<string, unknown> {
  const activity = baseActivity('conversationUpdate', options);
  const channelData = activity.channelData as Record<string, unknown>;
  return {
    ...activity,
    [removed ? 'membersRemoved' : 'membersAdded']: [BOT],
    channelData: { ...channelData, eventType: removed ? 'teamMemberRemoved' : 'teamMemberAdded' },
  };
}

/** The Adaptive Card in a posted activity, if any. */
export function cardOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const attachments = body.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
  return attachments?.find((item) => item.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every TextBlock text in a card, in order, for assertions on what a person reads. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return texts;
}

/** Every action title in a card. */
export function cardActionTitles(card: unknown): string[] {
  const titles: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Action.') && typeof element.title === 'string' && element !== undefined) {
      titles.push(element.title);
    }
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return titles;
}
