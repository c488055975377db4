export const kinds = {
  export: {
    name: 'Kopie meiner Daten',
    formTitle: 'Eine Kopie Ihrer Daten erhalten',
    formIntro: 'Das Datenschutzteam stellt eine Kopie der über Sie gespeicherten personenbezogenen Daten zusammen und schickt sie Ihnen.',
    start: 'Eine Kopie meiner Daten anfordern',
    button: 'Kopie meiner Daten anfordern',
    command: { title: 'meine daten exportieren', description: 'Eine Kopie Ihrer personenbezogenen Daten anfordern' },
    fields: {
      include: 'Was soll die Kopie enthalten?',
      includeChoices: {
        account: 'Konto- und Profilangaben',
        usage: 'Nutzungs- und Diagnosedaten',
        content: 'Von mir erstellte Inhalte (Dateien, E-Mails, Chats)',
        support: 'Gespräche mit dem Support',
      },
      format: 'Gewünschtes Format',
      formatChoices: {
        json: 'Maschinenlesbar (JSON), für den Umzug zu einem anderen Dienst',
        csv: 'Tabelle (CSV)',
        pdf: 'Lesbares Dokument (PDF)',
      },
    },
  },
  deletion: {
    name: 'Löschung meiner Daten',
    formTitle: 'Ihre Daten löschen lassen',
    formIntro: 'Das Datenschutzteam löscht die personenbezogenen Daten, die Sie auswählen. Bevor etwas gesendet wird, bitte ich Sie um eine Bestätigung.',
    start: 'Eine Löschanfrage stellen',
    button: 'Meine Daten löschen',
    command: { title: 'meine daten löschen', description: 'Die Löschung Ihrer personenbezogenen Daten beantragen' },
    fields: {
      scope: 'Was soll gelöscht werden?',
      scopeChoices: {
        everything: 'Alle über mich gespeicherten personenbezogenen Daten',
        specific: 'Nur die Daten, die ich unten beschreibe',
      },
      what: 'Beschreiben Sie die zu löschenden Daten (wenn Sie die zweite Option gewählt haben)',
    },
    review: {
      title: 'Löschanfrage bestätigen',
      intro: 'Gelöschte Daten lassen sich nicht wiederherstellen. Prüfen Sie Ihre Angaben und bestätigen Sie dann.',
      next: 'Prüfen und bestätigen',
      submit: 'Meine Daten löschen',
      label: 'Bestätigung',
      toggle: 'Mir ist klar, dass das nicht rückgängig zu machen ist',
    },
  },
  optout: {
    name: 'Widerspruch gegen Werbung',
    formTitle: 'Widersprechen',
    formIntro: 'Wählen Sie, wofür Ihre Daten nicht mehr verwendet werden sollen. Das Datenschutzteam setzt das für Ihr Konto um.',
    start: 'Widersprechen',
    button: 'Personalisierter Werbung widersprechen',
    command: { title: 'werbung abbestellen', description: 'Personalisierter Werbung widersprechen' },
    fields: {
      scope: 'Wogegen möchten Sie widersprechen?',
      scopeChoices: {
        ads: 'Personalisierte Werbung',
        marketing: 'Werbe-E-Mails',
        research: 'Nutzung meiner Daten für die Produktforschung',
      },
    },
  },
  rectification: {
    name: 'Berichtigung meiner Daten',
    formTitle: 'Ihre Daten berichtigen',
    formIntro: 'Sagen Sie dem Datenschutzteam, was falsch ist und was stattdessen stehen soll.',
    start: 'Eine Berichtigung beantragen',
    button: 'Meine Daten berichtigen',
    command: { title: 'meine daten berichtigen', description: 'Falsche personenbezogene Daten berichtigen lassen' },
    fields: {
      wrong: 'Was falsch ist',
      wrongPlaceholder: 'Zum Beispiel: meine Stellenbezeichnung im Profil',
      correct: 'Was stattdessen stehen soll',
    },
  },
  restriction: {
    name: 'Einschränkung der Verarbeitung',
    formTitle: 'Die Nutzung Ihrer Daten einschränken',
    formIntro:
      'Solange eine Einschränkung gilt, werden Ihre Daten aufbewahrt, aber nicht verwendet, außer mit Ihrer Einwilligung oder für Rechtsansprüche. Das Datenschutzteam informiert Sie, bevor sie aufgehoben wird.',
    start: 'Eine Einschränkung beantragen',
    button: 'Nutzung meiner Daten einschränken',
    command: { title: 'meine daten einschränken', description: 'Die Einschränkung der Nutzung Ihrer personenbezogenen Daten beantragen' },
    fields: {
      grounds: 'Warum soll die Nutzung Ihrer Daten eingeschränkt werden?',
      groundsChoices: {
        accuracy: 'Ich bestreite ihre Richtigkeit, solange das geprüft wird',
        unlawful: 'Sie werden unrechtmäßig verwendet, und ich möchte eine Einschränkung statt einer Löschung',
        legalClaims: 'Sie werden nicht mehr gebraucht, aber ich benötige sie für einen Rechtsanspruch',
        objection: 'Ich habe der Nutzung widersprochen, solange das geprüft wird',
      },
      what: 'Welche Daten oder welche Nutzung',
      whatPlaceholder: 'Zum Beispiel: meine Leistungsbeurteilungen',
    },
  },
  objection: {
    name: 'Widerspruch gegen die Verarbeitung',
    formTitle: 'Einer Nutzung Ihrer Daten widersprechen',
    formIntro:
      'Sie können Nutzungen Ihrer Daten widersprechen, die auf berechtigten Interessen der Organisation oder einer öffentlichen Aufgabe beruhen. Das Datenschutzteam stellt sie ein, sofern keine zwingenden Gründe Ihre Interessen überwiegen.',
    start: 'Dieser Nutzung meiner Daten widersprechen',
    button: 'Einer Nutzung meiner Daten widersprechen',
    command: { title: 'der verarbeitung widersprechen', description: 'Einer Nutzung Ihrer personenbezogenen Daten widersprechen' },
    fields: {
      processing: 'Welcher Nutzung Ihrer Daten widersprechen Sie?',
      processingPlaceholder: 'Zum Beispiel: meine Standortdaten in der Arbeitsplatzanalyse',
      reasons: 'Ihre Gründe, die sich aus Ihrer besonderen Situation ergeben',
    },
  },
} as const;
