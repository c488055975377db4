/** The request forms: what each field asks, its options, and what a person is told when an answer does not fit. */
export const forms = {
  notes: 'Anything else the privacy team should know (optional)',
  export: {
    include: 'What should the copy include?',
    includeChoices: {
      account: 'Account and profile information',
      usage: 'Usage and diagnostic data',
      content: 'Content I created (files, email, chats)',
      support: 'Support conversations',
    },
    format: 'Preferred format',
    formatChoices: {
      json: 'Machine-readable (JSON), to move to another service',
      csv: 'Spreadsheet (CSV)',
      pdf: 'Readable document (PDF)',
    },
  },
  deletion: {
    scope: 'What should be deleted?',
    scopeChoices: {
      everything: 'All personal data held about me',
      specific: 'Only the data I describe below',
    },
    what: 'Describe the data to delete (if you chose the second option)',
    confirmationLabel: 'Confirmation',
    confirmation: 'I understand this cannot be undone',
  },
  optout: {
    scope: 'What do you want to opt out of?',
    scopeChoices: {
      ads: 'Personalised advertising',
      marketing: 'Promotional email',
      research: 'Use of my data for product research',
    },
  },
  rectification: {
    wrong: 'What is wrong',
    wrongPlaceholder: 'For example: my job title in my profile',
    correct: 'What it should be',
  },
  problems: {
    required: 'Please fill in "{label}".',
    tooLong: '"{label}" can be at most {max} characters (it has {length}).',
    chooseAtLeastOne: 'Please choose at least one option for "{label}".',
    chooseOne: 'Please choose one option for "{label}".',
    chooseListed: 'Please choose from the options listed for "{label}".',
    tickToGoOn: 'Please tick "{title}" to go on.',
    tick: 'Please tick "{title}".',
  },
} as const;
