import { common } from './common';
import { faq } from './faq';
import { requests } from './requests';
import { requestButtons, welcome } from './welcome';

export const en = { common, welcome, requestButtons, faq, requests };
