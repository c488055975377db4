/**
 * The journeys a person takes, in the Agents Playground in headless Chromium: a welcome and a
 * question with a typo; a deletion request to its reference; `my requests`; an export the privacy
 * team reports complete through the status API, reaching the personal chat; an admin's notice
 * reaching a team channel, acknowledged there, then edited, with the channel copy changing in place.
 * Each leaves a screenshot in docs/images for docs/features.md.
 */
import { sendStatus } from '../../examples/status-update/send-status';
import { until } from '../fakes/until';
import { cardWith, press, say, shot, startStack, STATUS_TOKEN, type Stack } from './harness';

describe('a person in a Teams client', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('is welcomed, and a question typed with a typo is answered by the right section', async () => {
    const { page } = stack;
    const welcome = await cardWith(page, 'I answer questions about our privacy policy');
    await shot(page, 'welcome', welcome);
    await say(page, 'how lnog do you keep my data');
    const answer = await cardWith(page, 'Was this helpful?');
    await expectFirstLine(answer, 'Data Retention');
    await shot(page, 'answer', answer);
    await press(answer, 'Yes, this helped');
    await cardWith(page, 'Thanks for the feedback.');
  });

  it('files a deletion request with its confirmation, and the privacy team receives it signed, once', async () => {
    const { page, receiver } = stack;
    await say(page, 'I want my data deleted');
    const form = await cardWith(page, 'Delete your data');
    await shot(page, 'deletion-form', form);
    await press(form, 'Review and confirm');
    const review = await cardWith(page, 'Confirm your deletion request');
    await review.locator('input[type="checkbox"]').check();
    await shot(page, 'deletion-confirm', review);
    await press(review, 'Delete my data');
    const receipt = await cardWith(page, 'Request received');
    const id = (await receipt.innerText()).match(/PR-[0-9A-Z]{8}/)?.[0];
    expect(id).toBeDefined();
    await shot(page, 'deletion-receipt', receipt);
    const [event] = await receiver.waitForEvents(1, 20_000);
    expect(event.data).toMatchObject({ id, kind: 'deletion', details: { scope: 'everything' } });
    expect(receiver.attempts.filter((attempt) => attempt.id === id && attempt.status === 200)).toHaveLength(1);

    await say(page, 'my requests');
    const list = await cardWith(page, 'Your privacy requests');
    expect(await list.innerText()).toContain(id!);
    await shot(page, 'my-requests', list);
  });

  it('tells the requester in their chat when the privacy team completes a request, and my requests shows it', async () => {
    const { page, receiver, botUrl } = stack;
    await say(page, 'export my data');
    const form = await cardWith(page, 'Get a copy of your data');
    await press(form, 'Send request');
    const receipt = await cardWith(page, 'Request received');
    const id = (await receipt.innerText()).match(/PR-[0-9A-Z]{8}/)![0];
    await until(() => receiver.events.some((event) => event.data.id === id), 20_000, `${id} at the privacy team`);

    // The privacy team's system reports it done, with where to fetch the export.
    const answer = await sendStatus(
      botUrl,
      id,
      { status: 'completed', message: 'Your export is ready. The link works for 14 days.', link: 'https://exports.contoso.example/d/alex' },
      { token: STATUS_TOKEN },
    );
    expect(answer.status).toBe(200);
    const update = await cardWith(page, 'Your privacy request is complete', 30_000);
    const text = await update.innerText();
    for (const shown of [id, 'Completed', 'Your export is ready. The link works for 14 days.', 'exports.contoso.example']) expect(text).toContain(shown);
    expect(await update.locator('button[aria-label="Open the link"]').count()).toBe(1);
    await shot(page, 'status-update', update);

    await say(page, 'my requests');
    const list = await cardWith(page, 'Your privacy requests');
    const listed = await list.innerText();
    expect(listed).toContain(id);
    expect(listed).toMatch(/Completed/);
    await shot(page, 'my-requests-status', list);
  });

  it('lets an admin send a notice that appears in a team channel', async () => {
    const { page } = stack;
    // Opening the channel is what installs the app in the Playground's team.
    await page.getByText('General', { exact: true }).click();
    await cardWith(page, 'I answer questions about our privacy policy');
    await page.getByText('Personal Chat', { exact: true }).click();
    await say(page, 'notice');
    const compose = await cardWith(page, 'Send a policy-change notice');
    await compose.getByLabel('Title (up to 120 characters)').fill('Support chats are kept for 12 months');
    await compose
      .getByLabel('What changed (Markdown, up to 4,000 characters)')
      .fill('From 1 January, support chats are deleted after **12 months** instead of 24.');
    await compose.getByLabel('Link to the full change (optional, https)').fill('https://contoso.example/privacy/changes');
    await press(compose, 'Preview');
    const preview = await cardWith(page, 'will see this');
    await shot(page, 'notice-preview', preview);
    await press(preview, 'Send to 1 team');
    await cardWith(page, 'Done.', 30_000);
    await page.getByText('General', { exact: true }).click();
    const notice = await cardWith(page, 'Support chats are kept for 12 months', 30_000);
    await shot(page, 'notice-channel', notice);
  });

  it('lets a reader acknowledge the notice in the channel, and the admin see it and edit the channel copy in place', async () => {
    const { page } = stack;
    // In the channel: "I have read this" turns, for the reader, into the date it was recorded.
    const notice = await cardWith(page, 'Support chats are kept for 12 months', 30_000);
    await press(notice, 'I have read this');
    const acknowledged = await cardWith(page, 'You confirmed you read this on');
    expect(await acknowledged.locator('button[aria-label="I have read this"]').count()).toBe(0);
    await shot(page, 'notice-acknowledged', acknowledged);

    // In the admin's chat: the summary counts the reader; Edit opens the form with the notice in it.
    await page.getByText('Personal Chat', { exact: true }).click();
    const summary = await cardWith(page, 'Notice "Support chats are kept for 12 months"');
    await press(summary, 'Refresh');
    await expectCardText(page, 'Notice "Support chats are kept for 12 months"', /Read by\s*1/);
    const counted = await cardWith(page, 'Notice "Support chats are kept for 12 months"');
    await shot(page, 'notice-summary', counted);
    await press(counted, 'Edit');
    const form = await cardWith(page, 'Edit "Support chats are kept for 12 months"');
    await form
      .getByLabel('What changed (Markdown, up to 4,000 characters)')
      .fill('From 1 February, support chats are deleted after **12 months** instead of 24.');
    await shot(page, 'notice-edit', form);
    await press(form, 'Save changes');
    await cardWith(page, 'Changes saved');

    // Back in the channel, the same message now says what changed, and that it was updated.
    await page.getByText('General', { exact: true }).click();
    const edited = await cardWith(page, 'From 1 February', 30_000);
    expect(await edited.innerText()).toMatch(/Updated on \d+ \w+ \d{4}\./);
    expect(await page.locator('.ac-adaptiveCard').filter({ hasText: 'From 1 January' }).count()).toBe(0);
    await shot(page, 'notice-edited', edited);
  });
});

/** Waits until the newest card containing `title` also matches `text` (cards update in place). */
async function expectCardText(page: import('playwright-core').Page, title: string, text: RegExp): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: title }).last();
    if (text.test(await card.innerText())) return;
    if (Date.now() > deadline) throw new Error(`card "${title}" never matched ${text}: ${await card.innerText()}`);
    await page.waitForTimeout(200);
  }
}

async function expectFirstLine(card: import('playwright-core').Locator, title: string): Promise<void> {
  const first = (await card.innerText())
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean);
  expect(first).toBe(title);
}
