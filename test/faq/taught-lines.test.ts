/**
 * What the privacy team teaches is one asker's wording for one entry. It finds that entry again in
 * other words, but it must not pull every question that shares its everyday words ("how long",
 * "kept", "data") to that entry: answers that were right before teaching stay right after it.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { liveFaqOver } from '../fakes/held-taught-source';
import { writtenNotice } from './written-notice';

const entries = writtenNotice([
  ['Who we are', 'Brightwater Leisure runs three water parks and is the controller of the personal data it holds about visitors.'],
  [
    'Fast-track wristbands',
    'A fast-track wristband carries a chip with your ride reservations. We link the chip to your booking and delete the link when the park closes.',
  ],
  ['Ride photos', 'Cameras on some rides take a photo you can buy at the exit. Photos nobody buys are deleted after three days.'],
  ['Tickets and bookings', 'To sell you a ticket we record your name, email, the date of your visit and how you paid: the data we need to let you in.'],
  [
    'How long we keep information',
    'We keep booking data for six years for tax reasons, CCTV footage for 30 days and complaint files for three years after they close.',
  ],
  ['Your rights', 'You can ask for a copy of the data we hold about you, and ask us to correct or delete it.'],
]);
const content = createFaqService(entries);

async function taught(lines: Array<{ title: string; text: string }>) {
  const { faq, source } = liveFaqOver(content);
  source.set({ entries: [], alsoAsked: lines.map(({ title, text }) => ({ entryId: entries.find((entry) => entry.title === title)!.id, text })) });
  await faq.refresh();
  return faq;
}

describe('a taught question', () => {
  const generic = [
    'how long do you keep my information',
    'how long is my booking kept',
    'how long do you hold data for',
    'how long do you hang onto my booking stuff',
  ];

  it('leaves questions answered right before it with the entry that answered them', async () => {
    for (const question of generic) expect(content.answer(question).entry?.title).toBe('How long we keep information');
    const faq = await taught([{ title: 'Fast-track wristbands', text: 'wristband data how long kept' }]);
    for (const question of generic) expect(faq.answer(question).entry?.title).toBe('How long we keep information');
  });

  it('is answered with its entry word for word, and still leads asked in other words', async () => {
    const faq = await taught([{ title: 'Fast-track wristbands', text: 'wristband data how long kept' }]);
    expect(faq.answer('wristband data how long kept').entry?.title).toBe('Fast-track wristbands');
    expect(faq.answer('how long is the data on my wristband kept').entry?.title).toBe('Fast-track wristbands');
  });
});
