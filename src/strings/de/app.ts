export const app = {
  nameFull: 'Datenschutz-Assistent: Antworten zur Datenschutzrichtlinie und Anfragen',
  descriptionShort: 'Beantwortet Datenschutzfragen und nimmt Datenanfragen entgegen.',
  descriptionFull:
    'Fragen Sie in Ihren eigenen Worten zur Datenschutzrichtlinie und erhalten Sie den Abschnitt, der die Frage beantwortet, mit seiner Quelle. Fordern Sie eine Kopie Ihrer Daten an, ihre Löschung oder Berichtigung, widersprechen Sie Werbung, einer Verarbeitung oder lassen Sie sie einschränken: Das Datenschutzteam erhält Ihre Anfrage und hält Sie auf dem Laufenden. Datenschutz-Admins senden Hinweise zu Richtlinienänderungen an alle Teams.',
} as const;
