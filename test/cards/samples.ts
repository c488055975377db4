/**
 * Every card template rendered with sample data, keyed by template file. The cards test fails for a
 * template with no sample here, so a new form cannot skip validation.
 */
import type { AdaptiveCard } from '../../src/cards/render';
import { faqAnswerCard } from '../../src/cards/faq-answer-card';
import { faqDidYouMeanCard } from '../../src/cards/faq-did-you-mean-card';
import { welcomeCard } from '../../src/cards/welcome-card';
import { alreadyOpenCard, answersAsFacts, deadLetterCard, myRequestsCard, receiptCard, requestFormCard, statusCard } from '../../src/cards/request-cards';
import { noticeCard, noticeComposeCard, noticePreviewCard, noticeSummaryCard } from '../../src/cards/notice-cards';
import { digestCard, requestUpdateCard, withdrawConfirmCard, withdrawnCard } from '../../src/cards/request-progress-cards';
import { PROGRESS_STATUSES } from '../../src/requests/types';
import { FEATURED_REQUEST_KINDS, fieldsOf, REQUEST_KIND_DEFINITIONS, REQUEST_KINDS } from '../../src/requests/kinds';
import type { PrivacyRequest } from '../../src/requests/types';
import type { FaqEntry } from '../../src/faq/types';

export const sampleEntry = (id: string, title: string): FaqEntry => ({
  id,
  title,
  body: `What the policy says about **${title}**, in a short paragraph with a [link](https://contoso.example).`,
  alsoAsked: [],
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
const deletionConfirmation = REQUEST_KIND_DEFINITIONS.deletion.confirmation!;

const sampleNotice = { title: 'We updated how long we keep support chats', text: 'Support chats are now kept for **12 months** instead of 24.\n\n- Applies to new chats\n- Older chats are deleted on schedule', url: 'https://contoso.example/privacy/changes', effectiveDate: '2027-01-01' };
const sampleDraft = { draftId: 'NT-0123456789ABCDEF', title: sampleNotice.title, text: sampleNotice.text, url: sampleNotice.url, effectiveDate: sampleNotice.effectiveDate, target: 'all' as const, teamIds: '' };

export const cardSamples: Record<string, () => AdaptiveCard[]> = {
  'faq-did-you-mean.json': () => [
    faqDidYouMeanCard([sampleEntry('policy/rights#deletion', 'Deletion'), sampleEntry('faq#how-long-do-you-keep-my-data-after-i-leave-the-company', 'How long do you keep my data after I leave the company and my account is closed?')]),
  ],
  'notice.json': () => [noticeCard(sampleNotice), noticeCard({ title: 'Short notice', text: 'Plain text.' })],
  'notice-compose.json': () => [
    noticeComposeCard({ draftId: sampleDraft.draftId, teams: [] }),
    noticeComposeCard({ draftId: sampleDraft.draftId, teams: [{ id: '19:a', name: 'Finance' }, { id: '19:b', name: 'Sales' }], values: sampleDraft, problems: ['url must be an https:// address'] }),
  ],
  'notice-preview.json': () => [noticePreviewCard(sampleNotice, sampleDraft, 29), noticePreviewCard({ title: 'No link', text: 'Text' }, { ...sampleDraft, url: '' }, 1)],
  'notice-summary.json': () => [
    noticeSummaryCard(sampleNotice.title, { id: sampleDraft.draftId, status: 'sending', targets: 29, delivered: 12, failed: 1, pending: 16 }),
    noticeSummaryCard(sampleNotice.title, { id: sampleDraft.draftId, status: 'done', targets: 29, delivered: 28, failed: 1, pending: 0 }),
  ],
  'request-form.json': () => [
    ...REQUEST_KINDS.map((kind) =>
      requestFormCard({ kind, fields: fieldsOf(kind), hidden, requesterName: 'Alice Example', confirmation: REQUEST_KIND_DEFINITIONS[kind].confirmation }),
    ),
    requestFormCard({
      kind: 'rectification',
      fields: fieldsOf('rectification'),
      hidden,
      requesterName: 'Alice Example',
      values: { wrong: 'x'.repeat(20) },
      problems: [{ field: 'correct', message: 'Please fill in "What it should be".' }],
    }),
    requestFormCard({
      kind: 'deletion',
      fields: [deletionConfirmation.field],
      hidden,
      requesterName: 'Alice Example',
      confirmation: deletionConfirmation,
      review: { facts: answersAsFacts(fieldsOf('deletion'), { scope: 'specific', what: 'My old chats' }), carried: { scope: 'specific', what: 'My old chats' } },
    }),
  ],
  'request-status.json': () => [
    receiptCard(sampleRequest()),
    receiptCard(sampleRequest(), { duplicate: true }),
    alreadyOpenCard(sampleRequest()),
    statusCard('Request cancelled', 'Nothing was sent.'),
    deadLetterCard(sampleRequest({ status: 'failed', failure: 'http-410' })),
    deadLetterCard(sampleRequest({ status: 'delivered', withdrawal: { delivery: 'failed', failure: 'http-400' } })),
    withdrawConfirmCard(sampleRequest({ status: 'delivered' })),
    withdrawnCard(sampleRequest({ status: 'delivered', progress: { status: 'withdrawn', updatedAt: '2026-11-30T09:00:00.000Z', closedAt: '2026-11-30T09:00:00.000Z', version: 1, toldVersion: 1 } })),
  ],
  'request-update.json': () => [
    ...PROGRESS_STATUSES.map((status) => requestUpdateCard({ requestId: 'PR-7K2M9Q4D', kind: 'export', status, dueBy: '2026-12-24T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' })),
    requestUpdateCard({
      requestId: 'PR-7K2M9Q4D',
      kind: 'export',
      status: 'completed',
      message: 'Your export is ready. It stays available for **14 days**.\n\nAsk us if anything is missing.',
      link: 'https://exports.contoso.example/d/7K2M9Q4D',
      dueBy: '2026-12-24T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    }),
    requestUpdateCard({ requestId: 'PR-7K2M9Q4D', kind: 'objection', status: 'needs_info', message: 'x'.repeat(2000), dueBy: '2026-12-24T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' }),
  ],
  'request-digest.json': () => [
    digestCard({
      asOf: '2026-12-20T07:00:00.000Z',
      reminderDays: 7,
      overdue: [{ id: 'PR-AAAA1111', kind: 'deletion', dueBy: '2026-12-18T10:00:00.000Z', status: 'delivered' }],
      dueSoon: [{ id: 'PR-BBBB2222', kind: 'export', dueBy: '2026-12-24T10:00:00.000Z', status: 'needs_info' }],
    }),
    digestCard({
      asOf: '2026-12-20T07:00:00.000Z',
      reminderDays: 3,
      overdue: Array.from({ length: 40 }, (_, i) => ({ id: `PR-${String(i).padStart(8, '0')}`, kind: 'restriction' as const, dueBy: '2026-12-01T10:00:00.000Z', status: 'in_progress' as const })),
      dueSoon: [],
    }),
  ],
  'my-requests.json': () => [
    myRequestsCard([]),
    myRequestsCard([
      sampleRequest(),
      sampleRequest({ id: 'PR-AAAA1111', kind: 'export', status: 'delivered', progress: { status: 'completed', link: 'https://exports.contoso.example/x', updatedAt: '2026-12-01T10:00:00.000Z', closedAt: '2026-12-01T10:00:00.000Z', version: 2, toldVersion: 2 } }),
    ]),
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
