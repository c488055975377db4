/**
 * Privacy vocabulary true of any privacy policy: the terms of data-protection law (GDPR, UK GDPR,
 * CCPA) and of privacy notices in general, with the plain words people use for them. It is the one
 * place for domain words; it must never hold the words of one organisation's policy (its products,
 * its sections, its own phrasing). An organisation teaches the bot its own words with `Also asked:`
 * lines in its content instead.
 *
 * A question that uses one expression of a group is also searched with the group's other
 * expressions, with a lower weight; the words general English already relates (word vectors and
 * WordNet, see src/language) need no entry here. It never decides alone whether a question is
 * covered: the content does (see content-vocabulary.ts); only a question in the form of a service
 * request that says none of it is declined (see service-question.ts).
 */

/** Abbreviations and what they stand for (`|` between meanings): the question is searched for the words written out too, as a phrase. */
export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['gdpr', 'general data protection regulation'],
      ['dpo', 'data protection officer'],
      ['dpa', 'data processing agreement|data protection act'],
      ['dpia', 'data protection impact assessment'],
      ['dsar', 'data subject access request'],
      ['sar', 'subject access request'],
      ['pii', 'personal information'],
      ['ccpa', 'california consumer privacy act'],
      ['cpra', 'california privacy rights act'],
      ['ico', 'information commissioner'],
      ['scc', 'standard contractual clauses'],
      ['sccs', 'standard contractual clauses'],
      ['eea', 'european economic area'],
      ['mfa', 'multi factor authentication'],
      ['2fa', 'two factor authentication'],
      ['cctv', 'camera|video'],
      ['tls', 'encryption'],
      ['ssl', 'encryption'],
      ['aes', 'encryption'],
      ['hr', 'human resources'],
    ] as Array<[string, string]>
  ).map(([abbreviation, long]) => [abbreviation, long.split('|')]),
);

/**
 * Names people give the policy itself: in a question they say nothing about which part is meant.
 * Two words at least: "policy" or "notice" alone may be a topic ("the disciplinary policy").
 */
export const DOCUMENT_NAMES: readonly string[] = ['privacy policy', 'privacy notice', 'privacy statement', 'data protection policy', 'data protection notice'];

/**
 * Words of a question about the document itself changing ("has the privacy policy been updated"): there
 * the document's name is the topic, in the content's own word for it. Compared by stem, so each stands
 * for its forms ("updated", "changes").
 */
export const DOCUMENT_CHANGE_WORDS: readonly string[] = ['change', 'update', 'revise', 'amend'];

/**
 * Words for personal data, the forms it comes in and what is done with it, true of any notice: a
 * question that asks for a service (see service-question.ts) and uses one of these, or of the groups
 * below, may be asking about data after all ("can I see my notes", "how do I stop the texts").
 */
export const PERSONAL_DATA_WORDS: readonly string[] = [
  'data',
  'information',
  'info',
  'details',
  'record',
  'records',
  'note',
  'notes',
  'personal',
  'privacy',
  'camera',
  'cameras',
  'photo',
  'photos',
  'picture',
  'pictures',
  'pic',
  'pics',
  'video',
  'videos',
  'footage',
  'recording',
  'recordings',
  'username',
  'history',
  'file',
  'files',
  'analytics',
  'biometric',
  'biometrics',
  'fingerprint',
  'fingerprints',
  'facial',
  'dna',
  'automated',
  'decision',
  'decisions',
  'receipt',
  'receipts',
  'server',
  'servers',
  'email',
  'emails',
  'text',
  'texts',
  'call',
  'calls',
  'letter',
  'letters',
  'name',
  'address',
  'see',
  'tell',
  'told',
  'use',
  'used',
  'ask',
  'asked',
  'copy',
  'copies',
  'stop',
];

/**
 * The nouns for one's data in general. Said on their own ("who gets my details", "what info do you
 * keep"), not as a kind of something ("bank details"), each means what the others do, so a notice
 * that says "your information" answers "my details".
 */
export const DATA_NOUNS: readonly string[] = ['data', 'information', 'info', 'details'];

/**
 * Groups of expressions that mean the same in a privacy question. Multi-word expressions are
 * matched as phrases in the question; each of their words is then a search term.
 */
export const PRIVACY_GROUPS: readonly (readonly string[])[] = [
  // The rights of data subjects.
  ['delete', 'deletion', 'erase', 'erasure', 'remove', 'removal', 'wipe', 'purge', 'destroy', 'get rid of', 'right to be forgotten'],
  [
    'access',
    'subject access',
    'copy of my data',
    'copy of my information',
    'what you hold',
    'hold about me',
    'have about me',
    'know about me',
    'everything you have',
  ],
  ['export', 'portability', 'download', 'machine readable', 'transfer my data', 'move my data', 'take my data'],
  [
    'rectify',
    'rectification',
    'correct',
    'correction',
    'fix',
    'amend',
    'wrong',
    'incorrect',
    'inaccurate',
    'out of date',
    'outdated',
    'mistake',
    'mistakes',
    'error',
    'errors',
  ],
  ['restrict', 'restriction', 'limit processing'],
  ['object', 'objection', 'opt out', 'unsubscribe', 'withdraw consent', 'revoke consent', 'say no', 'switch off', 'turn off'],
  ['consent', 'permission', 'agree', 'opt in'],
  ['complaint', 'complain', 'supervisory authority', 'regulator', 'data protection authority', 'information commissioner'],
  ['automated decision', 'profiling', 'algorithm'],
  // What a policy says about the data.
  ['retention', 'retain', 'keep', 'kept', 'how long', 'store for', 'period', 'hold on to', 'hang on to', 'hold onto', 'hang onto'],
  [
    'share',
    'sharing',
    'disclose',
    'disclosure',
    'recipient',
    'recipients',
    'third party',
    'third parties',
    'pass on',
    'hand over',
    'give to',
    'who gets',
    'who receives',
  ],
  ['sell', 'sale', 'selling', 'sold'],
  ['processor', 'subprocessor', 'sub processor', 'service provider', 'vendor', 'supplier'],
  ['controller', 'responsible for my data', 'in charge of my data'],
  ['transfer', 'international', 'abroad', 'overseas', 'outside the country', 'other countries', 'cross border'],
  ['breach', 'leak', 'leaked', 'hack', 'hacked', 'hacker', 'hackers', 'compromised', 'stolen', 'security incident', 'data incident'],
  ['encryption', 'encrypt', 'encrypted', 'scrambled'],
  ['security', 'secure', 'protect', 'protection', 'safe'],
  ['cookie', 'cookies', 'tracker', 'trackers', 'tracking technologies', 'pixel', 'pixels', 'web beacon', 'local storage'],
  ['marketing', 'advertising', 'advert', 'adverts', 'ads', 'ad', 'promotional', 'newsletter', 'newsletters'],
  ['personalized', 'personalization', 'targeted', 'tailored', 'profile based'],
  ['children', 'child', 'kids', 'kid', 'minor', 'minors', 'under 13', 'under 16', 'parent', 'parental'],
  ['sensitive', 'special category', 'special categories', 'health', 'medical', 'biometric', 'genetic', 'ethnicity', 'religion'],
  ['law enforcement', 'police', 'government', 'authorities', 'court order', 'subpoena', 'warrant', 'legal request'],
  [
    'legal basis',
    'lawful basis',
    'legal bases',
    'lawful bases',
    'legal ground',
    'legal grounds',
    'lawful grounds',
    'legal reasons',
    'lawful reasons',
    'legitimate interest',
    'legitimate interests',
    'gives you the right',
  ],
  ['monitor', 'monitoring', 'surveillance', 'spy', 'spying', 'watch', 'track', 'tracking'],
  ['anonymize', 'anonymized', 'anonymous', 'pseudonymize', 'pseudonymized', 'aggregated', 'de identified'],
  ['policy change', 'changes to this policy', 'updated policy', 'policy update', 'notify changes'],
  ['contact', 'get in touch', 'reach', 'write to'],
  // What the asker calls privacy the notice may call data protection, and the other way round.
  ['privacy', 'data protection'],
  ['representative', 'eu representative', 'uk representative', 'article 27'],
  // Whom the notice is for: every notice says.
  ['apply to', 'applies to', 'does this cover', 'covered by', 'who this is for'],
];

/**
 * Names of the one person who answers for data protection: the officer the law names, or the lead or
 * manager that an organisation which need not appoint one names instead. Where the content lacks the
 * name asked, its own name of the role stands in; where it has it, the others are other people (a
 * privacy manager beside the officer). Not a team: "contact our privacy team" says nothing of who
 * the officer is.
 */
export const DATA_PROTECTION_ROLES: readonly string[] = [
  'data protection officer',
  'data protection lead',
  'data protection manager',
  'privacy officer',
  'privacy lead',
  'privacy manager',
];
