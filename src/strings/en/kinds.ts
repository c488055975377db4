/**
 * The words of each kind of privacy request, one block per kind: what it is called, its form, its
 * welcome-card button, its Teams command and its fields. src/requests/kinds.ts defines the kinds and
 * reads these blocks; a kind without one does not compile.
 */
export const kinds = {
  export: {
    name: 'Copy of my data',
    formTitle: 'Get a copy of your data',
    formIntro: 'The privacy team will prepare a copy of the personal data held about you and send it to you.',
    /** Offered under an answer about this right. */
    start: 'Request a copy of my data',
    button: 'Get a copy of my data',
    command: { title: 'export my data', description: 'Ask for a copy of your personal data' },
    fields: {
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
  },
  deletion: {
    name: 'Deletion of my data',
    formTitle: 'Delete your data',
    formIntro: 'The privacy team will delete the personal data you choose. You will be asked to confirm before anything is sent.',
    start: 'Start a deletion request',
    button: 'Delete my data',
    command: { title: 'delete my data', description: 'Ask for your personal data to be deleted' },
    fields: {
      scope: 'What should be deleted?',
      scopeChoices: {
        everything: 'All personal data held about me',
        specific: 'Only the data I describe below',
      },
      what: 'Describe the data to delete (if you chose the second option)',
    },
    /** The step after the form, before anything is stored: deleted data cannot be recovered. */
    review: {
      title: 'Confirm your deletion request',
      intro: 'Deleted data cannot be recovered. Check what you asked for, then confirm.',
      next: 'Review and confirm',
      submit: 'Delete my data',
      label: 'Confirmation',
      toggle: 'I understand this cannot be undone',
    },
  },
  optout: {
    name: 'Opt-out',
    formTitle: 'Opt out',
    formIntro: 'Choose what you no longer want your data used for. The privacy team will apply it to your account.',
    start: 'Opt out',
    button: 'Opt out of personalised ads',
    command: { title: 'opt out of ads', description: 'Opt out of personalised advertising' },
    fields: {
      scope: 'What do you want to opt out of?',
      scopeChoices: {
        ads: 'Personalised advertising',
        marketing: 'Promotional email',
        research: 'Use of my data for product research',
      },
    },
  },
  rectification: {
    name: 'Correction of my data',
    formTitle: 'Correct your data',
    formIntro: 'Tell the privacy team what is wrong and what it should say instead.',
    start: 'Ask for a correction',
    button: 'Correct my data',
    command: { title: 'correct my data', description: 'Ask for wrong personal data to be corrected' },
    fields: {
      wrong: 'What is wrong',
      wrongPlaceholder: 'For example: my job title in my profile',
      correct: 'What it should be',
    },
  },
  restriction: {
    name: 'Restriction of processing',
    formTitle: 'Restrict the use of your data',
    formIntro:
      'While a restriction applies, your data is kept but not used, except with your consent or for legal claims. The privacy team will tell you before it is lifted.',
    start: 'Ask for a restriction',
    button: 'Restrict the use of my data',
    command: { title: 'restrict my data', description: 'Ask for the use of your personal data to be restricted' },
    fields: {
      grounds: 'Why should the use of your data be restricted?',
      groundsChoices: {
        accuracy: 'I contest its accuracy, while that is checked',
        unlawful: 'It is used unlawfully, and I want it restricted rather than deleted',
        legalClaims: 'It is no longer needed, but I need it kept for a legal claim',
        objection: 'I have objected to its use, while that is considered',
      },
      what: 'Which data, or which use of it',
      whatPlaceholder: 'For example: my performance reviews',
    },
  },
  objection: {
    name: 'Objection to processing',
    formTitle: 'Object to a use of your data',
    formIntro:
      "You can object to uses of your data that rely on the organisation's legitimate interests or a public task. The privacy team will stop unless it has compelling grounds that override yours.",
    start: 'Object to this use of my data',
    button: 'Object to a use of my data',
    command: { title: 'object to processing', description: 'Object to a use of your personal data' },
    fields: {
      processing: 'Which use of your data do you object to?',
      processingPlaceholder: 'For example: my location data in workplace analytics',
      reasons: 'Your reasons, given your particular situation',
    },
  },
} as const;
