import { Template } from 'adaptivecards-templating';
import * as render from '../../src/cards/render';
import { cardSamples } from './samples';

/**
 * Templates are prepared once and bound per turn. What a person sees must not change: every card
 * type, rendered with the sample data, is byte for byte the card the one-shot path gives (a fresh
 * `new Template(json).expand(...)` per card, as every card was rendered before).
 */
describe('prepared card templates', () => {
  afterEach(() => jest.restoreAllMocks());

  /** The samples of one template rendered the old way: a fresh Template for every card. */
  function renderedOneShot(file: string): render.AdaptiveCard[] {
    const oneShot = jest
      .spyOn(render, 'renderCard')
      .mockImplementation((template, data) => render.finishCard(new Template(template.json).expand(render.dataContext(data))));
    const cards = cardSamples[file]();
    expect(oneShot).toHaveBeenCalled();
    oneShot.mockRestore();
    return cards;
  }

  for (const file of Object.keys(cardSamples)) {
    it(`${file}: every sample renders to the same JSON as a fresh one-shot expansion`, () => {
      // Prepared first, one-shot second, prepared again: a prepared template keeps nothing of the
      // card it rendered last, so its second round of cards is the same as its first.
      const prepared = cardSamples[file]();
      const oneShot = renderedOneShot(file);
      const preparedAgain = cardSamples[file]();
      expect(prepared.length).toBeGreaterThan(0);
      expect(prepared.map((card) => JSON.stringify(card))).toEqual(oneShot.map((card) => JSON.stringify(card)));
      expect(preparedAgain.map((card) => JSON.stringify(card))).toEqual(oneShot.map((card) => JSON.stringify(card)));
    });
  }
});
