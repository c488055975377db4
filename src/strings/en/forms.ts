/** What every request form shares, and what a person is told when an answer does not fit. Each kind's own fields are in kinds.ts. */
export const forms = {
  notes: 'Anything else the privacy team should know (optional)',
  problems: {
    required: 'Please fill in "{label}".',
    tooLong: '"{label}" can be at most {max} characters (it has {length}).',
    chooseAtLeastOne: 'Please choose at least one option for "{label}".',
    chooseOne: 'Please choose one option for "{label}".',
    chooseListed: 'Please choose from the options listed for "{label}".',
    tickToGoOn: 'Please tick "{title}" to go on.',
    tick: 'Please tick "{title}".',
  },
} as const;
