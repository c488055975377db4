export const welcome = {
  title: 'Datenschutz-Assistent',
  intro:
    'Ich beantworte Fragen zu unserer Datenschutzrichtlinie mit dem Abschnitt, der sie regelt, und ich kann Ihre Datenschutzanfragen an das Datenschutzteam weitergeben.',
  askHeading: 'Fragen Sie mich zum Beispiel',
  examples: [
    'Welche Daten erheben Sie über mich?',
    'Wie lange werden meine Daten gespeichert?',
    'Wer kann meine personenbezogenen Daten sehen?',
    'Kann ich eine Kopie meiner Daten bekommen?',
  ],
  exampleHint: 'Wählen Sie eine Frage aus oder schreiben Sie Ihre eigene.',
  speak: 'Datenschutz-Assistent. Fragen Sie mich zur Datenschutzrichtlinie oder stellen Sie eine Datenschutzanfrage.',
  requestsHeading: 'Eine Datenschutzanfrage stellen',
  channelHint: 'In einem Team oder Gruppenchat erwähnen Sie mich mit @Datenschutz-Assistent und Ihrer Frage.',
} as const;
