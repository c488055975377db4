/**
 * One home for request kinds: the classifier, the welcome card and the Teams app's commands all
 * come from src/requests/kinds.ts, so they cannot disagree; restriction and objection are kinds.
 */
import { cardActionTitles } from '../fakes/activities';
import { withRequestCommands } from '../../scripts/package';
import { welcomeCard } from '../../src/cards/welcome-card';
import { classifyIntent } from '../../src/intents/classify';
import { commandOf, FEATURED_REQUEST_KINDS, REQUEST_KIND_DEFINITIONS, REQUEST_KINDS } from '../../src/requests/kinds';
import { strings } from '../../src/strings';

describe('request kinds', () => {
  it.each(REQUEST_KINDS.map((kind) => [kind]))('%s: its Teams command opens its own form', (kind) => {
    expect(classifyIntent(commandOf(kind).title)).toEqual({ type: 'request', kind });
    // Teams' limits for a command.
    expect(commandOf(kind).title.length).toBeLessThanOrEqual(32);
    expect(commandOf(kind).description.length).toBeLessThanOrEqual(128);
  });

  it('puts one command per kind in the manifest, after "my requests", within Teams\' ten per list', () => {
    const manifest = {
      bots: [
        {
          commandLists: [
            {
              scopes: ['personal'],
              commands: [
                { title: 'help', description: 'h' },
                { title: 'my requests', description: 'm' },
                { title: 'notice', description: 'n' },
              ],
            },
            { scopes: ['team', 'groupChat'], commands: [{ title: 'help', description: 'h' }] },
          ],
        },
      ],
    };
    const [personal, team] = (withRequestCommands(manifest).bots as typeof manifest.bots)[0].commandLists;
    expect(personal.commands.map((command) => command.title)).toEqual(['help', 'my requests', ...REQUEST_KINDS.map((kind) => commandOf(kind).title), 'notice']);
    expect(personal.commands.length).toBeLessThanOrEqual(10);
    expect(team.commands).toEqual([{ title: 'help', description: 'h' }]);
    // Packaging twice does not list a kind twice.
    const twice = (withRequestCommands(withRequestCommands(manifest)).bots as typeof manifest.bots)[0].commandLists[0];
    expect(twice.commands).toEqual(personal.commands);
  });

  it('offers the featured kinds on the welcome card, by their button words', () => {
    const titles = cardActionTitles(welcomeCard({ requestKinds: FEATURED_REQUEST_KINDS }));
    for (const kind of REQUEST_KINDS) expect([kind, titles.includes(strings.kinds[kind].button)]).toEqual([kind, REQUEST_KIND_DEFINITIONS[kind].featured]);
  });

  it.each<[string, string]>([
    ['restrict my data', 'restriction'],
    ['please restrict the processing of my personal data', 'restriction'],
    ['stop processing my data', 'restriction'],
    ['I want to limit the use of my data', 'restriction'],
    ['I object to the processing of my data', 'objection'],
    ['object to my location data being used for analytics', 'objection'],
    // Objecting to marketing is the opt-out's form.
    ['I object to personalised ads', 'optout'],
    ['stop using my data for ads', 'optout'],
  ])('"%s" opens the %s form', (text, kind) => {
    expect(classifyIntent(text)).toEqual({ type: 'request', kind });
  });

  it.each<[string, string]>([
    ['Can I restrict the processing of my data?', 'restriction'],
    ['What is the right to object?', 'objection'],
  ])('"%s" is a question about %s', (text, kind) => {
    expect(classifyIntent(text)).toEqual({ type: 'question', aboutRight: kind });
  });
});
