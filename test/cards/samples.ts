/**
 * Every card template rendered with sample data, keyed by template file. The cards test fails for a
 * template with no sample here, so a new form cannot skip validation.
 */
import type { AdaptiveCard } from '../../src/cards/render';
import { faqAnswerCard } from '../../src/cards/faq-answer-card';
import { faqDidYouMeanCard } from '../../src/cards/faq-did-you-mean-card';
import { learnedCard } from '../../src/cards/learned-card';
import { welcomeCard } from '../../src/cards/welcome-card';
import { languageCard } from '../../src/cards/language-card';
import { alreadyOpenCard, answersAsFacts, deadLetterCard, deliveryHeldCard, myRequestsCard, receiptCard, requestFormCard } from '../../src/cards/request-cards';
import { statusCard } from '../../src/cards/status-card';
import {
  noticeAcknowledgementsCard,
  noticeCard,
  noticeComposeCard,
  noticeEditCard,
  noticePreviewCard,
  noticeRecallCard,
  noticeSummaryCard,
} from '../../src/cards/notice-cards';
import { digestCard, requestUpdateCard, withdrawConfirmCard, withdrawnCard } from '../../src/cards/request-progress-cards';
import { PROGRESS_STATUSES } from '../../src/requests/types';
import { FEATURED_REQUEST_KINDS, fieldsOf, REQUEST_KIND_DEFINITIONS, REQUEST_KINDS } from '../../src/requests/kinds';
import type { PrivacyRequest } from '../../src/requests/types';
import type { FaqEntry } from '../../src/faq/types';
import {
  insightsCard,
  myQuestionsCard,
  questionAnswerCard,
  questionClosedCard,
  questionFormCard,
  questionReceiptCard,
  ticketCard,
} from '../../src/cards/question-cards';
import { contentPaste } from '../../src/questions/content-paste';
import { erasedQuestion } from '../../src/questions/retention';
import type { Question } from '../../src/questions/types';

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

const sampleNotice = {
  title: 'We updated how long we keep support chats',
  text: 'Support chats are now kept for **12 months** instead of 24.\n\n- Applies to new chats\n- Older chats are deleted on schedule',
  url: 'https://contoso.example/privacy/changes',
  effectiveDate: '2027-01-01',
};
const sampleDraft = {
  draftId: 'NT-0123456789ABCDEF',
  title: sampleNotice.title,
  text: sampleNotice.text,
  url: sampleNotice.url,
  effectiveDate: sampleNotice.effectiveDate,
  target: 'all' as const,
  teamIds: '',
  sendDate: '',
  sendTime: '',
};
const sentNotice = { ...sampleNotice, id: sampleDraft.draftId };
const counts = { id: sampleDraft.draftId, targets: 29, acknowledged: 7 };

const priya = { aadObjectId: 'aad-priya', tenantId: 'tenant-1', name: 'Priya Admin', teamsUserId: '29:priya' };

export const sampleQuestion = (overrides: Partial<Question> = {}): Question => ({
  id: 'Q-7K2M9Q4D',
  text: 'Can my manager read my chats? I mean the *private* ones, not [channels](https://example.com).',
  askedAt: '2026-11-24T10:00:00.000Z',
  asker: { aadObjectId: 'aad-1', tenantId: 'tenant-1', name: 'Alice Example', teamsUserId: '29:alice' },
  replyTo: { userId: '29:alice', tenantId: 'tenant-1', serviceUrl: 'https://smba.example' },
  channel: { serviceUrl: 'https://smba.example', channelId: 'msteams', conversation: { id: '19:privacy@thread.tacv2', conversationType: 'channel' } },
  status: 'open',
  version: 1,
  ticket: {},
  watchers: [],
  updatedAt: '2026-11-24T10:00:00.000Z',
  ...overrides,
});

const answeredQuestion = sampleQuestion({
  status: 'answered',
  entryId: 'policy/rights#deletion',
  assignee: priya,
  answer: {
    text: 'No. Managers cannot read your private chats; see **Monitoring**.\n\nAsk us if anything is unclear.',
    by: priya,
    at: '2026-11-25T09:30:00.000Z',
  },
  watchers: ['29:priya'],
  version: 3,
});

export const cardSamples: Record<string, () => AdaptiveCard[]> = {
  'question-form.json': () => [
    questionFormCard({ question: 'who is the data protection officer?', hidden: { questionId: 'Q-7K2M9Q4D', formToken: 'token' } }),
    questionFormCard({
      question: '',
      hidden: { questionId: 'Q-7K2M9Q4D', formToken: 'token' },
      entryId: 'policy/rights#deletion',
      problem: 'Please write your question.',
    }),
  ],
  'question-ticket.json': () => [
    ticketCard(sampleQuestion()),
    // As many entries as a ticket offers, each with a long title: the card stays within what Teams takes.
    ticketCard(sampleQuestion(), {
      choices: Array.from({ length: 400 }, (_, i) => sampleEntry(`faq#entry-${i}-${'e'.repeat(60)}`, `Entry ${i} ${'t'.repeat(200)}`)),
    }),
    ticketCard(
      { ...answeredQuestion, answer: { ...answeredQuestion.answer!, text: '', entryId: 'policy/rights#deletion', teach: true } },
      {
        chosen: 'Deletion',
        paste: contentPaste({ ...answeredQuestion, answer: { ...answeredQuestion.answer!, text: '' } }, sampleEntry('policy/rights#deletion', 'Deletion')),
      },
    ),
    ticketCard(sampleQuestion({ status: 'assigned', assignee: priya, watchers: ['29:priya'], version: 2 }), { viewer: 'aad-priya', reading: 'Deletion' }),
    ticketCard(answeredQuestion, {
      reading: 'Deletion',
      paste: contentPaste(answeredQuestion, sampleEntry('policy/rights#deletion', 'Deletion')),
      notice: { text: 'Your answer is on its way to Alice Example.', style: 'good' },
    }),
    ticketCard(
      { ...answeredQuestion, status: 'closed', closed: { by: priya, at: '2026-11-26T09:00:00.000Z' } },
      { notice: { text: 'This question is closed: nothing was changed.', style: 'warning' } },
    ),
    ticketCard(erasedQuestion(answeredQuestion, Date.parse('2027-11-26T09:00:00.000Z')), {
      notice: { text: 'This question was erased after the retention period: nothing was changed.', style: 'warning' },
    }),
  ],
  'question-message.json': () => [
    questionAnswerCard({
      id: 'Q-7K2M9Q4D',
      question: 'Can my manager read my chats?',
      answer: 'No.',
      answeredBy: 'Priya Admin',
      answeredAt: '2026-11-25T09:30:00.000Z',
    }),
    questionAnswerCard(
      { id: 'Q-7K2M9Q4D', question: 'Can my manager read my chats?', answer: 'No.', answeredBy: 'Priya Admin', answeredAt: '2026-11-25T09:30:00.000Z' },
      'Thanks for the feedback.',
    ),
  ],
  'my-questions.json': () => [
    myQuestionsCard([]),
    myQuestionsCard([{ ...answeredQuestion, answer: { ...answeredQuestion.answer!, text: '', entryId: 'policy/rights#deletion' } }], () => 'Deletion'),
    myQuestionsCard([answeredQuestion, sampleQuestion({ id: 'Q-AAAA1111' }), erasedQuestion(answeredQuestion, Date.parse('2027-11-26T09:00:00.000Z'))]),
    myQuestionsCard(Array.from({ length: 30 }, (_, i) => sampleQuestion({ id: `Q-${String(i).padStart(8, '0')}`, text: 'x'.repeat(1000) }))),
  ],
  'insights.json': () => [
    insightsCard({
      from: '2026-10-26T10:00:00.000Z',
      to: '2026-11-25T10:00:00.000Z',
      days: 30,
      retentionDays: 90,
      unanswered: [],
      notHelpful: [],
      sentToTeam: [],
      paste: [],
      suggestions: [],
    }),
    insightsCard({
      from: '2026-10-26T10:00:00.000Z',
      to: '2026-11-25T10:00:00.000Z',
      days: 30,
      retentionDays: 90,
      unanswered: Array.from({ length: 30 }, (_, i) => ({
        question: `who is the data protection officer ${i} ${'y'.repeat(900)}`,
        count: 30 - i,
        examples: ['dpo contact', 'x'.repeat(1000)],
        lastAskedAt: '2026-11-24T10:00:00.000Z',
      })),
      notHelpful: [{ entryId: 'policy/rights#deletion', title: 'Deletion', file: 'policy/03-user-rights-and-control.md', notHelpful: 4, ratings: 6 }],
      sentToTeam: Array.from({ length: 30 }, (_, i) => ({
        id: `Q-${String(i).padStart(8, '0')}`,
        question: 'z'.repeat(1000),
        status: 'answered' as const,
        askedAt: '2026-11-24T10:00:00.000Z',
      })),
      suggestions: Array.from({ length: 30 }, (_, i) => ({
        id: `${i}`.padStart(24, 'a'),
        question: 'w'.repeat(1000),
        entryId: 'policy/rights#deletion',
        title: 'Deletion',
        count: 30 - i,
        lastAt: '2026-11-24T10:00:00.000Z',
      })),
      paste: Array.from({ length: 10 }, (_, i) =>
        contentPaste(
          {
            ...answeredQuestion,
            id: `Q-${String(i).padStart(8, '0')}`,
            text: 'q'.repeat(1000),
            answer: { ...answeredQuestion.answer!, text: 'a'.repeat(4000) },
          },
          sampleEntry('policy/rights#deletion', 'Deletion'),
        )!,
      ),
    }),
  ],
  'faq-did-you-mean.json': () => [
    faqDidYouMeanCard([
      sampleEntry('policy/rights#deletion', 'Deletion'),
      sampleEntry(
        'faq#how-long-do-you-keep-my-data-after-i-leave-the-company',
        'How long do you keep my data after I leave the company and my account is closed?',
      ),
    ]),
    faqDidYouMeanCard([sampleEntry('policy/rights#deletion', 'Deletion'), sampleEntry('faq#x', 'Data Portability')], {
      question: 'can I get rid of my data',
      actions: [{ title: 'Ask the privacy team', verb: 'question.open', data: { question: 'can I get rid of my data' } }],
    }),
  ],
  'notice.json': () => [
    noticeCard(sampleNotice),
    noticeCard({ title: 'Short notice', text: 'Plain text.' }),
    noticeCard({ ...sentNotice, updatedAt: '2027-01-02T10:00:00.000Z' }),
    noticeCard(sentNotice, { acknowledgedAt: '2027-01-03T08:30:00.000Z' }),
  ],
  'notice-compose.json': () => [
    noticeComposeCard({ draftId: sampleDraft.draftId, teams: [] }),
    noticeComposeCard({
      draftId: sampleDraft.draftId,
      teams: [
        { id: '19:a', name: 'Finance' },
        { id: '19:b', name: 'Sales' },
      ],
      values: sampleDraft,
      problems: ['url must be an https:// address'],
    }),
  ],
  'notice-preview.json': () => [
    noticePreviewCard(sampleNotice, sampleDraft, 29),
    noticePreviewCard({ title: 'No link', text: 'Text' }, { ...sampleDraft, url: '' }, 1),
    noticePreviewCard(sampleNotice, { ...sampleDraft, sendDate: '2027-01-04', sendTime: '09:00' }, 29, {
      sendAt: '2027-01-04T08:00:00.000Z',
      timeZone: 'Europe/Berlin',
    }),
  ],
  'notice-summary.json': () => [
    noticeSummaryCard(sentNotice, {
      ...counts,
      status: 'scheduled',
      sendAt: '2027-01-04T08:00:00.000Z',
      delivered: 0,
      failed: 0,
      pending: 29,
      acknowledged: 0,
    }),
    noticeSummaryCard(sentNotice, { ...counts, status: 'sending', delivered: 12, failed: 1, pending: 16 }),
    noticeSummaryCard(sentNotice, {
      ...counts,
      status: 'updating',
      delivered: 28,
      failed: 1,
      pending: 0,
      revision: 2,
      updatedAt: '2027-01-02T10:00:00.000Z',
      updated: 20,
      updateFailed: 0,
    }),
    noticeSummaryCard(sentNotice, {
      ...counts,
      status: 'recalled',
      delivered: 28,
      failed: 1,
      pending: 0,
      recalledAt: '2027-01-05T10:00:00.000Z',
      deleted: 28,
      deleteFailed: 0,
      cancelled: 0,
    }),
  ],
  'notice-acks.json': () => [
    noticeAcknowledgementsCard(sentNotice, [], false),
    noticeAcknowledgementsCard(
      sentNotice,
      Array.from({ length: 60 }, (_, i) => ({ aadObjectId: `aad-${i}`, name: `Person ${i}`, at: '2027-01-03T08:30:00.000Z', teamId: '19:a' })),
      false,
    ),
    noticeAcknowledgementsCard(sentNotice, [], true),
  ],
  'notice-edit.json': () => [
    noticeEditCard(sentNotice, { title: sentNotice.title, text: sentNotice.text, url: sentNotice.url }),
    noticeEditCard(sentNotice, { title: '', text: sentNotice.text, url: 'http://x' }, ['title cannot be empty', 'url must be an https:// address']),
  ],
  'notice-recall.json': () => [noticeRecallCard(sentNotice, false), noticeRecallCard(sentNotice, true)],
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
      review: {
        facts: answersAsFacts(fieldsOf('deletion'), { scope: 'specific', what: 'My old chats' }),
        carried: { scope: 'specific', what: 'My old chats' },
      },
    }),
  ],
  'status.json': () => [
    receiptCard(sampleRequest()),
    receiptCard(sampleRequest(), { duplicate: true }),
    receiptCard(sampleRequest(), { held: true }),
    deliveryHeldCard({ reason: 'unconfigured', since: '2026-11-24T10:00:00.000Z' }),
    deliveryHeldCard({ reason: 'unreachable', since: '2026-11-24T10:00:00.000Z' }),
    alreadyOpenCard(sampleRequest()),
    statusCard('Request cancelled', 'Nothing was sent.'),
    deadLetterCard(sampleRequest({ status: 'failed', failure: 'http-410' })),
    deadLetterCard(sampleRequest({ status: 'delivered', withdrawal: { delivery: 'failed', failure: 'http-400' } })),
    withdrawConfirmCard(sampleRequest({ status: 'delivered' })),
    withdrawnCard(
      sampleRequest({
        status: 'delivered',
        progress: { status: 'withdrawn', updatedAt: '2026-11-30T09:00:00.000Z', closedAt: '2026-11-30T09:00:00.000Z', version: 1, toldVersion: 1 },
      }),
    ),
    questionReceiptCard(sampleQuestion()),
    questionReceiptCard(sampleQuestion(), { duplicate: true }),
    questionClosedCard({ id: 'Q-7K2M9Q4D', question: 'Can my manager read my chats?' }),
    statusCard('Question not sent', 'Nothing was sent to the privacy team.'),
  ],
  'request-update.json': () => [
    ...PROGRESS_STATUSES.map((status) =>
      requestUpdateCard({ requestId: 'PR-7K2M9Q4D', kind: 'export', status, dueBy: '2026-12-24T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' }),
    ),
    requestUpdateCard({
      requestId: 'PR-7K2M9Q4D',
      kind: 'export',
      status: 'completed',
      message: 'Your export is ready. It stays available for **14 days**.\n\nAsk us if anything is missing.',
      link: 'https://exports.contoso.example/d/7K2M9Q4D',
      dueBy: '2026-12-24T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    }),
    requestUpdateCard({
      requestId: 'PR-7K2M9Q4D',
      kind: 'objection',
      status: 'needs_info',
      message: 'x'.repeat(2000),
      dueBy: '2026-12-24T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    }),
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
      overdue: Array.from({ length: 40 }, (_, i) => ({
        id: `PR-${String(i).padStart(8, '0')}`,
        kind: 'restriction' as const,
        dueBy: '2026-12-01T10:00:00.000Z',
        status: 'in_progress' as const,
      })),
      dueSoon: [],
    }),
  ],
  'my-requests.json': () => [
    myRequestsCard([]),
    myRequestsCard([
      sampleRequest(),
      sampleRequest({
        id: 'PR-AAAA1111',
        kind: 'export',
        status: 'delivered',
        progress: {
          status: 'completed',
          link: 'https://exports.contoso.example/x',
          updatedAt: '2026-12-01T10:00:00.000Z',
          closedAt: '2026-12-01T10:00:00.000Z',
          version: 2,
          toldVersion: 2,
        },
      }),
    ]),
    myRequestsCard(Array.from({ length: 25 }, (_, i) => sampleRequest({ id: `PR-${String(i).padStart(8, '0')}` }))),
  ],
  'language.json': () => [languageCard()],
  'welcome.json': () => [
    welcomeCard({ requestKinds: FEATURED_REQUEST_KINDS }),
    welcomeCard({ requestKinds: [], inChannelOrGroup: true }),
    welcomeCard({ requestKinds: FEATURED_REQUEST_KINDS, notCovered: true }),
    welcomeCard({
      requestKinds: FEATURED_REQUEST_KINDS,
      notCovered: true,
      notCoveredActions: [{ title: 'Ask the privacy team', verb: 'question.open', data: { question: 'who is the dpo' } }],
    }),
  ],
  'faq-answer.json': () => [
    faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [] }),
    faqAnswerCard({
      entry: sampleEntry('policy/rights#deletion', 'Deletion'),
      related: [sampleEntry('policy/rights#portability', 'Data Portability'), sampleEntry('faq#copy', 'Can I request a copy of my personal data?')],
      followUps: [{ title: 'Start a deletion request', verb: 'request.open', data: { kind: 'deletion' } }],
    }),
    faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [], feedbackGiven: 'Thanks for the feedback.' }),
    faqAnswerCard({ entry: sampleEntry('policy/rights#deletion', 'Deletion'), related: [], question: 'can i be forgotten', via: 'didYouMean' }),
    faqAnswerCard({
      entry: sampleEntry('policy/rights#deletion', 'Deletion'),
      related: [],
      question: 'can i be forgotten',
      chosen: { line: 'The privacy team chose this answer for your question Q-7K2M9Q4D.', text: 'Yes, *within a month*.' },
    }),
    faqAnswerCard({
      entry: sampleEntry('policy/rights#deletion', 'Deletion'),
      related: [],
      chosen: { line: 'The privacy team chose this answer for your question Q-7K2M9Q4D.' },
    }),
  ],
  'learned.json': () => [
    learnedCard([]),
    learnedCard(
      [
        {
          id: 'L-7K2M9Q4D',
          kind: 'alsoAsked',
          question: 'can i be forgotten',
          entryId: 'policy/rights#deletion',
          taughtAt: '2026-11-25T09:30:00.000Z',
          title: 'Deletion',
          target: { file: 'policy/03-user-rights-and-control.md', heading: 'Deletion' },
          markdown: 'Also asked: can i be forgotten',
        },
        {
          id: 'L-7K2M9Q4E',
          kind: 'alsoAsked',
          question: 'gone entry',
          entryId: 'policy/old#x',
          taughtAt: '2026-11-25T09:30:00.000Z',
          markdown: 'Also asked: gone entry',
        },
        ...Array.from({ length: 30 }, (_, i) => ({
          id: `L-${String(i).padStart(8, '0')}`,
          kind: 'entry' as const,
          question: 'q'.repeat(1000),
          answer: 'a'.repeat(4000),
          taughtAt: '2026-11-25T09:30:00.000Z',
          title: 'q'.repeat(1000),
          markdown: `## ${'q'.repeat(1000)}?\n${'a'.repeat(4000)}\n`,
        })),
      ],
      'Forgotten: the bot no longer answers "x" from it.',
    ),
  ],
};
