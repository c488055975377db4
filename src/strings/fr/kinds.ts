export const kinds = {
  export: {
    name: 'Copie de mes données',
    formTitle: 'Obtenir une copie de vos données',
    formIntro: 'L’équipe confidentialité préparera une copie des données personnelles détenues sur vous et vous l’enverra.',
    start: 'Demander une copie de mes données',
    button: 'Obtenir une copie de mes données',
    command: { title: 'exporter mes données', description: 'Demander une copie de vos données personnelles' },
    fields: {
      include: 'Que doit contenir la copie ?',
      includeChoices: {
        account: 'Informations de compte et de profil',
        usage: 'Données d’utilisation et de diagnostic',
        content: 'Contenus que j’ai créés (fichiers, e-mails, conversations)',
        support: 'Échanges avec le support',
      },
      format: 'Format souhaité',
      formatChoices: {
        json: 'Lisible par une machine (JSON), pour passer à un autre service',
        csv: 'Tableur (CSV)',
        pdf: 'Document lisible (PDF)',
      },
    },
  },
  deletion: {
    name: 'Suppression de mes données',
    formTitle: 'Supprimer vos données',
    formIntro: 'L’équipe confidentialité supprimera les données personnelles que vous choisissez. Je vous demanderai de confirmer avant tout envoi.',
    start: 'Faire une demande de suppression',
    button: 'Supprimer mes données',
    command: { title: 'supprimer mes données', description: 'Demander la suppression de vos données personnelles' },
    fields: {
      scope: 'Que faut-il supprimer ?',
      scopeChoices: {
        everything: 'Toutes les données personnelles détenues sur moi',
        specific: 'Seulement les données que je décris ci-dessous',
      },
      what: 'Décrivez les données à supprimer (si vous avez choisi la deuxième option)',
    },
    review: {
      title: 'Confirmez votre demande de suppression',
      intro: 'Les données supprimées ne peuvent pas être récupérées. Vérifiez votre demande, puis confirmez.',
      next: 'Vérifier et confirmer',
      submit: 'Supprimer mes données',
      label: 'Confirmation',
      toggle: 'Je comprends que c’est irréversible',
    },
  },
  optout: {
    name: 'Opposition à la publicité',
    formTitle: 'Vous désinscrire',
    formIntro: 'Choisissez les usages de vos données que vous ne voulez plus. L’équipe confidentialité les appliquera à votre compte.',
    start: 'Me désinscrire',
    button: 'Refuser la publicité personnalisée',
    command: { title: 'refuser la publicité', description: 'Refuser la publicité personnalisée' },
    fields: {
      scope: 'De quoi voulez-vous vous désinscrire ?',
      scopeChoices: {
        ads: 'Publicité personnalisée',
        marketing: 'E-mails promotionnels',
        research: 'Utilisation de mes données pour la recherche produit',
      },
    },
  },
  rectification: {
    name: 'Rectification de mes données',
    formTitle: 'Rectifier vos données',
    formIntro: 'Indiquez à l’équipe confidentialité ce qui est faux et ce qu’il faudrait écrire à la place.',
    start: 'Demander une rectification',
    button: 'Rectifier mes données',
    command: { title: 'rectifier mes données', description: 'Faire corriger des données personnelles erronées' },
    fields: {
      wrong: 'Ce qui est faux',
      wrongPlaceholder: 'Par exemple : mon intitulé de poste dans mon profil',
      correct: 'Ce qu’il faudrait écrire',
    },
  },
  restriction: {
    name: 'Limitation du traitement',
    formTitle: 'Limiter l’utilisation de vos données',
    formIntro:
      'Tant qu’une limitation s’applique, vos données sont conservées mais pas utilisées, sauf avec votre consentement ou pour des droits en justice. L’équipe confidentialité vous préviendra avant de la lever.',
    start: 'Demander une limitation',
    button: 'Limiter l’utilisation de mes données',
    command: { title: 'limiter mes données', description: 'Demander la limitation de l’utilisation de vos données personnelles' },
    fields: {
      grounds: 'Pourquoi l’utilisation de vos données doit-elle être limitée ?',
      groundsChoices: {
        accuracy: 'J’en conteste l’exactitude, le temps de la vérifier',
        unlawful: 'Elles sont utilisées illicitement, et je préfère une limitation à une suppression',
        legalClaims: 'Elles ne sont plus nécessaires, mais j’en ai besoin pour un droit en justice',
        objection: 'Je me suis opposé à leur utilisation, le temps d’examiner ma demande',
      },
      what: 'Quelles données, ou quelle utilisation',
      whatPlaceholder: 'Par exemple : mes entretiens d’évaluation',
    },
  },
  objection: {
    name: 'Opposition au traitement',
    formTitle: 'Vous opposer à une utilisation de vos données',
    formIntro:
      'Vous pouvez vous opposer aux utilisations de vos données fondées sur l’intérêt légitime de l’organisation ou sur une mission de service public. L’équipe confidentialité les arrêtera, sauf motifs impérieux qui l’emportent sur les vôtres.',
    start: 'M’opposer à cette utilisation de mes données',
    button: 'M’opposer à une utilisation de mes données',
    command: { title: 'opposition au traitement', description: 'Vous opposer à une utilisation de vos données personnelles' },
    fields: {
      processing: 'À quelle utilisation de vos données vous opposez-vous ?',
      processingPlaceholder: 'Par exemple : mes données de localisation dans les analyses du lieu de travail',
      reasons: 'Vos raisons, tenant à votre situation particulière',
    },
  },
} as const;
