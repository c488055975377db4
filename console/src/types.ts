/** The shapes /console/api answers with, as the page reads them. */
export interface Me {
  readonly name: string;
  readonly role: 'admin' | 'team';
  readonly local: boolean;
  readonly devUser?: string;
  readonly can: { readonly changeRequests: boolean; readonly changeNotices: boolean; readonly forget: boolean };
  readonly questionsEnabled: boolean;
  readonly kinds: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly statuses: readonly string[];
}

export interface AuditRecord {
  readonly action: string;
  readonly params?: Record<string, string>;
  readonly by: { readonly name: string };
  readonly at: string;
}

export interface RequestRow {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly submittedAt: string;
  readonly dueBy: string;
  readonly overdue: boolean;
  readonly failed: boolean;
}

export interface RequestPage {
  readonly rows: readonly RequestRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

export type HistoryEvent =
  | { readonly event: 'received' | 'delivered' | 'erased'; readonly at: string }
  | { readonly event: 'failed'; readonly reason: string }
  | { readonly event: 'progress'; readonly at: string; readonly status: string; readonly message?: string; readonly link?: string };

export interface RequestDetail extends RequestRow {
  readonly progress?: { readonly status: string; readonly message?: string; readonly link?: string };
  readonly history: readonly HistoryEvent[];
  readonly audit: readonly AuditRecord[];
}

export interface QuestionView {
  readonly id: string;
  readonly question: string;
  readonly status: 'open' | 'assigned' | 'answered' | 'closed';
  readonly askedAt: string;
  readonly askedBy: string;
  readonly assignee?: string;
  readonly answer?: { readonly text: string; readonly by: string; readonly at: string; readonly entryId?: string; readonly entryTitle?: string };
  readonly audit?: readonly AuditRecord[];
}

export interface EntryChoice {
  readonly id: string;
  readonly title: string;
}

export interface Suggestion {
  readonly id: string;
  readonly question: string;
  readonly entryId: string;
  readonly title?: string;
  readonly count: number;
}

export interface Insights {
  readonly suggestions: readonly Suggestion[];
  readonly unanswered: ReadonlyArray<{ readonly question: string; readonly count: number; readonly examples: readonly string[] }>;
  readonly notHelpful: ReadonlyArray<{ readonly title: string; readonly notHelpful: number; readonly ratings: number }>;
  readonly paste: ReadonlyArray<{
    readonly questionId: string;
    readonly alsoAsked?: { readonly file: string; readonly heading: string; readonly markdown: string };
    readonly newEntry: string;
  }>;
  readonly charts: {
    readonly questionsPerWeek: ReadonlyArray<{ readonly week: string; readonly counts: Record<string, number> }>;
    readonly requestsPerMonth: ReadonlyArray<{ readonly month: string; readonly counts: Record<string, number> }>;
  };
}

export interface NoticeRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly createdAt: string;
  readonly targets: number;
  readonly delivered: number;
  readonly failed: number;
  readonly pending: number;
  readonly acknowledged: number;
  readonly sendAt?: string;
}

export interface NoticeDetail extends NoticeRow {
  readonly text: string;
  readonly url?: string;
  readonly audit: readonly AuditRecord[];
}

export interface Learned {
  readonly teaching: boolean;
  readonly taught: ReadonlyArray<{
    readonly id: string;
    readonly kind: 'alsoAsked' | 'entry';
    readonly question: string;
    readonly title?: string;
    readonly target?: { readonly file: string; readonly heading: string };
    readonly taughtAt: string;
    readonly markdown: string;
  }>;
  readonly content: ReadonlyArray<{ readonly id: string; readonly title: string; readonly file: string; readonly alsoAsked: readonly string[] }>;
}
