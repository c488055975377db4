/**
 * Every card template rendered with sample data, keyed by template file. The cards test fails for a
 * template with no sample here, so a new form cannot skip validation.
 */
import type { AdaptiveCard } from '../../src/cards/render';
import { faqAnswerCard } from '../../src/cards/faq-answer-card';
import { welcomeCard } from '../../src/cards/welcome-card';
import { alreadyOpenCard, answersAsFacts, deadLetterCard, myRequestsCard, receiptCard, requestFormCard, statusCard } from '../../src/cards/request-cards';
import { noticeAcknowledgementsCard, noticeCard, noticeComposeCard, noticeEditCard, noticePreviewCard, noticeRecallCard, noticeSummaryCard } from '../../src/cards/notice-cards';
import { DELETION_CONFIRMATION, FORM_FIELDS } from '../../src/requests/forms';
import { FEATURED_REQUEST_KINDS, type PrivacyRequest } from '../../src/requests/types';
import type { FaqEntry } from '../../src/faq/types';

export const sampleEntry = (id: string, title: string): FaqEntry => ({
  id,
  title,
  body: `What the policy says about **${title}**, in a short paragraph with a [link](https://contoso.example).`,
  kind: 'policy',
  part: 'User Rights and Control',
  source: { file: 'policy/03-user-rights-and-control.md', heading: title, line: 12 },
});

export const sampleRequest = (overrides: Partial<PrivacyRequest> = {}): PrivacyRequest => ({
  id: 'PR-7K2M9Q4D',
  kind: 'deletion',
  status: 'received',
  submittedAt: '2026-11-24T10:00:00.000Z',
  dueBy: '2026-12-24T10:00:00.000Z',
  requester: { aadObjectId: 'aad-1', tenantId: 'tenant-1', name: 'Alice', email: 'alice@contoso.example', teamsUserId: '29:alice' },
  details: { scope: 'everything' },
  source: { channelId: 'msteams', conversationId: 'a:1', serviceUrl: 'https://smba.example' },
  ...overrides,
});

const hidden = { requestId: 'PR-7K2M9Q4D', formToken: 'token' };

const sampleNotice = { title: 'We updated how long we keep support chats', text: 'Support chats are now kept for **12 months** instead of 24.\n\n- Applies to new chats\n- Older chats are deleted on schedule', url: 'https://contoso.example/privacy/changes', effectiveDate: '2027-01-01' };
const sampleDraft = { draftId: 'NT-0123456789ABCDEF', title: sampleNotice.title, text: sampleNotice.text, url: sampleNotice.url, effectiveDate: sampleNotice.effectiveDate, target: 'all' as const, teamIds: '', sendDate: '', sendTime: '' };
const sentNotice = { ...sampleNotice, id: sampleDraft.draftId };
const counts = { id: sampleDraft.draftId, targets: 29, acknowledged: 7 };

export const cardSamples: Record<string, () => AdaptiveCard[]> = {
  'notice.json': () => [
    noticeCard(sampleNotice),
    noticeCard({ title: 'Short notice', text: 'Plain text.' }),
    noticeCard({ ...sentNotice, updatedAt: '2027-01-02T10:00:00.000Z' }),
    noticeCard(sentNotice, { acknowledgedAt: '2027-01-03T08:30:00.000Z' }),
  ],
  'notice-compose.json': () => [
    noticeComposeCard({ draftId: sampleDraft.draftId, teams: [] }),
    noticeComposeCard({ draftId: sampleDraft.draftId, teams: [{ id: '19:a', name: 'Finance' }, { id: '19:b', name: 'Sales' }], values: sampleDraft, problems: ['url must be an https:// address'] }),
  ],
  'notice-preview.json': () => [
    noticePreviewCard(sampleNotice, sampleDraft, 29),
    noticePreviewCard({ title: 'No link', text: 'Text' }, { ...sampleDraft, url: '' }, 1),
    noticePreviewCard(sampleNotice, { ...sampleDraft, sendDate: '2027-01-04', sendTime: '09:00' }, 29, { sendAt: '2027-01-04T08:00:00.000Z', timeZone: 'Europe/Berlin' }),
  ],
  'notice-summary.json': () => [
    noticeSummaryCard(sentNotice, { ...counts, status: 'scheduled', sendAt: '2027-01-04T08:00:00.000Z', delivered: 0, failed: 0, pending: 29, acknowledged: 0 }),
    noticeSummaryCard(sentNotice, { ...counts, status: 'sending', delivered: 12, failed: 1, pending: 16 }),
    noticeSummaryCard(sentNotice, { ...counts, status: 'updating', delivered: 28, failed: 1, pending: 0, revision: 2, updatedAt: '2027-01-02T10:00:00.000Z', updated: 20, updateFailed: 0 }),
    noticeSummaryCard(sentNotice, { ...counts, status: 'recalled', delivered: 28, failed: 1, pending: 0, recalledAt: '2027-01-05T10:00:00.000Z', deleted: 28, deleteFailed: 0, cancelled: 0 }),
  ],
  'notice-acks.json': () => [
    noticeAcknowledgementsCard(sentNotice, [], false),
    noticeAcknowledgementsCard(sentNotice, Array.from({ length: 60 }, (_, i) => ({ aadObjectId: `aad-${i}`, name: `Person ${i}`, at: '2027-01-03T08:30:00.000Z', teamId: '19:a' })), false),
    noticeAcknowledgementsCard(sentNotice, [], true),
  ],
  'notice-edit.json': () => [
    noticeEditCard(sentNotice, { title: sentNotice.title, text: sentNotice.text, url: sentNotice.url }),
    noticeEditCard(sentNotice, { title: '', text: sentNotice.text, url: 'http://x' }, ['title cannot be empty', 'url must be an https:// address']),
  ],
  'notice-recall.json': () => [noticeRecallCard(sentNotice, false), noticeRecallCard(sentNotice, true)],
  'request-form.json': () => [
    ...(['export', 'deletion', 'optout', 'rectification'] as const).map((kind) =>
      requestFormCard({ kind, fields: FORM_FIELDS[kind], hidden, requesterName: 'Alice Example', reviewFirst: kind === 'deletion' }),
    ),
    requestFormCard({
      kind: 'rectification',
      fields: FORM_FIELDS.rectification,
      hidden,
      requesterName: 'Alice Example',
      values: { wrong: 'x'.repeat(20) },
      problems: [{ field: 'correct', message: 'Please fill in "What it should be".' }],
    }),
    requestFormCard({
      kind: 'deletion',
      fields: [DELETION_CONFIRMATION],
      hidden,
      requesterName: 'Alice Example',
      review: { facts: answersAsFacts(FORM_FIELDS.deletion, { scope: 'specific', what: 'My old chats' }), carried: { scope: 'specific', what: 'My old chats' } },
    }),
  ],
  'request-status.json': () => [
    receiptCard(sampleRequest()),
    receiptCard(sampleRequest(), { duplicate: true }),
    alreadyOpenCard(sampleRequest()),
    statusCard('Request cancelled', 'Nothing was sent.'),
    deadLetterCard(sampleRequest({ status: 'failed', failure: 'http-410' })),
  ],
  'my-requests.json': () => [
    myRequestsCard([]),
    myRequestsCard([sampleRequest(), sampleRequest({ id: 'PR-AAAA1111', kind: 'export', status: 'delivered' })]),
    myRequestsCard(Array.from({ length: 25 }, (_, i) => sampleRequest({ id: `PR-${String(i).padStart(8, '0')}` }))),
  ],
  'welcome.json': () => [
    welcomeCard({ requestKinds: FEATURED_REQUEST_KINDS }),
    welcomeCard({ requestKinds: [], inChannelOrGroup: true }),
    welcomeCard({ requestKinds: FEATURED_REQUEST_KINDS, notCovered: true }),
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
