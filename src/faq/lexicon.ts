/**
 * The privacy vocabulary: how employees actually phrase privacy questions, folded onto the concepts
 * the policy talks about. It is applied to the content and to questions alike, so "erase my stuff"
 * finds a section that only ever says "deletion". Built from the domain (rights, security, sharing,
 * typical workplace tools), not from any test set: add a line here when users phrase something new.
 */

/** Words that carry no meaning in a question: function words, chat filler. Dropped entirely. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // lunr's English list
  'a', 'able', 'about', 'across', 'after', 'all', 'almost', 'also', 'am', 'among', 'an', 'and', 'any', 'are',
  'as', 'at', 'be', 'because', 'been', 'but', 'by', 'can', 'cannot', 'could', 'dear', 'did', 'do', 'does',
  'either', 'else', 'ever', 'every', 'for', 'from', 'get', 'got', 'had', 'has', 'have', 'he', 'her', 'hers',
  'him', 'his', 'how', 'however', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'least', 'let', 'like',
  'likely', 'may', 'me', 'might', 'most', 'must', 'my', 'neither', 'no', 'nor', 'not', 'of', 'off', 'often',
  'on', 'only', 'or', 'other', 'our', 'own', 'rather', 'said', 'say', 'says', 'she', 'should', 'since', 'so',
  'some', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'tis', 'to', 'too',
  'twas', 'us', 'wants', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why',
  'will', 'with', 'would', 'yet', 'you', 'your',
  // chat and question filler
  'hi', 'hello', 'hey', 'please', 'pls', 'plz', 'thanks', 'thank', 'u', 'ur', 'im', 'ive', 'id', 'youre',
  'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'arent', 'whats', 'hows', 'wheres', 'whos', 'theres',
  'ok', 'okay', 'yes', 'yeah', 'know', 'tell', 'want', 'wanted', 'wondering', 'wonder', 'question',
  'questions', 'faq', 'faqs', 'frequently', 'asked', 'happen', 'happens', 'happened', 'much', 'many', 'way',
  'ways', 'thing', 'things', 'stuff', 'something', 'anything', 'everything', 'really', 'actually', 'still',
  'even', 'here', 'doing', 'done', 'make', 'makes', 'made', 'go', 'going', 'goes', 'bot', 'give', 'gives',
  'given', 'best', 'good', 'great', 'nice', 'anyone', 'someone', 'somebody', 'anybody', 'being',
  'more', 'very', 'again', 'now', 'yours', 'mine', 'whether', 'one', 'ones', 'each', 'same', 'such', 'kind',
  'kinds', 'type', 'types', 'sort', 'lot', 'lots', 'exactly', 'currently', 'possible', 'allowed', 'help',
  'explain', 'mean', 'means', 'etc', 'hmm', 'anymore', 'via', 'put', 'take',
  'ask', 'asking', 'request', 'requests', 'requesting', 'happening', 'exist', 'exists', 'before',
  'until', 'during', 'follow', 'follows', 'followed', 'regarding', 'concerning', 'around', 'today', 'up',
  'out', 'over', 'set', 'learn', 'myself', 'yourself', 'ourselves', 'themselves',
]);

/** Idioms that carry no meaning of their own ("in place", "right now"); dropped like stop words. */
export const STOP_PHRASES: readonly string[] = [
  'in place', 'right now', 'at the moment', 'as well', 'in general', 'at all', 'by default', 'of course',
  'set up', 'on record', 'in system',
];

/**
 * Phrases that only name the product ("Office apps", "the 365 apps"): like "Office 365" itself they
 * say nothing about which section answers.
 */
export const LOW_INFO_PHRASES: readonly string[] = [
  'office app', 'office apps', '365 app', '365 apps', 'microsoft app', 'microsoft apps', 'office 365 app',
  'office 365 apps', 'microsoft 365 app', 'microsoft 365 apps', 'office suite',
];

/** Verbs that mean looking into someone's data when their object is data ("read my files"). */
export const ACCESS_VERBS: ReadonlySet<string> = new Set([
  'read', 'see', 'view', 'look', 'open', 'browse', 'check', 'inspect', 'monitor', 'scan', 'search', 'snoop',
]);
export const DATA_OBJECTS: ReadonlySet<string> = new Set([
  'file', 'email', 'emails', 'mail', 'mailbox', 'inbox', 'message', 'chat', 'chats', 'document', 'data', 'information',
  'info', 'account', 'conversation', 'calendar', 'content', 'recording', 'recordings', 'photo', 'folder', 'onedrive',
]);
/**
 * "change" is a correction when its object is personal data ("change my name"), a settings question
 * when it is a setting ("change how long data is kept"), and neither otherwise ("change my desktop
 * background").
 */
export const CHANGE_VERBS: ReadonlySet<string> = new Set(['change', 'update', 'edit', 'modify', 'alter']);
/** Around a change verb, these make it a change of the policy ("privacy policy changes"). */
export const POLICY_WORDS: ReadonlySet<string> = new Set(['policy', 'policies', 'terms', 'notice', 'statement']);
/** Next to these, "email" is an address ("my name and email"), not a message. */
export const IDENTITY_WORDS: ReadonlySet<string> = new Set(['name', 'surname', 'phone', 'number', 'address', 'billing', 'birthday']);
/** "where is my data stored": a question about location, not about storage. */
export const STORE_VERBS: ReadonlySet<string> = new Set(['store', 'stored', 'kept', 'keep', 'host', 'hosted', 'located', 'live', 'held', 'save', 'saved', 'process', 'processed']);
export const PERSONAL_DETAILS: ReadonlySet<string> = new Set([
  'name', 'surname', 'email', 'address', 'phone', 'number', 'details', 'information', 'data', 'profile', 'record',
  'records', 'title', 'birthday', 'spelling', 'department', 'contact', 'billing', 'account', 'it', 'them', 'entry',
]);
export const SETTING_OBJECTS: ReadonlySet<string> = new Set([
  'setting', 'settings', 'preference', 'option', 'options', 'retention', 'period', 'long', 'privacy', 'ad', 'ads',
  'advertising', 'consent', 'policy', 'permission', 'notification', 'default', 'defaults', 'configuration',
]);

/**
 * Domain words that appear everywhere in a privacy policy ("data", "Office 365", "privacy"), and the
 * product names that all of it applies to. They still rank (weakly) but never count as the part of a
 * question that an answer has to cover: "my data in Excel" is no evidence for any one section.
 */
export const LOW_INFO_WORDS: ReadonlySet<string> = new Set([
  'data', 'information', 'info', 'details', 'detail', 'personal', 'personally', 'privacy', 'policy', 'policies',
  'office', '365', 'o365', 'm365', 'microsoft', 'microsofts', 'ms', 'user', 'users', 'service', 'services',
  'use', 'used', 'uses', 'using', 'need', 'needs', 'needed', 'see', 'people', 'person', 'product', 'products',
  'platform', 'word', 'excel', 'powerpoint', 'onenote', 'onedrive', 'sharepoint', 'office365', 'microsoft365',
  'customer', 'customers', 'work', 'works', 'working', 'happen', 'purpose', 'purposes',
  'reason', 'reasons', 'content', 'handle', 'handled', 'handles', 'handling', 'treat', 'treated', 'rule',
  'rules', 'terms', 'guideline', 'guidelines', 'statement', 'system', 'systems', 'teams',
]);

/**
 * Determiners and possessives are skipped when matching phrases, so "close my account" and
 * "close the account" both match the phrase "close account".
 */
export const PHRASE_SKIP: ReadonlySet<string> = new Set([
  'my', 'your', 'our', 'their', 'his', 'her', 'its', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'all',
]);

export interface Concept {
  /** Privacy-specific concepts are evidence that a question is in scope on their own; generic ones
   * (devices, files, email) also occur in off-topic requests ("best laptop for gaming"). */
  specific: boolean;
  /** Base words (inflections are found by stripping -s/-ed/-ing) and multi-word phrases. */
  forms: string[];
}

/** "a different provider", "another platform": where exported data goes. */
// Not "other": "other third-party services" is about integration, not about leaving.
const ELSEWHERE = ['another', 'different', 'new', 'alternative'].flatMap((adjective) =>
  ['provider', 'platform', 'service', 'system', 'tool', 'vendor', 'cloud'].map((noun) => `${adjective} ${noun}`),
);

export const CONCEPTS: Record<string, Concept> = {
  delete: {
    specific: true,
    forms: [
      'delete', 'deletion', 'erase', 'erasure', 'remove', 'removal', 'purge', 'wipe', 'destroy', 'destruction',
      'forget', 'forgotten', 'get rid of', 'clear out', 'close account', 'terminate account', 'cancel account',
      'delete account', 'remove account', 'erase account', 'wipe account',
      'right to be forgotten', 'right to erasure',
    ],
  },
  export: {
    specific: true,
    forms: [
      'export', 'download', 'portability', 'portable', 'port', 'transfer', 'migrate', 'migration', 'move',
      'takeout', 'take out', 'backup', 'back up', 'copy', 'copies', 'get out', 'machine readable',
      'another platform', 'other platforms', 'another provider', 'another service', 'somewhere else',
      'elsewhere', 'switch provider', 'gmail', 'google', 'dropbox', 'icloud', 'yahoo', 'proton', 'take with me',
      'take it with me', 'take data with me', 'switch to', 'switching to', 'move to', 'moving to',
      'google workspace', ...ELSEWHERE,
    ],
  },
  otherplatform: {
    specific: false,
    forms: [
      'another platform', 'other platforms', 'other platform', 'another provider', 'another service', 'gmail',
      'google', 'google drive', 'dropbox', 'icloud', 'yahoo', 'proton', 'somewhere else', 'elsewhere',
      'google workspace', ...ELSEWHERE,
    ],
  },
  // Reading or opening someone's data, as opposed to the right of access below.
  access: {
    specific: true,
    forms: [
      'access', 'accessible', 'go through', 'snoop', 'snooping', 'access control', 'access controls',
    ],
  },
  // Right of access: "what do you hold on me".
  subjectaccess: {
    specific: true,
    forms: [
      'subject access', 'access request', 'right of access', 'right to access', 'dsar', 'sar',
      'hold on me', 'hold about me', 'holds about me', 'held about me', 'have on me', 'have about me',
      'know about me', 'stored about me', 'keep on me', 'keep about me', 'on file', 'holds about you',
      'hold about you', 'held about you', 'have on you', 'has on you', 'what you hold', 'i access', 'i see',
      'i view', 'i get access', 'i check',
    ],
  },
  rectify: {
    specific: true,
    forms: [
      'rectify', 'rectification', 'correct', 'correction', 'fix', 'amend', 'amendment', 'edit', 'modify',
      'update', 'change', 'wrong', 'incorrect', 'inaccurate', 'inaccuracy', 'mistake', 'mistaken', 'error',
      'typo', 'misspell', 'misspelled', 'misspelling', 'spelled wrong', 'spelled wrongly', 'outdated',
      'out of date', 'up to date', 'accurate', 'accuracy', 'inaccuracies',
    ],
  },
  retain: {
    specific: true,
    forms: [
      'retain', 'retention', 'keep', 'kept', 'hold', 'held', 'how long', 'duration', 'period', 'length of time', 'lifespan',
      'expire', 'expiry', 'expiration', 'archive', 'hang on to', 'hold onto', 'hold on to', 'as long as',
    ],
  },
  store: {
    specific: false,
    forms: ['store', 'storage', 'save', 'host', 'at rest', 'server', 'servers', 'cloud'],
  },
  inactive: {
    specific: true,
    forms: [
      'inactive', 'dormant', 'unused', 'abandoned', 'deactivate', 'deactivated', 'disabled', 'suspended',
      'no longer in use', 'not in use', 'leave company', 'left company', 'leaving company', 'leave organization',
      'left organization', 'leave job', 'left job', 'quit', 'leaver', 'former employee', 'ex employee',
      'offboard', 'offboarding', 'stop using', 'stopped using', 'terminated',
    ],
  },
  optout: {
    specific: true,
    forms: [
      'opt out', 'optout', 'opt me out', 'unsubscribe', 'turn off', 'switch off', 'disable', 'decline',
      'refuse', 'withdraw', 'withdrawal', 'revoke', 'object', 'objection', 'say no', 'stop', 'no longer',
      'do not want', 'dont want', 'not consent', 'opt outs',
    ],
  },
  consent: {
    specific: true,
    forms: ['consent', 'agree', 'accept', 'approve', 'approval', 'permission to process', 'opt in'],
  },
  ads: {
    specific: true,
    forms: [
      'ad', 'ads', 'advert', 'advertise', 'advertising', 'advertisement', 'advertiser', 'marketing', 'targeted',
      'target', 'targeting', 'commercial', 'promotional', 'promotion', 'sponsored',
    ],
  },
  personalise: {
    specific: true,
    forms: [
      'personalize', 'personalized', 'personalization', 'tailor', 'tailored', 'customize', 'customized',
      'customization', 'profiling', 'profiled',
    ],
  },
  collect: {
    specific: true,
    forms: [
      'collect', 'collection', 'gather', 'capture', 'record', 'recorded', 'obtain', 'acquire', 'harvest',
      'pick up', 'log', 'logged', 'logging', 'scrape', 'scraping',
    ],
  },
  usage: {
    specific: true,
    forms: [
      'usage', 'track', 'tracking', 'monitor', 'monitoring', 'telemetry', 'analytics', 'keep track',
      'how i use', 'how you use', 'how often', 'frequency', 'activity', 'activities', 'which features',
      'features i use', 'what i do', 'what i open', 'files i open', 'spy', 'spying', 'surveillance',
      'keep tabs', 'watch', 'diagnostic', 'diagnostics', 'clicks', 'statistics', 'stats', 'metrics',
    ],
  },
  device: {
    specific: false,
    forms: [
      'device', 'hardware', 'computer', 'pc', 'laptop', 'desktop', 'phone', 'smartphone', 'mobile', 'tablet',
      'ipad', 'iphone', 'android', 'browser', 'chrome', 'firefox', 'safari', 'operating system', 'os', 'windows',
      'macos', 'mac', 'macbook', 'linux', 'ios', 'user agent',
    ],
  },
  ip: {
    specific: true,
    forms: ['ip', 'ip address', 'ip addresses', 'ipv4', 'ipv6', 'location', 'geolocation', 'where i am', 'network address'],
  },
  communication: {
    specific: false,
    forms: [
      'email', 'emails', 'e mail', 'e mails', 'mail', 'mailbox', 'inbox', 'outlook', 'message', 'messaging',
      'chat', 'chats', 'conversation', 'meeting', 'call', 'video call', 'teams chat', 'teams message',
      'teams meeting', 'teams call', 'communication',
      'correspondence', 'voicemail', 'recording', 'recordings', 'transcript', 'transcripts',
    ],
  },
  identity: {
    specific: true,
    forms: [
      'name', 'full name', 'surname', 'first name', 'last name', 'email address', 'email addresses',
      'e mail address', 'mail address', 'phone number', 'phone numbers', 'telephone number', 'mobile number',
      'home address', 'postal address', 'billing address', 'mailing address', 'street address', 'address', 'contact details', 'billing', 'bill', 'invoice', 'payment',
      'credit card', 'card details', 'bank details', 'date of birth', 'birthday', 'job title',
    ],
  },
  signup: {
    specific: false,
    forms: [
      'sign up', 'signup', 'signing up', 'register', 'registration', 'enroll', 'enrollment', 'onboarding',
      'create account', 'creating account', 'open account', 'set up account', 'new account',
    ],
  },
  share: {
    specific: true,
    forms: [
      'share', 'sharing', 'disclose', 'disclosure', 'pass on', 'passed on', 'hand over', 'handed over', 'sell',
      'sold', 'give away', 'give out', 'recipient', 'who gets', 'who receives', 'who can get', 'send to',
      'sent to', 'pass to', 'passed to', 'pass', 'give to', 'given to', 'give data to', 'give information to',
      'pass data to', 'send data to', 'sell data to', 'hand data to',
    ],
  },
  thirdparty: {
    specific: true,
    forms: ['third party', 'third parties', '3rd party', '3rd parties', 'thirdparty', 'external', 'outside companies', 'other companies'],
  },
  provider: {
    specific: true,
    forms: [
      'provider', 'vendor', 'supplier', 'subprocessor', 'sub processor', 'processor', 'contractor',
      'subcontractor', 'service provider', 'outsource', 'outsourcing',
    ],
  },
  partner: {
    specific: true,
    forms: ['partner', 'partnership', 'ecosystem', 'reseller', 'marketplace', 'appsource', 'isv'],
  },
  integrate: {
    specific: false,
    forms: [
      'integrate', 'integration', 'connect', 'connected', 'connector', 'add in', 'add ins', 'addin', 'plugin',
      'plug in', 'plugs into', 'plug into', 'extension', 'work with', 'works with', 'hook up', 'link', 'linked',
      'sync with', 'api', 'apis', 'interoperate', 'slack', 'trello', 'salesforce', 'zoom', 'jira', 'asana',
      'zapier', 'hubspot',
    ],
  },
  app: {
    specific: false,
    forms: ['app', 'apps', 'application', 'software', 'tool', 'program', 'add in', 'add ins', 'addin', 'plugin'],
  },
  permission: {
    specific: true,
    forms: ['permission', 'permit', 'grant', 'scope', 'allowed to', 'authorize access', 'allow access'],
  },
  encrypt: {
    specific: true,
    forms: [
      'encrypt', 'encryption', 'decrypt', 'decryption', 'cipher', 'crypto', 'cryptographic', 'cryptography',
      'tls', 'ssl', 'https', 'aes', 'bitlocker', 'at rest', 'in transit', 'scrambled', 'unreadable', 'encoded',
    ],
  },
  transit: {
    specific: false,
    forms: [
      'transit', 'transmission', 'transmit', 'over network', 'over networks', 'travel over', 'travels over',
      'in flight', 'in motion', 'intercept', 'internet', 'network', 'sent over', 'send over', 'over internet',
      'wire', 'wifi', 'wi fi',
    ],
  },
  secure: {
    specific: false,
    forms: [
      'secure', 'security', 'safe', 'safely', 'safety', 'safeguard', 'protect', 'protection', 'cybersecurity',
      'keep safe', 'keep secure', 'infosec',
    ],
  },
  breach: {
    specific: true,
    forms: [
      'breach', 'hack', 'hacked', 'hacker', 'hacking', 'attack', 'attacker', 'cyberattack', 'intrusion',
      'intruder', 'leak', 'leaked', 'compromise', 'compromised', 'stolen', 'theft', 'steal', 'threat',
      'malware', 'ransomware', 'virus', 'phishing', 'incident', 'vulnerability', 'vulnerabilities', 'weakness',
      'weaknesses', 'exploit', 'cyber',
    ],
  },
  certification: {
    specific: true,
    forms: [
      'certification', 'certified', 'certify', 'certificate', 'iso', '27001', 'iso 27001', 'soc', 'soc 2',
      'soc2', 'soc ii', 'audit', 'auditor', 'compliance', 'compliant', 'comply', 'standard', 'accreditation',
      'accredited', 'attestation', 'penetration test', 'penetration testing', 'pentest', 'pen test',
      'pen testing', 'industry standard', 'fedramp', 'hipaa', 'nist', 'cyber essentials',
    ],
  },
  law: {
    specific: true,
    forms: [
      'law', 'legal', 'legally', 'regulation', 'regulatory', 'regulator', 'gdpr', 'ccpa', 'statutory',
      'statute', 'court', 'lawsuit', 'litigation', 'legal hold', 'required by law', 'legislation',
    ],
  },
  staff: {
    specific: true,
    forms: [
      'staff', 'employee', 'personnel', 'engineer', 'technician', 'worker', 'insider', 'human', 'humans',
      'who has access', 'who can access', 'who can see', 'who sees', 'who can view', 'who can read',
      'who reads', 'who looks at', 'who can look at', 'anyone at microsoft', 'people at microsoft',
      'support staff', 'support engineer', 'support agent', 'admin at microsoft', 'microsoft admin',
      'administrator at microsoft', 'microsoft employee', 'microsoft staff',
    ],
  },
  restrict: {
    specific: true,
    forms: [
      'restrict', 'restricted', 'restriction', 'limit', 'limited', 'need to know', 'least privilege', 'rbac',
      'business need', 'unauthorized', 'authorized', 'authorization', 'access control', 'access controls',
    ],
  },
  settings: {
    specific: false,
    forms: ['setting', 'settings', 'preference', 'options', 'control panel', 'dashboard', 'toggle', 'configure', 'configuration', 'adjust'],
  },
  file: {
    specific: false,
    forms: ['file', 'document', 'doc', 'docs', 'spreadsheet', 'presentation', 'attachment', 'folder', 'photo', 'picture'],
  },
  account: {
    specific: false,
    forms: ['account', 'profile', 'login', 'log in', 'sign in', 'username', 'user account'],
  },
  contacts: {
    specific: false,
    forms: ['contacts', 'address book', 'contact list'],
  },
  support: {
    specific: false,
    forms: ['support team', 'support', 'helpdesk', 'help desk', 'customer service', 'customer support', 'contact microsoft'],
  },
  organization: {
    specific: false,
    forms: ['organization', 'company', 'employer', 'org', 'tenant', 'business', 'enterprise', 'admin', 'administrator', 'it department'],
  },
  improve: {
    specific: false,
    forms: ['improve', 'improvement', 'enhance', 'enhancement', 'better', 'trend', 'product development'],
  },
  confidential: {
    specific: false,
    forms: ['confidential', 'confidentiality', 'private', 'secret', 'privately', 'nda'],
  },
  subscription: {
    specific: false,
    forms: ['subscription', 'subscribe', 'subscribed', 'purchase', 'buy', 'bought', 'plan'],
  },
  // Changes to the policy itself, as opposed to corrections of someone's data.
  revision: {
    specific: true,
    forms: [
      'revise', 'revision', 'policy change', 'policy update', 'change to policy', 'update to policy',
      'policy updated', 'policy changed', 'stay current', 'latest version', 'new version',
    ],
  },
  // What users can do themselves.
  userrole: {
    specific: true,
    forms: [
      'habit', 'good practice', 'best practice', 'tip', 'own role', 'my role', 'my part', 'part in it',
      'responsibility', 'responsible', 'what should i do', 'what can i do', 'stay safe', 'be careful',
      'careful', 'practice good', 'think before',
    ],
  },
  // Where data lives. The policy does not say: the concept exists so such questions are not
  // mistaken for questions about storage in general.
  residency: {
    specific: true,
    forms: [
      'data center', 'datacenter', 'data centers', 'region', 'country', 'countries', 'eu', 'europe', 'european',
      'residency', 'sovereignty', 'jurisdiction', 'abroad', 'overseas', 'usa', 'uk', 'location of data',
    ],
  },
  contract: {
    specific: true,
    forms: ['contract', 'contractual', 'contractually', 'obligate', 'obligated', 'oblige', 'agreement', 'dpa', 'data processing agreement', 'bound by'],
  },
};

/**
 * Real English words that sit one typo away from a domain word ("remote" / "remove", "expert" /
 * "export"): the typo corrector must leave them alone.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'remote', 'expert', 'experts', 'expect', 'report', 'reports', 'deleted', 'coffee', 'lunch', 'launch',
  'laptop', 'python', 'gaming', 'games', 'weather', 'london', 'tokyo', 'paris', 'joke', 'jokes', 'poem',
  'poems', 'music', 'movie', 'movies', 'pizza', 'price', 'prices', 'stock', 'stocks', 'order', 'orders',
  'install', 'installed', 'password', 'passwords', 'reset', 'printer', 'meeting', 'room', 'rooms', 'capital',
  'football', 'match', 'matches', 'recipe', 'recipes', 'translate', 'french', 'german', 'spanish', 'english',
  'weekend', 'holiday', 'holidays', 'vacation', 'salary', 'dinner', 'breakfast', 'parking', 'office',
  'floor', 'manager', 'schedule', 'calendar', 'birthday', 'hotel', 'flight', 'flights', 'train', 'trains',
  'score', 'scores', 'stories', 'story', 'write', 'writing', 'written', 'wrote', 'essay', 'essays', 'number',
  'numbers', 'plus', 'minus', 'times', 'dollars', 'euros', 'pounds', 'convert', 'recommend', 'nearby',
  'places', 'place', 'tall', 'mountain', 'everest', 'world', 'country', 'countries', 'people', 'team',
  'teams', 'share', 'screen', 'screens', 'email', 'emails', 'delete', 'remove', 'export', 'there', 'their',
  'where', 'these', 'those', 'other', 'others', 'about', 'after', 'before', 'under', 'again', 'every',
  'which', 'while', 'would', 'could', 'should', 'might', 'being', 'doing', 'going', 'having', 'think',
  'thought', 'answer', 'answers', 'today', 'tomorrow', 'yesterday', 'night', 'morning', 'evening',
  'songs', 'sports', 'news', 'prove', 'moves', 'mover', 'retina', 'string', 'shore',
  'shared', 'sharer', 'stone', 'sport', 'ports', 'party', 'parties', 'apple', 'bread',
]);
