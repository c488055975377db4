import { api } from '../en/api';
import { consoleText } from './console';
import { startup } from '../en/startup';
import { app } from './app';
import { commands } from './commands';
import { common } from './common';
import { faq } from './faq';
import { forms } from './forms';
import { kinds } from './kinds';
import { language } from './language';
import { learned } from './learned';
import { notices } from './notices';
import { questions } from './questions';
import { requests } from './requests';
import { welcome } from './welcome';

/**
 * French. The HTTP API's messages and the start-up banner stay English: they answer the
 * systems the organisation wires to the bot and its operators, not a person in Teams.
 */
export const fr = {
  locale: 'fr-FR',
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
