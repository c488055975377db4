import { readdirSync } from 'node:fs';
import path from 'node:path';
import { faqAnswerCard } from '../../src/cards/faq-answer-card';
import { cardActionTitles, cardTexts } from '../fakes/activities';
import { cardSamples, sampleEntry } from './samples';
import { cardProblems } from './validate';

const TEMPLATE_DIR = path.resolve(__dirname, '../../src/cards/templates');

describe('card templates', () => {
  const templates = readdirSync(TEMPLATE_DIR).filter((file) => file.endsWith('.json'));

  it('has sample data for every template', () => {
    expect(templates.filter((file) => !cardSamples[file])).toEqual([]);
  });

  for (const file of templates) {
    it(`${file} renders into cards the Adaptive Cards parser accepts (schema 1.5 or lower)`, () => {
      const cards = cardSamples[file]?.() ?? [];
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(cardProblems(card)).toEqual([]);
    });
  }

  it('gives every Action.Execute an Action.Submit fallback with the same verb and data', () => {
    const card = faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [] });
    const executes = JSON.stringify(card).match(/"type":"Action.Execute"/g) ?? [];
    expect(executes.length).toBeGreaterThan(0);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const element = node as Record<string, unknown>;
      if (element.type === 'Action.Execute') {
        const fallback = element.fallback as Record<string, unknown>;
        expect(fallback).toMatchObject({ type: 'Action.Submit', title: element.title, data: { ...(element.data as object), verb: element.verb } });
      }
      Object.values(element).forEach(walk);
    };
    walk(card);
  });

  it('puts the answer title first, then the answer, its source, and the helpful question', () => {
    const card = faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [sampleEntry('faq#x', 'Data Portability')] });
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Deletion');
    expect(texts[1]).toContain('What the policy says about **Deletion**');
    expect(texts[2]).toBe('Source: policy/03-user-rights-and-control.md, section "Deletion"');
    expect(texts).toContain('Was this helpful?');
    expect(cardActionTitles(card)).toEqual(['Read: Data Portability', 'Yes, this helped', 'No, it did not']);
    expect(card.speak).toBe('Answer from the privacy policy: Deletion.');
  });

  it('binds content text as data: template syntax inside it is shown, not evaluated', () => {
    const hostile = { ...sampleEntry('x#y', 'Title ${strings.common.turnError}'), body: '${strings.faq.notCovered} {{DATE(2026-01-01)}} <script>' };
    const card = faqAnswerCard({ entry: hostile, related: [] });
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Title ${strings.common.turnError}');
    expect(texts[1]).toBe('${strings.faq.notCovered} {{DATE(2026-01-01)}} <script>');
  });
});
