/**
 * Ask the privacy team, as people see it in the Agents Playground (headless Chromium): a question
 * the policy does not cover, Ask the privacy team, the ticket in the team's General channel (standing
 * in for the privacy team's channel), Assign to me and Answer there, and the answer back in the
 * asker's personal chat; then an admin's insights. Each step leaves a screenshot in docs/images.
 */
import { until } from '../fakes/until';
import { cardWith, press, say, shot, startStack, type Stack } from './harness';

/** The Playground team's General channel, as its installation events name it (in Teams, the team's id). */
const GENERAL_CHANNEL = 'team-id';

describe('asking the privacy team in a Teams client', () => {
  let stack: Stack;
  /** Waits for the bot to log that the ticket's card was replaced with this version of it. */
  const untilCardShows = (id: string, version: number) =>
    until(
      () => stack.bot.output.some((line) => line.includes('ticket updated') && line.includes(`"questionId":"${id}"`) && line.includes(`"version":${version}`)),
      30_000,
      `${id} version ${version} in the channel`,
    );

  beforeAll(async () => {
    stack = await startStack({ PRIVACY_TEAM_CHANNEL: GENERAL_CHANNEL });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('takes a question the policy does not cover to the privacy channel and brings the answer back', async () => {
    const { page } = stack;
    // The bot must be installed in the privacy team's team: opening its channel does that here.
    await page.getByText('General', { exact: true }).click();
    await cardWith(page, 'I answer questions about our privacy policy');
    await page.getByText('Personal Chat', { exact: true }).click();
    await cardWith(page, 'I answer questions about our privacy policy');
    await say(page, 'is my data used to train AI?');
    const notCovered = await cardWith(page, 'The policy does not cover that');
    await shot(page, 'ask-not-covered', notCovered);

    await press(notCovered, 'Ask the privacy team');
    const form = await cardWith(page, 'A person on the privacy team will read your question');
    const box = form.locator('textarea').first();
    expect(await box.inputValue()).toBe('is my data used to train AI?');
    await box.fill('Is my data used to train AI models, and can I opt out of that?');
    await shot(page, 'ask-form', form);
    await press(form, 'Send');
    const receipt = await cardWith(page, 'Question sent to the privacy team');
    const id = (await receipt.innerText()).match(/Q-[0-9A-Z]{8}/)?.[0];
    expect(id).toBeDefined();
    await shot(page, 'ask-receipt', receipt);

    await page.getByText('General', { exact: true }).click();
    const ticket = await cardWith(page, `Question ${id}`, 30_000);
    expect(await ticket.innerText()).toContain('Open: nobody has it yet');
    await shot(page, 'ask-ticket', ticket);
    await press(ticket, 'Assign to me');
    // The presser's card comes back from the button and the card everyone sees is replaced in place,
    // in either order here (the Playground has one user, and never asks for a card's refresh): wait
    // for the replacement, so that the next button is not pressed on a card about to be swapped.
    await untilCardShows(id!, 2);
    const assigned = await cardWith(page, `Question ${id}`);
    expect(await assigned.innerText()).toMatch(/Assigned to (you|Alex Wilber)/);
    await press(assigned, 'Answer');
    // The form offers the entries and teaching the bot (left on, as it comes).
    await assigned.getByText('Teach the bot this question').waitFor({ state: 'visible' });
    await shot(page, 'ask-answer-form', assigned);
    await assigned
      .locator('textarea')
      .first()
      .fill('No: our AI features do not learn from your data, so there is nothing to opt out of. Ask us here if anything is unclear.');
    await press(assigned, 'Send answer');
    await untilCardShows(id!, 3);
    const answered = await cardWith(page, 'Answered by Alex Wilber');
    // The Markdown for content/: a new FAQ entry with the team's answer (the question matched no entry).
    expect(await answered.locator('textarea').last().inputValue()).toMatch(
      /^## Is my data used to train AI models, and can I opt out of that\?\nNo: our AI features do not learn from your data/,
    );
    await shot(page, 'ask-ticket-answered', answered);

    await page.getByText('Personal Chat', { exact: true }).click();
    const answer = await cardWith(page, 'Answer from the privacy team', 30_000);
    const text = await answer.innerText();
    expect(text).toContain('Is my data used to train AI models, and can I opt out of that?');
    expect(text).toContain('do not learn from your data');
    expect(text).toContain('Was this helpful?');
    await shot(page, 'ask-answer', answer);

    // Every answer card offers it too, and a "No, it did not" shows in the insights.
    await say(page, 'how long do you keep my data');
    const policyAnswer = await cardWith(page, 'Was this helpful?');
    await shot(page, 'ask-under-answer', policyAnswer);
    await press(policyAnswer, 'No, it did not');
    const rated = await cardWith(page, 'Thanks for telling me');
    expect(await rated.locator('button[aria-label="Ask the privacy team"]').count()).toBe(1);
    // Taught: the same question in other words now finds the team's answer instead of "not covered".
    await say(page, 'will my messages train the AI model');
    const taught = await cardWith(page, 'Source: answers of the privacy team');
    expect(await taught.innerText()).toContain('do not learn from your data');

    await say(page, 'insights');
    const insights = await cardWith(page, 'What the content is missing');
    const seen = await insights.innerText();
    expect(seen).toMatch(/1× ".*train.*"/);
    expect(seen).toContain('Data Retention (policy/02-data-protection-and-security.md): 1 of 1 said not helpful');
    await shot(page, 'insights', insights);
  });
});
