export const forms = {
  notes: 'Was das Datenschutzteam sonst noch wissen sollte (optional)',
  problems: {
    required: 'Bitte füllen Sie „{label}“ aus.',
    tooLong: '„{label}“ darf höchstens {max} Zeichen lang sein (es sind {length}).',
    chooseAtLeastOne: 'Bitte wählen Sie bei „{label}“ mindestens eine Option.',
    chooseOne: 'Bitte wählen Sie bei „{label}“ eine Option.',
    chooseListed: 'Bitte wählen Sie bei „{label}“ aus den angebotenen Optionen.',
    tickToGoOn: 'Bitte haken Sie „{title}“ an, um fortzufahren.',
    tick: 'Bitte haken Sie „{title}“ an.',
  },
} as const;
