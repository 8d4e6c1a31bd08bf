// node --import tsx bench/profileByModule.ts PROFILE.cpuprofile [--bundle dist/server.js] [--until NAME | --until-ms MS] [--top N]
// Where a server's CPU profile (bench:server-scale --profile DIR, node --cpu-prof) spent its time, by
// source module of the bundle: esbuild writes a `// path/of/module.ts` comment before each module,
// so a sample's line in dist/server.js names its module. Counted up to the first sample whose stack
// holds a function named NAME (default toLspDiagnostic: the first diagnostics converted for the
// client), or up to MS ms after the profile began (bench:server-scale's firstDiagnosticsMs), so
// what follows the first diagnostics (the store's sync, the hovers) is left out.
//   self       samples whose running function is in the module (or in Node's internals, GC, …);
//   inclusive  samples with the module anywhere on the stack (a module's loading counts what it required);
//   loading    samples under the bundle's top level (the modules' evaluation before startServer returns).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]! : fallback;
}

const profilePath = process.argv[2];
if (!profilePath || profilePath.startsWith('--')) {
  console.error('usage: profileByModule.ts PROFILE.cpuprofile [--bundle dist/server.js] [--until NAME] [--top N]');
  process.exit(2);
}
const bundlePath = argument('--bundle', 'dist/server.js');
const until = argument('--until', 'toLspDiagnostic');
const untilMs = Number(argument('--until-ms', 'Infinity'));
const top = Number(argument('--top', '25'));

/** The module of each line of the bundle, from esbuild's `// path` comments; packages by name. */
function moduleOfLine(bundle: string): string[] {
  const lines = bundle.split('\n');
  const modules: string[] = [];
  let current = '(bundle runtime)';
  for (const line of lines) {
    const comment = /^\/\/ (\S+\.(?:[cm]?[jt]s|json))$/.exec(line);
    if (comment) {
      const path = comment[1]!;
      const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      current = packageName ? packageName[1]! : path.replace(/^(\.\.\/)+[^/]*\//, '');
    }
    modules.push(current);
  }
  return modules;
}

const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as Profile;
const moduleAt = moduleOfLine(readFileSync(bundlePath, 'utf8'));
const bundleName = basename(bundlePath);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

function where(frame: CallFrame): string {
  if (frame.url.endsWith(`/${bundleName}`)) return moduleAt[frame.lineNumber] ?? '(bundle)';
  if (frame.url.startsWith('node:')) return 'node: internals';
  if (frame.url === '') return frame.functionName || '(native)';
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  return packageName ? `${packageName[1]} (outside the bundle)` : frame.url;
}

const stackOf = (id: number): ProfileNode[] => {
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at)!);
  return stack;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let loading = 0;
let total = 0;
let idle = 0;
let reached = false;
let at = 0;
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
for (let i = 0; i < profile.samples.length; i++) {
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  at += profile.timeDeltas[i]! / 1000;
  if (at > untilMs) {
    reached = true;
    break;
  }
  const stack = stackOf(profile.samples[i]!);
  if (!Number.isFinite(untilMs) && stack.some((node) => node.callFrame.functionName === until)) reached = true;
  if (stack[0]!.callFrame.functionName === '(idle)') {
    idle += ms;
  } else {
    total += ms;
    add(self, where(stack[0]!.callFrame), ms);
    for (const module of new Set(stack.map((node) => where(node.callFrame)))) add(inclusive, module, ms);
    // The bundle's top level: a function at line 0 of the bundle with no name, its caller Node's loader.
    if (stack.some((node) => node.callFrame.url.endsWith(`/${bundleName}`) && node.callFrame.lineNumber === 0 && node.callFrame.functionName === '')) loading += ms;
  }
  if (reached) break;
}

const table = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
};
const cut = Number.isFinite(untilMs) ? `${untilMs} ms` : `the first ${until}`;
console.log(`${profilePath}: ${reached ? `up to ${cut} (${at.toFixed(0)} ms)` : `whole profile (${cut} not reached)`}`);
console.log(`busy ${total.toFixed(1)} ms, idle ${idle.toFixed(1)} ms, loading the bundle (its top level) ${loading.toFixed(1)} ms`);
table('self time by module', self);
table('inclusive time by module (on the stack)', inclusive);
