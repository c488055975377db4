/**
 * German and French messages: commands by their names in each language, requests from each
 * language's own phrasing (not translations of the English rules), and questions about a right kept
 * as questions. English keeps working for everyone.
 */
import { classifyIntent } from '../../src/intents/classify';
import { englishCommandOf } from '../../src/intents/other-languages';

describe('commands in German and French', () => {
  it.each([
    ['hilfe', 'help'],
    ['Hilfe!', 'help'],
    ['aide', 'help'],
    ['Hallo', 'greeting'],
    ['Bonjour', 'greeting'],
    ['Danke schön', 'thanks'],
    ['merci beaucoup', 'thanks'],
    ['meine Anfragen', 'myRequests'],
    ['mes demandes', 'myRequests'],
    ['Sprache', 'language'],
    ['langue', 'language'],
    ['language', 'language'],
    ['Hinweis', 'notice'],
    ['avis', 'notice'],
  ])('"%s" is %s', (text, type) => {
    expect(classifyIntent(text).type).toBe(type);
  });

  it('reaches the features that listen for a command by its English name', () => {
    expect(englishCommandOf('meine Fragen')).toBe('my questions');
    expect(englishCommandOf('mes questions')).toBe('my questions');
    expect(englishCommandOf('Auswertung')).toBe('insights');
    expect(englishCommandOf('Gelerntes')).toBe('learned');
    expect(englishCommandOf('appris')).toBe('learned');
    expect(englishCommandOf('renvoyer les demandes en échec')).toBe('replay failed requests');
    expect(englishCommandOf('meine Daten löschen')).toBe('delete my data');
    expect(englishCommandOf('wie lange werden meine daten gespeichert')).toBeUndefined();
  });
});

describe('requests in German', () => {
  it.each([
    ['Löschen Sie bitte mein Konto', 'deletion'],
    ['Ich verlange die Löschung meiner personenbezogenen Daten', 'deletion'],
    ['Entfernen Sie alle Daten über mich', 'deletion'],
    ['Ich möchte, dass Sie meine Daten vergessen', 'deletion'],
    ['Könnten Sie mir eine Kopie meiner Daten schicken?', 'export'],
    ['Ich hätte gerne eine Auskunft über meine gespeicherten Daten', 'export'],
    ['Bitte exportieren Sie mein Profil', 'export'],
    ['Ich möchte mich vom Newsletter abmelden', 'optout'],
    ['Keine Werbe-E-Mails mehr bitte', 'optout'],
    ['Ich ziehe meine Einwilligung zurück', 'optout'],
    ['Mein Nachname ist falsch geschrieben, bitte berichtigen Sie ihn', 'rectification'],
    ['Bitte aktualisieren Sie meine Telefonnummer', 'rectification'],
    ['Ich möchte die Verarbeitung meiner Daten einschränken lassen', 'restriction'],
    ['Sperren Sie bitte meine Daten, bis die Sache geklärt ist', 'restriction'],
    ['Ich widerspreche der Auswertung meiner Daten', 'objection'],
  ])('"%s" opens the %s form', (text, kind) => {
    expect(classifyIntent(text)).toEqual({ type: 'request', kind });
  });

  it.each([
    ['Wie kann ich meine Daten löschen lassen?', 'deletion'],
    ['Wann werden meine Daten gelöscht?', 'deletion'],
    ['Habe ich ein Recht auf eine Kopie meiner Daten?', 'export'],
    ['Ich möchte wissen, ob Sie meine Daten löschen', 'deletion'],
  ])('"%s" is a question about %s, not a request', (text, right) => {
    expect(classifyIntent(text, 'de')).toEqual({ type: 'question', aboutRight: right });
  });
});

describe('requests in French', () => {
  it.each([
    ['Effacez toutes mes données personnelles', 'deletion'],
    ['Je demande la suppression de mon compte', 'deletion'],
    ['Pourriez-vous supprimer mes informations ?', 'deletion'],
    ['Je souhaite recevoir une copie de mes données', 'export'],
    ['Envoyez-moi une copie de toutes mes informations', 'export'],
    ['Je veux exporter mon profil', 'export'],
    ['Je ne souhaite plus recevoir la newsletter', 'optout'],
    ['Arrêtez la publicité ciblée', 'optout'],
    ['Je retire mon consentement à la prospection', 'optout'],
    ['Mon prénom est mal orthographié, merci de le corriger', 'rectification'],
    ['Veuillez mettre à jour mon numéro de téléphone', 'rectification'],
    ['Je demande la limitation du traitement de mes données', 'restriction'],
    ['Je m’oppose à l’utilisation de mes données pour des analyses', 'objection'],
  ])('"%s" opens the %s form', (text, kind) => {
    expect(classifyIntent(text)).toEqual({ type: 'request', kind });
  });

  it.each([
    ['Comment faire supprimer mes données ?', 'deletion'],
    ['Quand mes données sont-elles effacées ?', 'deletion'],
    ['Ai-je droit à une copie de mes données ?', 'export'],
    ['Je voudrais savoir si vous supprimez mes données', 'deletion'],
  ])('"%s" is a question about %s, not a request', (text, right) => {
    expect(classifyIntent(text, 'fr')).toEqual({ type: 'question', aboutRight: right });
  });
});

describe('English', () => {
  it('still opens forms and answers commands whoever types it', () => {
    expect(classifyIntent('delete my data')).toEqual({ type: 'request', kind: 'deletion' });
    expect(classifyIntent('help').type).toBe('help');
    expect(classifyIntent('How long do you keep my data?').type).toBe('question');
    // Another language's words for a right do not make an English question about it.
    expect(classifyIntent('Is there a limit on how many files I can share?', 'en')).toEqual({ type: 'question' });
  });
});
