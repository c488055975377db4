import { common } from './common';
import { faq } from './faq';
import { forms } from './forms';
import { notices } from './notices';
import { requests } from './requests';
import { requestButtons, welcome } from './welcome';

export const en = { common, welcome, requestButtons, faq, forms, requests, notices };
