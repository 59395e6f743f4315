// Prints where a .cpuprofile spent its time: self time by package and by function (file:line), and
// the total time (self and callees) of the functions whose name or file matches FILTER, the heaviest
// first. Usage: node tools/bench/profile-summary.js FILE.cpuprofile [TOP=40] [FILTER=regexp]
'use strict';
const { readFileSync } = require('node:fs');
const [file, top = '40', filter] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (cf) => {
  const url = cf.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'nm:').replace(/^\/work\/[^/]+\//, '');
  return `${cf.functionName || '(anon)'} ${url}:${cf.lineNumber + 1}`;
};
const pkg = (cf) => {
  const url = cf.url;
  if (!url) return cf.functionName.startsWith('(') ? cf.functionName : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '').replace(/^\/work\/[^/]+\//, '').split('/').slice(0, 3).join('/');
};
const fns = new Map();
const pkgs = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  fns.set(where(n.callFrame), (fns.get(where(n.callFrame)) ?? 0) + t);
  pkgs.set(pkg(n.callFrame), (pkgs.get(pkg(n.callFrame)) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
console.log('-- by package');
for (const [k, t] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(t)}  ${k}`);
console.log('-- by function (self)');
for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${pct(t)}  ${k}`);

if (filter) {
  // Total time: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const re = new RegExp(filter);
  const totals = new Map();
  for (const [id, t] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = where(byId.get(cur).callFrame);
      if (seen.has(key) || !re.test(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + t);
    }
  }
  console.log(`-- total (with callees) of ${filter}`);
  for (const [k, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${pct(t)}  ${k}`);
}
