/** Validates a card the way a client's renderer would parse it: the official adaptivecards parser. */
// The package's main entry is extensionless ESM that Node cannot load; its UMD build works.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context?: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { errors?: unknown[]; eventCount?: number; getEventAt?: (i: number) => { message: string } };
};

export function cardProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const version = Number(card.version);
  if (!(version >= 1.0 && version <= 1.5)) problems.push(`version ${String(card.version)} is not 1.0 to 1.5`);
  const text = JSON.stringify(card);
  if (/\$\{/.test(text.replace(/"\$schema"/g, ''))) problems.push('an unexpanded ${...} binding is left in the card');
  if (Buffer.byteLength(text) > 28 * 1024) problems.push(`card is ${Buffer.byteLength(text)} bytes: too large for a Teams message`);
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const count = context.eventCount ?? 0;
  for (let i = 0; i < count; i++) problems.push(`parse: ${context.getEventAt?.(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
