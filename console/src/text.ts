/**
 * The console's sentences in the language of the person using it: Teams' locale for the tab (from
 * its context), else the language the server chose from the browser's Accept-Language (the page's
 * `lang`). Parts keep a piece of it at load (`const t = consoleText.requests`); each sentence is
 * read when used, so choosing the language before the first render is enough.
 */
import { consoleText as de } from '../../src/strings/de/console';
import { consoleText as en } from '../../src/strings/en/console';
import { consoleText as fr } from '../../src/strings/fr/console';

const BY_LANGUAGE: Readonly<Record<string, unknown>> = { en, de, fr };
let chosen = 'en';

/** Speak the language of a locale ("de-AT" is German); one the console does not speak changes nothing. */
export function useLanguage(locale: string | undefined): void {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary in BY_LANGUAGE) {
    chosen = primary;
    document.documentElement.lang = primary;
  }
}

function view(path: readonly string[]): unknown {
  const read = () => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], BY_LANGUAGE[chosen]);
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        const value = (read() as Record<string, unknown>)[key];
        return typeof value === 'object' && value !== null ? view([...path, key]) : value;
      },
      ownKeys: () => Reflect.ownKeys(read() as object),
      getOwnPropertyDescriptor: (_target, key) => ({ enumerable: true, configurable: true, value: (read() as Record<string | symbol, unknown>)[key] }),
    },
  );
}

export const consoleText = view([]) as typeof en;
