/** Choosing the language the bot speaks with a person, and what it says when the content is in another. */
export const language = {
  title: 'Language',
  intro: 'Choose the language I speak with you. Until you choose, I follow the language of your Teams.',
  current: 'I am speaking English with you.',
  followTeams: 'Follow my Teams language',
  chosen: 'From now on I speak English with you.',
  following: 'I follow the language of your Teams again.',
  speak: 'Choose the language I speak with you.',
  /** {language}: the content's language, named in this one. */
  contentFallback: 'The privacy policy is not written in English, so my answers come from its {language} version.',
} as const;
