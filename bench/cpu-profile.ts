/**
 * `node dist/bench/cpu-profile.js <file.cpuprofile> [top]`: where a process spent its CPU, from a
 * `node --cpu-prof` profile, e.g. one taken with
 * `BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:turns`.
 * Self time grouped by package (node_modules/<name>), by the bot's own folder (src/<folder>),
 * Node's internals, garbage collection and the rest; then the functions with the most self time.
 * Percentages are of busy time (idle left out).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The group a frame's self time counts towards. */
export function groupOf(functionName: string, url: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node (internals)';
  const own = /\/(src|bench|test)\/([^/]+)\//.exec(url);
  if (own) return `bot: ${own[1]}/${own[2]}`;
  return url;
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile <file.cpuprofile> [top]');
  const top = Number(topArg ?? 15);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, micros] of selfByNode) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    busy += micros;
    const group = groupOf(functionName, url);
    groups.set(group, (groups.get(group) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'}  ${group}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const percent = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%`;
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`${file}: ${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle`);
  console.log('self time by group:');
  for (const [group, micros] of sorted(groups).slice(0, top)) console.log(`  ${percent(micros)}  ${group}`);
  console.log('self time by function:');
  for (const [name, micros] of sorted(functions).slice(0, top)) console.log(`  ${percent(micros)}  ${name}`);
}

main();
