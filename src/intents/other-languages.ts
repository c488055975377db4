/**
 * What a message in German or French asks, by each language's own phrasing: the same rules as the
 * English ones in classify.ts (a request only for an instruction about the person's own data,
 * otherwise a question, with the right it is about), written for how these languages ask.
 * Patterns run on folded text: lower case, accents and umlauts dropped ("löschen" and "loeschen"
 * both reach the patterns, which spell "lo(e)?sch"), punctuation gone.
 */
import { REQUEST_KINDS, type RequestKind } from '../requests/kinds';
import { LANGUAGES, stringsOf, type Language } from '../strings';

export type CommandIntent = 'greeting' | 'thanks' | 'help' | 'myRequests' | 'notice' | 'language';

export interface LanguageRules {
  readonly commands: ReadonlyArray<readonly [CommandIntent, RegExp]>;
  /** Per kind: the right a message is about, found anywhere in it. Tried in REQUEST_KINDS' precedence order by the caller. */
  readonly kinds: ReadonlyArray<readonly [RequestKind, RegExp]>;
  /** What an instruction must mention to be about the person's own data. */
  readonly object: RegExp;
  /** "I would like…", "please…", "could you…": the message is an instruction. */
  readonly instruction: RegExp;
  /** Starts with a verb that gives an order ("lösche…", "supprimez…"). */
  readonly imperative: RegExp;
  /** An order given later in the message or by a verb form that only orders ("…, bitte korrigieren Sie sie", "corrigez-la"). */
  readonly orderAnywhere: RegExp;
  /** "I would like to know whether…": a wish to learn, not an instruction. */
  readonly wantsToLearn: RegExp;
  /** A question, not an instruction (question words, "can I", a question mark without a polite ask). */
  readonly question: RegExp;
  /** "could you…": a question in form, an instruction in fact. */
  readonly politeAsk: RegExp;
}

/** Lower case, no accents, ß as ss, words separated by single spaces. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const GERMAN_MARKETING = /\b(werbung|werbe\w*|newsletter|marketing|tracking|personalisiert\w*|reklame|profiling)\b/;
const FRENCH_MARKETING = /\b(publicit\w*|pub|pubs|marketing|newsletters?|prospection|ciblage|cible\w*|tracking|personnalise\w*|promotion\w*)\b/;

const GERMAN: LanguageRules = {
  commands: [
    ['greeting', /^(hallo|guten (morgen|tag|abend)|servus|moin|gruss gott|gruezi|hallo zusammen)$/],
    [
      'thanks',
      /^((ok|okay|super|prima) )?(danke|vielen dank|danke schon|danke schoen|danke sehr|herzlichen dank|besten dank)( (dir|ihnen|fur die hilfe|fuer die hilfe))?$/,
    ],
    ['help', /^(hilfe|menu|menue|start|befehle|was kannst du|was kannst du tun|was konnen sie|was koennen sie|wie funktioniert das)$/],
    [
      'myRequests',
      /^((zeige?|zeig mir|zeigen sie)( mir)? )?(meine|alle meine) (datenschutz|offenen )?anfragen( status| stand)?$|^(status|stand) meiner (datenschutz)?anfragen?$|^wo stehen meine anfragen$/,
    ],
    ['notice', /^((neuer|neuen) )?(datenschutz)?hinweis( senden| verschicken)?$/],
    ['language', /^(sprache( (andern|aendern|wechseln|wahlen|waehlen))?|andere sprache)$/],
  ],
  kinds: [
    [
      'optout',
      /\b(entfern\w*|austrag\w*|streich\w*|nimm|nehmen sie)\b.*\b(newsletter|verteiler\w*|werbe\w*|mailing\w*|marketing\w*)\b|\b(abbestell\w*|abmeld\w*|melde?n? (mich|uns) ab|opt out|optout|(widerruf\w*|zuruckzieh\w*|zurueckzieh\w*|entzieh\w*) .*einwilligung|einwilligung .*(widerruf\w*|zuruck\w*|zurueck\w*|entzieh\w*)|keine (werbung|werbe\w*|newsletter|marketing\w*))\b|\b(widersprech\w*|widerspruch|stopp\w*|stopp|beenden|abschalt\w*|deaktivier\w*|keine)\b.*\b(werbung|werbe\w*|newsletter|marketing|tracking|personalisiert\w*)\b|\b(werbung|newsletter|marketing|tracking)\b.*\b(abbestell\w*|abschalt\w*|stopp\w*|deaktivier\w*|widersprech\w*|beenden)\b/,
    ],
    [
      'rectification',
      /\b(berichtig\w*|korrigier\w*|korrektur|falsch\w*|fehlerhaft\w*|unrichtig\w*|veraltet\w*|aktualisier\w*|tippfehler|(andern|aendern|anpassen) (sie )?(meine?n? )?(name\w*|nachname\w*|adresse|anschrift|telefonnummer|e mail\w*|daten|angaben|profil))\b/,
    ],
    [
      'restriction',
      /\b(schrank\w* sie\b.*\bein|schraenk\w* sie\b.*\bein|einschrank\w*|einschraenk\w*|beschrank\w*|beschraenk\w*|sperr\w*|nicht mehr (verwenden|nutzen|verarbeiten))\b/,
    ],
    ['objection', /\b(widersprech\w*|widerspreche|widerspruch)\b/],
    ['deletion', /\b((ge)?losch\w*|(ge)?loesch\w*|entfern\w*|vernicht\w*|tilg\w*|vergessen werden|vergessen)\b/],
    [
      'export',
      /\b(kopie\w*|export\w*|herunterlad\w*|herunterzuladen|download\w*|auskunft\w*|datenauskunft|(ubertrag|uebertrag)\w*|portabilitat|portabilitaet|(schick|send|geb|gib|zukommen)\w* (sie )?(mir|uns)\b.*\b(daten|alles|kopie))\b/,
    ],
  ],
  object:
    /\b(\w*daten|datensatz|angaben|informationen|infos|konto|profil|account|alles|alle|personenbezogen\w*|name\w*|adresse|anschrift|telefonnummer|e mail\w*|mich|nutzung|verarbeitung|einwilligung|werbung|werbe\w*|newsletter|marketing|es|sie)\b/,
  instruction:
    /^(ich|wir) (mochte|moechte|mochten|moechten|will|wollen|wurde gerne|wuerde gerne|wurde|wuerde|hatte gerne|haette gerne|brauche|verlange|beantrage|fordere|bitte|widerspreche|widerrufe|beanspruche|ziehe|ziehen|entziehe|entziehen)\b|^bitte\b|^(ich bitte|wir bitten)\b|^keine .*\bmehr\b/,
  orderAnywhere:
    /\bbitte (losch\w*|loesch\w*|entfern\w*|exportier\w*|schick\w*|send\w*|berichtig\w*|korrigier\w*|andern|aendern|aktualisier\w*|sperr\w*|schrank\w*|schraenk\w*|stopp\w*|nehmen)\b|\b(loschen|loeschen|entfernen|korrigieren|berichtigen|andern|aendern|sperren|exportieren|schicken|senden|schranken|schraenken) sie\b/,
  imperative:
    /^(bitte )?(schrank\w*|schraenk\w*|nehmen sie|losch\w*|loesch\w*|entfern\w*|exportier\w*|schick\w*|send\w*|gib|geben sie|berichtig\w*|korrigier\w*|anderen sie|aendern sie|andere|aendere|aktualisier\w*|sperr\w*|einschrank\w*|einschraenk\w*|beschrank\w*|beschraenk\w*|stopp\w*|abbestell\w*|widerruf\w*|melde?n? (mich|sie mich) ab|vergiss|vergessen sie)\b/,
  wantsToLearn: /^(ich|wir) (\w+ ){0,3}(wissen|erfahren|verstehen|nachfragen|fragen|informieren)\b/,
  question:
    /^(wie|was|wann|wo|warum|weshalb|wieso|wer|wen|wem|wessen|welche\w*|kann ich|konnen wir|koennen wir|darf ich|durfen|duerfen|ist|sind|gibt es|werden|wird|habe ich|hat|haben|muss|mussen|muessen|speichert|speichern|nutzt|nutzen|verwendet|verwenden)\b/,
  politeAsk: /^(bitte )?(konnen|koennen|konnten|koennten|wurden|wuerden) sie\b|^(kannst|konntest|koenntest|wurdest|wuerdest) du\b/,
};

const FRENCH: LanguageRules = {
  commands: [
    ['greeting', /^(bonjour|salut|bonsoir|coucou|hello)( (a tous|tout le monde|l equipe))?$/],
    ['thanks', /^((ok|super|parfait) )?(merci|merci beaucoup|merci bien|grand merci|je vous remercie|mille mercis)( (pour (l|votre) aide|encore))?$/],
    ['help', /^(aide|a l aide|menu|aidez moi|demarrer|commandes|que sais tu faire|que savez vous faire|que pouvez vous faire|comment ca marche)$/],
    ['myRequests', /^((voir|afficher|montre moi|montrez moi) )?mes demandes( en cours)?$|^(etat|suivi|statut) de mes demandes$|^ou en sont mes demandes$/],
    ['notice', /^((nouvel|envoyer un) )?avis( de confidentialite)?$/],
    ['language', /^((changer de |choisir la )?langue)$/],
  ],
  kinds: [
    [
      'optout',
      /\b(retir\w*|enlev\w*|sort\w*)\b.*\b(newsletters?|liste de diffusion|mailing\w*|publicit\w*|marketing)\b|\b(desinscri\w*|desabonn\w*|opt out|optout|(retir\w*|revoqu\w*|annul\w*) (mon |ma |le |la )?consentement|ne (veux|souhaite) plus (de|recevoir)|plus de (publicit\w*|pub|pubs|newsletters?|marketing))\b|\b(oppos\w*|arret\w*|stopp\w*|refus\w*|desactiv\w*)\b.*\b(publicit\w*|pubs?|marketing|newsletters?|prospection|ciblage|tracking|personnalise\w*)\b/,
    ],
    [
      'rectification',
      /\b(rectifi\w*|corrig\w*|correction|erron\w*|faux|fausse|inexact\w*|obsolete\w*|mettre a jour|mise a jour|mettez a jour|(modifi\w*|chang\w*) (mon |ma |mes )?(nom|prenom|adresse|numero|telephone|e mail|mail|coordonnees|donnees|informations|profil|intitule))\b/,
    ],
    ['restriction', /\b(limit\w*|restrein\w*|restrict\w*|gel\w*|suspend\w*|bloqu\w*)\b/],
    ['objection', /\b(oppos\w*|opposition)\b/],
    ['deletion', /\b(supprim\w*|suppression|effac\w*|efface\w*|detrui\w*|oubli\w*|droit a l oubli)\b/],
    [
      'export',
      /\b(copie\w*|export\w*|telecharg\w*|portabilite|transf[eé]r\w*|recuper\w*|(envoy|transmet|donn|communiqu)\w* (moi|nous)\b.*\b(donnees|informations|tout|copie)|acces a (mes|toutes mes) donnees)\b/,
    ],
  ],
  object:
    /\b(donnees|informations|infos|compte|profil|tout|toutes|dossier|historique|personnelles|nom|prenom|adresse|numero|coordonnees|moi|utilisation|traitement|consentement|publicit\w*|pubs?|newsletters?|marketing|les|la|le)\b/,
  instruction:
    /^(je|nous) (veux|voudrais|souhaite|souhaiterais|demande|exige|voulons|voudrions|souhaitons|requiers|m oppose|retire|revoque)\b|^(je|nous) ne (veux|voulons|souhaite|souhaitons) plus\b|^plus de\b|^(j aimerais|j exige|je vous demande|merci de|merci d|veuillez|s il vous plait|svp)\b/,
  orderAnywhere:
    /\b(merci de|merci d|veuillez|s il vous plait) (le |la |les |l )?(supprim|effac|corrig|rectifi|modifi|mettre a jour|limit|export|envoy|retir)\w*|\b(supprimez|effacez|corrigez|rectifiez|modifiez|limitez|exportez|envoyez|retirez|desinscrivez|desabonnez)\b/,
  imperative:
    /^(s il vous plait |svp |merci de |merci d )?(supprim\w*|effac\w*|export\w*|envoy\w*|donnez|donne|transmettez|rectifi\w*|corrig\w*|modifi\w*|mettez a jour|limit\w*|retir\w*|desinscri\w*|desabonn\w*|arret\w*|oubliez)\b/,
  wantsToLearn: /^(je|nous|j) (\w+ ){0,3}(savoir|comprendre|connaitre|apprendre|me renseigner|demander si)\b/,
  question:
    /^(comment|quel|quels|quelle|quelles|quand|ou|pourquoi|qui|que|qu|quoi|combien|est ce|puis je|peut on|ai je|avez vous|est il|est elle|sont|existe|conservez|gardez|utilisez|partagez|collectez)\b/,
  politeAsk: /^(pourriez|pouvez|pourrais|peux|voudriez|voulez) (vous|tu)\b/,
};

const RULES: Readonly<Partial<Record<Language, LanguageRules>>> = { de: GERMAN, fr: FRENCH };

export type LanguageIntent = { type: CommandIntent } | { type: 'request'; kind: RequestKind } | { type: 'question'; aboutRight?: RequestKind };

/** The right the text is about: the earliest trigger wins; on a tie, the order of the rules. */
function kindOf(rules: LanguageRules, text: string, objectIn?: string): RequestKind | undefined {
  let best: { kind: RequestKind; at: number } | undefined;
  for (const [kind, pattern] of rules.kinds) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (objectIn !== undefined && !rules.object.test(objectIn)) continue;
    if (!best || match.index < best.at) best = { kind, at: match.index };
  }
  return best?.kind;
}

/** A German or French message's intent, or undefined when the language has no rules here or says nothing the rules know. */
export function classifyInLanguage(language: Language, raw: string): LanguageIntent | undefined {
  const rules = RULES[language];
  if (!rules) return undefined;
  const text = fold(raw.slice(0, 500));
  const questionMark = raw.includes('?');
  for (const [type, pattern] of rules.commands) if (pattern.test(text)) return { type };
  const polite = rules.politeAsk.test(text);
  const body = text.replace(/^(bitte|s il vous plait|svp) /, '');
  const asks = !polite && (rules.question.test(body) || (questionMark && !rules.imperative.test(body)));
  if (!asks && !/^(nicht|nie|ne pas|jamais)\b/.test(body)) {
    const instruction = polite || rules.instruction.test(text) || rules.instruction.test(body) || rules.imperative.test(body) || rules.orderAnywhere.test(body);
    if (instruction && !rules.wantsToLearn.test(body)) {
      const kind = kindOf(rules, body, body);
      // Objecting to advertising is the opt-out, as in English.
      if (kind)
        return { type: 'request', kind: kind === 'objection' && (language === 'de' ? GERMAN_MARKETING : FRENCH_MARKETING).test(body) ? 'optout' : kind };
    }
  }
  const aboutRight = kindOf(rules, text);
  return aboutRight ? { type: 'question', aboutRight } : undefined;
}

/**
 * A command typed by its name in another language ("meine anfragen", "mes questions", "meine
 * daten löschen"), as its English name, so the features that listen for a command's words hear it
 * in any language; undefined when the text is no command's name.
 */
export function englishCommandOf(raw: string): string | undefined {
  return COMMAND_NAMES.get(fold(raw.slice(0, 200)));
}

const COMMAND_NAMES: ReadonlyMap<string, string> = (() => {
  const english = stringsOf('en');
  const names = new Map<string, string>();
  for (const language of LANGUAGES) {
    if (language === 'en') continue;
    const words = stringsOf(language);
    for (const key of Object.keys(english.commands) as Array<keyof typeof english.commands>) {
      // The example question in the command list is a question, asked in the person's language.
      if (key !== 'example') names.set(fold(words.commands[key].title), english.commands[key].title);
    }
    for (const kind of REQUEST_KINDS) names.set(fold(words.kinds[kind].command.title), english.kinds[kind].command.title);
  }
  return names;
})();
