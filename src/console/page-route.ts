/**
 * GET /console: the page shell, and its bundled script and style (built into dist/console by
 * `npm run build`). Every answer carries a Content-Security-Policy that allows only the bot's own
 * script, style and API, and framing by Teams and Microsoft 365 alone. No inline script: what the
 * page needs to know (local mode or Teams, the theme) it reads from data attributes and /console/api/me.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors';
import { sendError } from '../http/send-error';
import { inLanguage, languageOfAcceptLanguage, strings, type Language } from '../strings';

/**
 * Where Teams and the Microsoft 365 apps frame tabs from; nowhere else may. These are Microsoft's
 * hosts (Teams, Outlook on the web, the Microsoft 365 app), the same for every organisation.
 */
export const FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

/**
 * Inside Teams the Teams library also reads Microsoft's list of Teams origins (JSON, from its CDN);
 * without it, it falls back to the list it was built with. Nothing else leaves the bot.
 */
const TEAMS_ORIGIN_LIST = 'https://res.cdn.office.net';

export function contentSecurityPolicy(localMode: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${localMode ? '' : ` ${TEAMS_ORIGIN_LIST}`}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** The bundle's files: the entry, its chunks (name-HASH.js) and the style sheet. Nothing else is served. */
const ASSET_NAME = /^[A-Za-z0-9_]+(-[A-Z0-9]{8})?\.(js|css)$/;
const TYPES: Readonly<Record<string, string>> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

function setPageHeaders(res: Response, localMode: boolean): void {
  res.setHeader('content-security-policy', contentSecurityPolicy(localMode));
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
}

export function registerPageRoute(server: Server, options: { readonly assetsDir: string; readonly localMode: boolean }): void {
  const cache = new Map<string, Buffer>();
  const asset = (name: string): Buffer | undefined => {
    if (!cache.has(name)) {
      const file = path.join(options.assetsDir, name);
      if (!existsSync(file)) return undefined;
      cache.set(name, readFileSync(file));
    }
    return cache.get(name);
  };

  server.get('/console', async (req: Request, res: Response) => {
    setPageHeaders(res, options.localMode);
    // The browser's language; inside Teams the page then switches to the person's Teams locale.
    const language = languageOfAcceptLanguage(req.headers['accept-language']);
    const body = inLanguage(language, () => page(options.localMode, language));
    res.setHeader('vary', 'accept-language');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });

  server.get('/console/assets/:name', async (req: Request, res: Response) => {
    setPageHeaders(res, options.localMode);
    const name = String(req.params.name ?? '');
    const type = ASSET_NAME.test(name) ? TYPES[name.slice(name.lastIndexOf('.') + 1)] : undefined;
    const content = type ? asset(name) : undefined;
    if (!type || !content) return sendError(res, new AppError('NOT_FOUND', strings.api.notFound));
    res.writeHead(200, { 'content-type': type, 'content-length': content.length });
    res.end(content);
  });
}

function page(localMode: boolean, language: Language): string {
  const t = strings.console.page;
  return `<!doctype html>
<html lang="${language}" data-mode="${localMode ? 'local' : 'teams'}" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/console.css">
<script type="module" src="/console/assets/console.js"></script>
</head>
<body>
<div id="app" aria-busy="true"><p class="loading">${t.loading}</p></div>
</body>
</html>
`;
}

/** dist/console, found from this file whether it runs from src/ (tests) or dist/src/ (the bot). */
export function defaultAssetsDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'console');
}
