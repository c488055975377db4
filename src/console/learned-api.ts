/**
 * /console/api/learned: what the bot answers from. Today that is the content files' entries; taught
 * lines and entries (from the privacy team's answers) come through `TaughtContent`, the seam where
 * the teaching feature plugs in, with Forget for privacy admins.
 */
import type { Server } from 'restify';
import { AppError } from '../errors';
import type { FaqService } from '../faq/types';
import { sendError } from '../http/send-error';
import type { Logger } from '../logger';
import { strings } from '../strings';
import type { AuditTrail } from './audit-trail';
import type { consoleGuard } from './guard';
import { handled } from './handle';
import { who } from './requests-api';

/** One taught line or entry, as the teaching feature lists it. */
export interface TaughtItem {
  readonly id: string;
  /** A line added under an existing entry, or an entry of its own. */
  readonly type: 'line' | 'entry';
  readonly text: string;
  /** The entry it belongs to (a line), or its own title (an entry). */
  readonly title: string;
  readonly taughtAt: string;
  /** The Markdown to paste into the content files. */
  readonly markdown: string;
}

/** The teaching feature's side of the console. Absent until that feature is wired. */
export interface TaughtContent {
  list(): Promise<readonly TaughtItem[]>;
  /** False when there was nothing with that id. */
  forget(id: string): Promise<boolean>;
}

export interface LearnedApiDeps {
  readonly guard: ReturnType<typeof consoleGuard>;
  readonly faq: Pick<FaqService, 'entries'>;
  readonly taught?: TaughtContent;
  readonly audit: AuditTrail;
  readonly logger: Logger;
}

const TAUGHT_ID = /^[A-Za-z0-9._:-]{1,80}$/;

export function registerLearnedApi(server: Server, deps: LearnedApiDeps): void {
  server.get('/console/api/learned', deps.guard('learned', 'read'), handled('console.learned', deps.logger, async (_req, res) => {
    res.send(200, {
      teaching: deps.taught !== undefined,
      taught: deps.taught ? await deps.taught.list() : [],
      content: deps.faq.entries.map((entry) => ({ id: entry.id, title: entry.title, file: entry.source.file, kind: entry.kind, alsoAsked: entry.alsoAsked })),
    });
  }));

  server.del('/console/api/learned/:id', deps.guard('learned.forget', 'learned.change'), handled('console.learned.forget', deps.logger, async (req, res) => {
    const id = String(req.params.id ?? '');
    if (!deps.taught || !TAUGHT_ID.test(id) || !(await deps.taught.forget(id))) return sendError(res, new AppError('NOT_FOUND', strings.api.notFound));
    await deps.audit.record({ item: `learned.${id}`, action: 'forget', by: who(req) });
    res.send(200, { id, forgotten: true });
  }));
}
