/** Teaching the bot: the ticket's answer choices, the answer chosen for the asker, `learned`, suggestions. */
export const learned = {
  // Taught entries as the answer card shows them.
  part: 'Answers of the privacy team',
  source: 'answers of the privacy team',

  // The ticket's Answer form.
  entryLabel: 'Answer with an entry of the policy (optional)',
  entryPlaceholder: 'Type to find an entry',
  teachToggle: 'Teach the bot this question',
  answerOptionalLabel: 'Your answer to {name} (up to 4,000 characters; optional when you choose an entry)',
  answerOrEntry: 'Write an answer or choose an entry before sending.',
  entryUnknown: 'That entry is no longer in the policy: choose another or write an answer.',
  chosenFact: 'Answered with',
  taughtNote: 'The bot was taught this question: it answers it itself from now on.',
  taughtFullNote: 'The bot could not be taught this question: it already knows {max} taught questions. Forget some with "learned".',

  // The asker's card when the team chose an entry.
  chosenForYou: 'The privacy team chose this answer for your question {id}.',
  teamText: 'From the privacy team:',
  answeredWithEntry: 'Answered with the policy\'s section "{title}".',
  chosenGone: 'The privacy team answered with a section that is no longer in the policy. Ask your question again to get the current answer.',

  // `learned`
  learnedTitle: 'What the privacy team taught me',
  learnedSpeak: 'The privacy team taught me {count} questions.',
  learnedIntro: 'Each is searched like the content. To keep one for good, paste its Markdown into the content files and publish them, then forget it here.',
  learnedNone: 'Nothing has been taught yet. Answer a question in the privacy channel with "Teach the bot this question" on.',
  learnedLine: 'Taught {date}: "{question}"',
  learnedAlsoAskedTarget: 'A way of asking for "{title}" ({file}): on its Also asked: line',
  learnedEntryGone: 'A way of asking for an entry no longer in the content',
  learnedNewEntry: 'A new entry, for an FAQ file',
  learnedMore: 'And {count} more: GET /api/learned has them all.',
  forget: 'Forget',
  forgotten: 'Forgotten: the bot no longer answers "{question}" from it.',
  forgetGone: 'That was already forgotten.',
  adminOnly: 'Only privacy admins can see and change what the bot was taught.',
  personalOnly: 'What the bot was taught is shown in a personal chat with me: open one and type "learned".',

  // Suggestions, in insights.
  suggestionsHeading: 'Suggestions: questions people answered themselves through "Did you mean…"',
  suggestionsNone: 'No suggestions.',
  suggestionLine: '{count}× "{question}" → {title}',
  accept: 'Accept',
  dismiss: 'Dismiss',
  accepted: 'Taught: "{question}" now finds "{title}".',
  dismissed: 'Dismissed.',
  suggestionsMore: 'And {count} more: GET /api/learned lists them under "suggestions".',
  suggestionGone: 'That suggestion was already accepted or dismissed.',

  emailRemoved: '[email]',
  phoneRemoved: '[phone]',
} as const;
