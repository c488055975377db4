/**
 * Every card template rendered with sample data, keyed by template file. The cards test fails for a
 * template with no sample here, so a new form cannot skip validation.
 */
import type { AdaptiveCard } from '../../src/cards/render';
import { faqAnswerCard } from '../../src/cards/faq-answer-card';
import { welcomeCard } from '../../src/cards/welcome-card';
import type { FaqEntry } from '../../src/faq/types';

export const sampleEntry = (id: string, title: string): FaqEntry => ({
  id,
  title,
  body: `What the policy says about **${title}**, in a short paragraph with a [link](https://contoso.example).`,
  kind: 'policy',
  part: 'User Rights and Control',
  source: { file: 'policy/03-user-rights-and-control.md', heading: title, line: 12 },
});

export const cardSamples: Record<string, () => AdaptiveCard[]> = {
  'welcome.json': () => [
    welcomeCard({ withRequests: true }),
    welcomeCard({ withRequests: false, inChannelOrGroup: true }),
    welcomeCard({ withRequests: true, notCovered: true }),
  ],
  'faq-answer.json': () => [
    faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [] }),
    faqAnswerCard({
      entry: sampleEntry('policy/rights#deletion', 'Deletion'),
      related: [sampleEntry('policy/rights#portability', 'Data Portability'), sampleEntry('faq#copy', 'Can I request a copy of my personal data?')],
      followUps: [{ title: 'Start a deletion request', verb: 'request.open', data: { kind: 'deletion' } }],
    }),
    faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [], feedbackGiven: 'Thanks for the feedback.' }),
  ],
};
