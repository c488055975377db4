export const app = {
  nameFull: 'Assistant confidentialité : réponses sur la politique et demandes',
  descriptionShort: 'Répond aux questions de confidentialité et reçoit les demandes sur vos données.',
  descriptionFull:
    'Posez vos questions sur la politique de confidentialité avec vos propres mots et obtenez la section qui y répond, avec sa source. Demandez une copie de vos données, leur suppression ou leur rectification, refusez la publicité, limitez un traitement ou opposez-vous-y : l’équipe confidentialité reçoit votre demande et vous tient informé. Les administrateurs envoient des avis de changement de politique à toutes les équipes.',
} as const;
