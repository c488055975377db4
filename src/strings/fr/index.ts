import { api } from '../en/api';
import { app } from './app';
import { commands } from './commands';
import { common } from './common';
import { faq } from './faq';
import { forms } from './forms';
import { kinds } from './kinds';
import { language } from './language';
import { notices } from './notices';
import { questions } from './questions';
import { requests } from './requests';
import { welcome } from './welcome';

/**
 * French. The HTTP API's messages stay English: they answer the systems the organisation wires to
 * the bot, not a person in Teams, and whoever reads those logs reads the API's English docs.
 */
export const fr = { locale: 'fr-FR', common, welcome, faq, forms, kinds, requests, notices, questions, api, language, commands, app };
