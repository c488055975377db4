/**
 * Every user-facing sentence, one folder per language with the same shape (a missing sentence does
 * not compile). The language is chosen per turn: the Teams layer runs each turn, and each message
 * to one person, inside `inLanguage`, and `strings` reads the sentences of that language wherever
 * it is used, also through a part of it kept at load (`const s = strings.requests`). Outside any
 * turn (HTTP API answers, start-up) it is the default language.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';

/** Literal sentences become `string`, so a translation has the same keys with its own words. */
type Widen<T> = T extends string ? string : T extends readonly (infer U)[] ? readonly Widen<U>[] : { readonly [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof en>;

const BY_LANGUAGE = { en, de, fr } satisfies Record<string, Strings>;
export type Language = keyof typeof BY_LANGUAGE;
/** The languages the bot speaks, in the order the language card lists them. */
export const LANGUAGES: readonly Language[] = ['en', 'de', 'fr'];
/** The bot's language where nobody's language is known; its strings are the English ones. */
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the bot speaks for a locale ("de-AT" -> "de"), or undefined when it speaks none of it. */
export function languageOfLocale(locale: unknown): Language | undefined {
  if (typeof locale !== 'string') return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The language a browser asks for (an `Accept-Language` header: "de-AT,de;q=0.9,en;q=0.5"): the
 * first the bot speaks by preference, else the default. A malformed header is no preference.
 */
export function languageOfAcceptLanguage(header: unknown): Language {
  if (typeof header !== 'string') return DEFAULT_LANGUAGE;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    const language = languageOfLocale(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

const current = new AsyncLocalStorage<Language>();

/** Runs `work` (and everything it awaits) speaking `language`. */
export function inLanguage<T>(language: Language, work: () => T): T {
  return current.run(language, work);
}

/** The language of the turn (or message) being worked on. */
export function currentLanguage(): Language {
  return current.getStore() ?? DEFAULT_LANGUAGE;
}

/** The sentences of one language, as plain objects (for templates, which walk them). */
export function stringsOf(language: Language): Strings {
  return BY_LANGUAGE[language];
}

/**
 * A view of one part of the strings (by its path of keys) that reads the current language on each
 * access. Each view keeps its child views, so a hot path allocates nothing.
 */
function view(path: readonly string[], shape: object): object {
  const resolve = (): Record<string | symbol, unknown> => {
    let node: unknown = BY_LANGUAGE[currentLanguage()];
    for (const step of path) node = (node as Record<string, unknown>)[step];
    return node as Record<string | symbol, unknown>;
  };
  const children = new Map<string, object>();
  return new Proxy(shape, {
    get(_shape, name) {
      const node = resolve();
      const value = node[name];
      if (typeof name === 'string' && value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(node, name)) {
        let child = children.get(name);
        if (!child) children.set(name, (child = view([...path, name], (shape as Record<string, object>)[name])));
        return child;
      }
      return typeof value === 'function' ? value.bind(node) : value;
    },
    has: (_shape, name) => name in resolve(),
    ownKeys: () => Reflect.ownKeys(resolve()),
    getOwnPropertyDescriptor: (_shape, name) => Reflect.getOwnPropertyDescriptor(resolve(), name),
    set: () => false,
  });
}

/** The sentences of the current language. */
export const strings = view([], en) as Strings;

/** Fills `{name}` placeholders. Values are the caller's; templates never see raw user text as markup. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}
