/**
 * What a kind of privacy request is, in one place: its fields, whether it asks for a confirmation,
 * whether the welcome card offers it, and the phrases that ask for it. The intent classifier, the
 * forms, the welcome card and the Teams app manifest's commands all read this, so adding a right is
 * one entry here plus its block of words in src/strings/en/kinds.ts.
 */
import { strings } from '../strings';
import { choicesOf, NOTES, NOTES_MAX, type FormField } from './forms';

/** In the order people are offered them (manifest commands, lists). */
export const REQUEST_KINDS = ['export', 'deletion', 'optout', 'rectification', 'restriction', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * How messages ask for a kind. Patterns are tried on normalised text: lower-case ASCII words, US
 * spelling, no apostrophes ("dont").
 */
export interface KindTriggers {
  /** Verbs that open an instruction of this kind ("delete my data"). */
  readonly verbs: readonly string[];
  /** Finds the right a message is about, anywhere in it. */
  readonly loose: RegExp;
  /** What an instruction must also mention to be about the person's own data ("delete my account", not "delete the meeting"). */
  readonly object: RegExp;
  /** When a message names two rights at the same place, the lower number wins ("remove my consent" is an opt-out, not a deletion). */
  readonly precedence: number;
  /** Words that decide this kind: a typo of one is corrected to it before the patterns run ("delte my data"). */
  readonly keywords: readonly string[];
}

export interface Confirmation {
  readonly field: FormField & { readonly type: 'toggle' };
  readonly title: string;
  readonly intro: string;
  /** The form's button that leads to this step. */
  readonly next: string;
  /** This step's button that sends the request. */
  readonly submit: string;
}

export interface RequestKindDefinition {
  readonly fields: readonly FormField[];
  /** A step after the form, before anything is stored, with one toggle to tick (deletion cannot be undone). */
  readonly confirmation?: Confirmation;
  /** A button on the welcome card; the others are asked for in words or from the app's commands. */
  readonly featured: boolean;
  readonly triggers: KindTriggers;
}

/** Each kind's words: a kind without its block in the strings does not compile. */
export type KindWords = (typeof strings.kinds)[RequestKind];
export const KIND_WORDS: Readonly<Record<RequestKind, KindWords>> = strings.kinds;

// Read when used, not here: the words are those of the language of the turn (see src/strings).
const w = strings.kinds;

const PERSONAL_DATA =
  /\b(data|information|info|details|account|profile|personal|records?|history|everything|all of it|pii|footprint|traces?|me|right (to|of))\b/;
/** What advertising and marketing opt-outs mention: objecting to these is an opt-out, not an objection. */
const MARKETING = '(ads?|adverts?|advertising|advertisements?|marketing|personalization|personalized|targeted|targeting|tracking|profiling|mailing)';

export const REQUEST_KIND_DEFINITIONS: Readonly<Record<RequestKind, RequestKindDefinition>> = {
  export: {
    featured: true,
    fields: [
      {
        id: 'include',
        type: 'choice',
        get label() {
          return w.export.fields.include;
        },
        required: true,
        multiple: true,
        initial: 'account,usage,content,support',
        get choices() {
          return choicesOf(w.export.fields.includeChoices);
        },
      },
      {
        id: 'format',
        type: 'choice',
        get label() {
          return w.export.fields.format;
        },
        required: true,
        multiple: false,
        initial: 'json',
        get choices() {
          return choicesOf(w.export.fields.formatChoices);
        },
      },
      NOTES,
    ],
    triggers: {
      precedence: 6,
      keywords: ['export', 'download', 'portability', 'transfer'],
      verbs: ['export', 'download', 'send', 'give', 'email', 'mail', 'provide', 'copy', 'transfer', 'port'],
      loose:
        /\b(export|exporting|download|downloading|portability|port|copy|copies|takeout|transfer|(move|take|migrate) (all )?(of )?(my |our )?(data|information|info|files|emails|mailbox|documents|contacts|stuff|everything)|subject access|dsar|sar|access request|(send|give|email|provide|mail|show) (me|us) (all |a copy of |everything )?(my|the|of my|everything|all)|(everything|all|what) (data |information |info )?(you|they) (hold|have|keep|store|stored|holds|has|keeps|stores) (on|about) (me|us))\b/,
      object: /\b(data|information|info|details|everything|all|copy|archive|records?|history|account|profile|mailbox|emails?|files|documents|contacts|me)\b/,
    },
  },
  deletion: {
    featured: true,
    fields: [
      {
        id: 'scope',
        type: 'choice',
        get label() {
          return w.deletion.fields.scope;
        },
        required: true,
        multiple: false,
        initial: 'everything',
        get choices() {
          return choicesOf(w.deletion.fields.scopeChoices);
        },
      },
      {
        id: 'what',
        type: 'text',
        get label() {
          return w.deletion.fields.what;
        },
        required: false,
        requiredWhen: { field: 'scope', value: 'specific' },
        multiline: true,
        maxLength: NOTES_MAX,
      },
      NOTES,
    ],
    confirmation: {
      field: {
        id: 'confirm',
        type: 'toggle',
        get label() {
          return w.deletion.review.label;
        },
        get title() {
          return w.deletion.review.toggle;
        },
        required: true,
      },
      get title() {
        return w.deletion.review.title;
      },
      get intro() {
        return w.deletion.review.intro;
      },
      get next() {
        return w.deletion.review.next;
      },
      get submit() {
        return w.deletion.review.submit;
      },
    },
    triggers: {
      precedence: 5,
      keywords: ['delete', 'deletion', 'erase', 'erasure', 'remove', 'removal', 'purge', 'forget', 'destroy'],
      verbs: ['delete', 'erase', 'remove', 'wipe', 'purge', 'forget', 'destroy', 'get rid of'],
      loose:
        /\b(delet(e|es|ed|ing|ion)|eras(e|es|ed|ing|ure)|remov(e|es|ed|ing|al)|wip(e|es|ed|ing)|purg(e|es|ed|ing)|destroy(s|ed|ing)?|forget|forgotten|get rid of)\b/,
      object: PERSONAL_DATA,
    },
  },
  optout: {
    featured: true,
    fields: [
      {
        id: 'scope',
        type: 'choice',
        get label() {
          return w.optout.fields.scope;
        },
        required: true,
        multiple: true,
        initial: 'ads',
        get choices() {
          return choicesOf(w.optout.fields.scopeChoices);
        },
      },
      NOTES,
    ],
    triggers: {
      precedence: 1,
      keywords: [
        'unsubscribe',
        'consent',
        'personalized',
        'personalization',
        'advertising',
        'advertisement',
        'adverts',
        'marketing',
        'tracking',
        'withdraw',
        'revoke',
      ],
      verbs: ['opt', 'unsubscribe', 'stop', 'turn off', 'switch off', 'disable', 'withdraw', 'revoke'],
      loose: new RegExp(
        `\\b(opt (me |us )?out|optout|unsubscribe|(object|objection) to .*\\b${MARKETING}|(remove|exclude|take) (me|us) (from|off|out of) .*\\b(ads?|adverts?|advertising|marketing|personalization|personalized|tracking|profiling|mailing)|(withdraw|revoke|remove|cancel|take back) (my |your |the )?consent|(dont|do not|no longer|not) (consent|agree)|(ads?|adverts?|advertising|advertisements?|marketing|personalization|targeting|tracking|profiling) (opt out|off)|(stop|turn off|switch off|disable|block|no more|(dont|do not|no longer) want)\\b.*\\b(ads?|adverts?|advertising|advertisements?|marketing|personalized|personalization|targeted|targeting|tracking|profiling|data collection|collecting))\\b`,
      ),
      object: /./,
    },
  },
  rectification: {
    featured: false,
    fields: [
      {
        id: 'wrong',
        type: 'text',
        get label() {
          return w.rectification.fields.wrong;
        },
        required: true,
        multiline: true,
        maxLength: NOTES_MAX,
        get placeholder() {
          return w.rectification.fields.wrongPlaceholder;
        },
      },
      {
        id: 'correct',
        type: 'text',
        get label() {
          return w.rectification.fields.correct;
        },
        required: true,
        multiline: true,
        maxLength: NOTES_MAX,
      },
    ],
    triggers: {
      precedence: 2,
      keywords: [
        'correct',
        'rectify',
        'rectification',
        'misspelled',
        'incorrect',
        'inaccurate',
        'outdated',
        'update',
        'change',
        'address',
        'surname',
        'number',
      ],
      verbs: ['fix', 'correct', 'update', 'change', 'amend', 'rectify', 'edit'],
      loose:
        /\b(rectify|rectification|correct|correcting|correction|corrected|fix|fixing|fixed|amend|amending|misspell\w*|spelled wrong\w*|wrong|incorrect|inaccurate|inaccuracy|out of date|outdated|typo|(update|change|edit|modify) (it|them|this|that)|(update|change|edit|modify) (my |the |our )?(name|surname|email|e mail|address|phone|number|details|info|information|data|profile|record|records|title|job title|department|spelling))\b/,
      object: /\b(name|surname|email|e mail|address|phone|number|details|info|information|data|profile|records?|title|department|birthday|spelling|it|me)\b/,
    },
  },
  // GDPR Art. 18: the data is kept but not used while the grounds are settled.
  restriction: {
    featured: false,
    fields: [
      {
        id: 'grounds',
        type: 'choice',
        get label() {
          return w.restriction.fields.grounds;
        },
        required: true,
        multiple: true,
        initial: '',
        get choices() {
          return choicesOf(w.restriction.fields.groundsChoices);
        },
      },
      {
        id: 'what',
        type: 'text',
        get label() {
          return w.restriction.fields.what;
        },
        required: true,
        multiline: true,
        maxLength: NOTES_MAX,
        get placeholder() {
          return w.restriction.fields.whatPlaceholder;
        },
      },
      NOTES,
    ],
    triggers: {
      precedence: 3,
      keywords: [],
      verbs: ['restrict', 'limit', 'freeze', 'pause', 'suspend'],
      loose:
        /\b(restrict|restricting|restricted|restriction|(limit|limiting|freeze|freezing|pause|pausing|suspend|suspending|halt) (the )?(use|using|processing|how (you|they) use)|(stop|cease) (using|processing)|right to restrict\w*)\b/,
      object: /\b(data|information|info|details|account|profile|personal|records?|history|use|using|processing|it|them)\b/,
    },
  },
  // GDPR Art. 21(1): objections to processing on legitimate interests or a public task; objecting
  // to marketing is the opt-out above.
  objection: {
    featured: false,
    fields: [
      {
        id: 'processing',
        type: 'text',
        get label() {
          return w.objection.fields.processing;
        },
        required: true,
        multiline: true,
        maxLength: NOTES_MAX,
        get placeholder() {
          return w.objection.fields.processingPlaceholder;
        },
      },
      {
        id: 'reasons',
        type: 'text',
        get label() {
          return w.objection.fields.reasons;
        },
        required: true,
        multiline: true,
        maxLength: NOTES_MAX,
      },
    ],
    triggers: {
      precedence: 4,
      keywords: [],
      verbs: ['object'],
      loose: new RegExp(`\\b(object|objecting|objection|right to object)\\b(?!.*\\b${MARKETING}\\b)`),
      object: /\b(data|information|info|details|account|profile|personal|records?|history|use|using|processing|monitoring|analytics|it|this|that)\b/,
    },
  },
};

/** The everyday rights, offered as buttons on the welcome card. */
export const FEATURED_REQUEST_KINDS: readonly RequestKind[] = REQUEST_KINDS.filter((kind) => REQUEST_KIND_DEFINITIONS[kind].featured);

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}

/** The fields of a kind's form. */
export function fieldsOf(kind: RequestKind): readonly FormField[] {
  return REQUEST_KIND_DEFINITIONS[kind].fields;
}

/** The kind's Teams app command (personal scope): what the manifest offers and the classifier understands. */
export function commandOf(kind: RequestKind): { readonly title: string; readonly description: string } {
  return KIND_WORDS[kind].command;
}
