/**
 * A request for one of the organisation's services shares the notice's words but is not a privacy
 * question (issue 20): "how do I renew a book" to a library whose notice speaks of borrowing. The
 * bot declines it, and still answers a request that is about data ("how do I stop your emails").
 * A public library's notice, written here.
 */
import { createFaqService } from '../../src/faq/faq-service';
import { writtenNotice } from './written-notice';

const SECTIONS: Array<[string, string]> = [
  ['Who we are', 'Ashgrove Libraries runs nine public libraries and a mobile library, and is the controller of the information it holds about members.'],
  ['Your library card', 'To join we record your name, address, date of birth and email. Your card number links your loans and reservations to you.'],
  [
    'Borrowing and renewals',
    'We keep a record of the books you borrow, renew and reserve while they are on loan, and delete each loan a month after you return it.',
  ],
  [
    'Public computers and Wi-Fi',
    'When you book a public computer or join our Wi-Fi we log the session time and device for 90 days, for security. We do not record the websites you visit.',
  ],
  ['Cameras in our buildings', 'CCTV covers our entrances, reading rooms and car parks. Footage is kept for 28 days.'],
  [
    "Events and children's activities",
    "For events and children's reading clubs we keep the names of those taking part and a parent's contact details until the activity ends.",
  ],
  ['Emails about events', 'We send our events newsletter only if you ask for it. Every email has a link to unsubscribe.'],
  [
    'Your rights',
    "You can ask for a copy of the information we hold about you, ask us to correct it or delete it, and complain to the Information Commissioner's Office.",
  ],
];

/** A service whose heading a question can say whole ("what is the home library service"). */
const HOME_LIBRARY_SERVICE: [string, string] = [
  'The Home Library Service',
  'Members who cannot visit a library can have books delivered by a volunteer. We give the volunteer your name, address and reading preferences.',
];

const entries = writtenNotice(SECTIONS);
const faq = createFaqService(entries);
/** The same content with the check off: what the bot did before it. */
const unchecked = createFaqService(entries, { tuning: { serviceShare: 0 } });
const titleOf = (answer: ReturnType<typeof faq.answer>) => answer.entry?.title;
/** Declined: neither an answer nor a "Did you mean…": the asker hears the notice does not cover it. */
const expectDeclined = (service: typeof faq, question: string) => {
  const answer = service.answer(question);
  expect(answer.entry).toBeUndefined();
  expect(answer.candidates).toEqual([]);
};
/** Declined by the check: without it the entry that mentions the service would be the answer. */
const expectDeclinedByTheCheck = (question: string) => {
  expect(titleOf(unchecked.answer(question))).toBeDefined();
  expectDeclined(faq, question);
};

describe('requests for a service that say nothing of data', () => {
  const serviceRequests = [
    'how do i renew my books online',
    'what time does the library open on sunday',
    'can i book a computer for two hours',
    // Typed without the apostrophe, as chat mostly is.
    'whats the wifi password in the reading room',
    // Advice and product details in other forms.
    'which book should i read next',
    'is the reading room open on bank holidays',
    'what should i bring to the reading club',
    'am i allowed a coffee in the reading room',
    // What people ask any chat assistant.
    'tell me a joke about library books',
    'write me a poem about the reading room',
    'whats the weather forecast for the car parks',
    'who wrote the most borrowed book',
  ];

  it.each(serviceRequests)('declines "%s", which an entry on its topic would otherwise answer', (question) => {
    expectDeclinedByTheCheck(question);
  });

  it.each([
    ['how do i stop your emails', 'Emails about events'],
    ['can i see my borrowing history', 'Borrowing and renewals'],
    ['how do i get a copy of what you hold about me', 'Your rights'],
    ['is there cctv in the reading room', 'Cameras in our buildings'],
    ['can i opt out of the newsletter', 'Emails about events'],
    // What one of the notice's own things is: the notice says, where it names it.
    ['what is a library card number', 'Your library card'],
  ])('still answers "%s", a request about data', (question, title) => {
    expect(titleOf(faq.answer(question))).toBe(title);
  });

  it('answers a question in the form of a service request that a heading says whole', () => {
    // "what is the …" is a service form and the question names no data; the heading saying every
    // word of it is what tells that the entry is about what was asked.
    const withService = createFaqService(writtenNotice([...SECTIONS, HOME_LIBRARY_SERVICE]));
    expect(withService.answer('what is the home library service').entry?.title).toBe('The Home Library Service');
    // One word more than the heading says, and the form decides again.
    expect(withService.answer('what is the home library service phone number').entry).toBeUndefined();
  });

  it('answers a question about the notice itself in the form of a service request', () => {
    // "where can I…" and "when do…" are service forms, and nothing else in these names data: naming
    // the notice does.
    const withChanges = createFaqService(
      writtenNotice([...SECTIONS, ['Changes to this notice', 'We update this notice when our services change. Earlier versions are kept on our website.']]),
    );
    expect(withChanges.answer('where can i find older versions of this notice').entry?.title).toBe('Changes to this notice');
    expect(withChanges.answer('when do you update this notice').entry?.title).toBe('Changes to this notice');
  });

  it('answers a request for a recording of the asker, which is data in the form it comes in', () => {
    const withFilming = createFaqService(
      writtenNotice([...SECTIONS, ['Filming poetry evenings', 'We film poetry evenings and keep the video for a year. Ask us to remove the footage of you.']]),
    );
    expect(withFilming.answer('can i get the video of the poetry evening').entry?.title).toBe('Filming poetry evenings');
    expect(withFilming.answer('where can i watch the recording of the poetry evening').entry?.title).toBe('Filming poetry evenings');
  });

  it('answers a request about pictures of the asker, or about the servers their data is kept on', () => {
    const withMore = createFaqService(
      writtenNotice([
        ...SECTIONS,
        ['Photos at storytime', 'Staff take photos at storytime sessions for our noticeboards, only with a parent’s consent.'],
        ['Where our systems are', 'The catalogue and membership system run on servers in the UK, hosted by our supplier.'],
      ]),
    );
    expect(withMore.answer('can i get the pics from storytime').entry?.title).toBe('Photos at storytime');
    expect(withMore.answer('where are your servers').entry?.title).toBe('Where our systems are');
  });

  it('does not judge a question in another form by its words', () => {
    expect(titleOf(faq.answer('renewals and reservations?'))).toBe('Borrowing and renewals');
  });
});

describe('questions for a price or a sum', () => {
  const withService = createFaqService(
    writtenNotice([
      ...SECTIONS,
      HOME_LIBRARY_SERVICE,
      ['Room hire', 'Community groups can hire a meeting room. We keep the booking contact’s name and phone number for a year after the booking.'],
    ]),
  );

  it.each(['how much is the home library service', 'how much is room hire', 'what does room hire cost'])(
    'declines "%s", though a heading names the thing: a notice never says its price',
    (question) => {
      expectDeclined(withService, question);
    },
  );

  it('still answers a price question about data', () => {
    expect(withService.answer('how much does it cost to get a copy of my data').entry?.title).toBe('Your rights');
  });

  it.each(['what is 12 times 90', "what's 15% of 90", 'whats 28 x 90', 'convert 90 days to weeks'])(
    'declines the sum "%s", a calculator’s question',
    (question) => {
      expectDeclined(withService, question);
    },
  );
});

/** Forms of a request the check reads, each with requests it declines and questions about data it still answers. */
const FORMS: Array<{ form: string; declined: string[]; answered: Array<[string, string]> }> = [
  {
    form: 'advice: how often, what to bring or wear, whether it is hiring',
    declined: [
      'how often should i return my books',
      'can we bring food into the reading rooms',
      'what should my son bring to the reading club',
      'are you hiring staff for the mobile library',
    ],
    answered: [
      ['how often should i check my borrowing history', 'Borrowing and renewals'],
      ['what should my son do if his card is stolen', 'Your library card'],
    ],
  },
  {
    form: 'goods the organisation sells, which is not selling anyone’s data',
    declined: ['do you sell second-hand books', 'do you sell library cards', 'do you sell old computers'],
    answered: [
      ['do you sell my borrowing history', 'Borrowing and renewals'],
      ['do you sell our loan records', 'Borrowing and renewals'],
      ['do u sell my info', 'Your rights'],
    ],
  },
  {
    form: 'how long a thing takes, which is not how long data is kept',
    declined: ['how long does a library card take to arrive', 'how long does a book reservation take', 'how long should i wait before renewing a book'],
    answered: [
      ['how long do you keep my borrowing history', 'Borrowing and renewals'],
      ['how long does it take to get a copy of my data', 'Your rights'],
    ],
  },
  {
    form: 'what the organisation offers; biometrics, automated decisions and analytics are done with data',
    declined: ['do you do computer classes', 'do you rent out the reading rooms', 'do you do events in the car park'],
    answered: [
      ['do you do facial recognition in the reading rooms', 'Cameras in our buildings'],
      ['do you do fingerprint scanning at the entrances', 'Cameras in our buildings'],
      ['do you do automated decisions about my borrowing', 'Borrowing and renewals'],
      ['do you do analytics on my loans', 'Borrowing and renewals'],
    ],
  },
];

describe.each(FORMS)('$form', ({ declined, answered }) => {
  it.each(declined)('declines "%s", which an entry on its topic would otherwise answer', (question) => {
    expectDeclinedByTheCheck(question);
  });

  it.each(answered)('still answers "%s", which asks of data', (question, title) => {
    expect(titleOf(faq.answer(question))).toBe(title);
  });
});

describe('the offer form and checks done on someone', () => {
  it('still answers a check done on someone, which is data', () => {
    const withChecks = createFaqService(
      writtenNotice([...SECTIONS, ['Volunteer checks', 'Volunteers who work with children have a criminal record check before they start.']]),
    );
    expect(withChecks.answer('do you do dbs checks on volunteers').entry?.title).toBe('Volunteer checks');
  });
});
