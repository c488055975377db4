export const forms = {
  notes: 'Autre chose que l’équipe confidentialité devrait savoir (facultatif)',
  problems: {
    required: 'Veuillez remplir « {label} ».',
    tooLong: '« {label} » ne peut pas dépasser {max} caractères (il en compte {length}).',
    chooseAtLeastOne: 'Veuillez choisir au moins une option pour « {label} ».',
    chooseOne: 'Veuillez choisir une option pour « {label} ».',
    chooseListed: 'Veuillez choisir parmi les options proposées pour « {label} ».',
    tickToGoOn: 'Veuillez cocher « {title} » pour continuer.',
    tick: 'Veuillez cocher « {title} ».',
  },
} as const;
