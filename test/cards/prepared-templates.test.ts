/**
 * Templates are prepared once, with the first card of each, and bound on every turn. A prepared template
 * must keep nothing of the cards it rendered: after rendering every sample several times over, each
 * renders to the same JSON as it does from templates prepared just now (a second copy of the card
 * modules, loaded in isolation).
 */
import { cardSamples } from './samples';

/** Every sample card, rendered by card modules loaded afresh: their templates have rendered nothing yet. */
function renderedByFreshTemplates(): Record<string, string[]> {
  let rendered: Record<string, string[]> = {};
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the card modules, not the one imported above
    const fresh = require('./samples') as { cardSamples: typeof cardSamples };
    rendered = Object.fromEntries(Object.entries(fresh.cardSamples).map(([file, samples]) => [file, samples().map((card) => JSON.stringify(card))]));
  });
  return rendered;
}

describe('prepared card templates', () => {
  const files = Object.keys(cardSamples);
  let fresh: Record<string, string[]>;

  beforeAll(() => {
    // The templates imported above render every sample, of every template, several times first.
    for (let round = 0; round < 3; round++) for (const file of files) cardSamples[file]();
    fresh = renderedByFreshTemplates();
  });

  it('covers every template file', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(Object.keys(fresh).sort()).toEqual([...files].sort());
  });

  it.each(Object.keys(cardSamples))('%s: cards from a long-used template equal those from a fresh one', (file) => {
    const reused = cardSamples[file]().map((card) => JSON.stringify(card));
    expect(reused.length).toBeGreaterThan(0);
    expect(reused).toEqual(fresh[file]);
  });
});
