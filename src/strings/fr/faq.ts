export const faq = {
  sourceLabel: 'Source : {file}, section « {heading} »',
  relatedHeading: 'Sujets liés',
  relatedButton: 'Lire : {title}',
  helpfulQuestion: 'Cette réponse vous a-t-elle aidé ?',
  helpfulYes: 'Oui, cela m’a aidé',
  helpfulNo: 'Non, pas vraiment',
  feedbackThanks: 'Merci pour votre retour.',
  feedbackSorry: 'Merci de me l’avoir dit. Essayez d’autres mots, ou contactez l’équipe confidentialité.',
  notCoveredTitle: 'La politique n’en parle pas',
  notCovered:
    'Je n’ai rien trouvé dans notre politique de confidentialité qui réponde à cette question. Essayez d’autres mots, ou choisissez l’un des sujets ci-dessous.',
  answerSpeak: 'Réponse tirée de la politique de confidentialité : {title}.',
  didYouMeanTitle: 'Vouliez-vous dire…',
  didYouMeanText: 'Plusieurs parties de la politique pourraient répondre. Choisissez celle qui se rapproche le plus de votre question.',
  didYouMeanSpeak: 'Vouliez-vous dire l’un de ces sujets : {titles} ?',
  entryGone: 'Cette section ne figure plus dans la politique. Posez de nouveau votre question pour obtenir la réponse à jour.',
} as const;
