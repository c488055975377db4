import { api } from './api';
import { common } from './common';
import { consoleText } from './console';
import { faq } from './faq';
import { forms } from './forms';
import { notices } from './notices';
import { questions } from './questions';
import { requests } from './requests';
import { startup } from './startup';
import { kinds } from './kinds';
import { learned } from './learned';
import { welcome } from './welcome';
import { language } from './language';
import { app } from './app';
import { commands } from './commands';

/** `locale` formats dates and numbers the way these strings' readers expect. */
export const en = {
  locale: 'en-GB',
  common,
  welcome,
  faq,
  forms,
  kinds,
  requests,
  notices,
  questions,
  learned,
  api,
  startup,
  language,
  commands,
  app,
  console: consoleText,
};
