export const language = {
  title: 'Sprache',
  intro: 'Wählen Sie die Sprache, in der ich mit Ihnen spreche. Bis dahin richte ich mich nach der Sprache Ihres Teams-Clients.',
  current: 'Ich spreche Deutsch mit Ihnen.',
  followTeams: 'Der Sprache von Teams folgen',
  chosen: 'Ab jetzt spreche ich Deutsch mit Ihnen.',
  following: 'Ich richte mich wieder nach der Sprache Ihres Teams-Clients.',
  speak: 'Wählen Sie die Sprache, in der ich mit Ihnen spreche.',
  contentFallback: 'Die Datenschutzrichtlinie gibt es nicht auf Deutsch, deshalb stammen meine Antworten aus der Fassung auf {language}.',
} as const;
