/** The app's name and description in Teams' app store and app details (the manifest and its localization files). */
export const app = {
  nameFull: 'Privacy Assistant: privacy policy answers and requests',
  descriptionShort: 'Answers privacy questions and takes data requests.',
  descriptionFull:
    'Ask about the privacy policy in your own words and get the section that answers it, with its source. Ask for a copy of your data, its deletion or correction, an opt-out, a restriction or an objection, and the privacy team receives your request and tells you how it goes. Privacy admins send policy-change notices to every team.',
} as const;
