/**
 * Writes src/store/queries/<module>.ts for every SQLite query module: each exported query becomes a
 * store query (read or write, see src/store/dispatch.ts) over the SQLite function and its PostgreSQL
 * twin `<name>Pg` in src/pg/queries/<module>.ts. A query without a twin is an error: both engines
 * always have the whole API. `--check` writes nothing and fails if a file is out of date (the unit
 * suite runs it: a new query without its store entry or twin fails the tests).
 *
 *   pnpm --filter @atende/db generate:store [--check]
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('../src/', import.meta.url));
const check = process.argv.includes('--check');
const problems = [];
const output = new Map();
const dir = root + 'queries/';
const outDir = root + 'store/queries/';
if (!check) mkdirSync(outDir, { recursive: true });
const SKIP_MODULES = new Set(['prepared', 'maintenance']);
const SKIP_FNS = new Set(['changeTicket', 'createTicket', 'createTicketOnce']);
// Where the text-based guess (does the body insert, update, delete or run a statement?) is wrong.
const OVERRIDE = { savePortalSettings: 'write', saveCompanySettings: 'write', saveAutomationSettings: 'write', saveSlaSettings: 'write', saveSignInSettings: 'write', getOrCreateSecret: 'write', searchTicketIds: 'read', searchCustomerTickets: 'read', hitThrottleWindow: 'write' };
const modules = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
  const mod = file.replace('.ts', '');
  if (SKIP_MODULES.has(mod)) continue;
  const src = readFileSync(dir + file, 'utf8');
  const pgFile = root + 'pg/queries/' + file;
  const pgSrc = existsSync(pgFile) ? readFileSync(pgFile, 'utf8') : '';
  const fns = [];
  const re = /^export (async )?function (\w+)(<[^>]*>)?\(\s*(\w+): Db\b/gm;
  let m;
  while ((m = re.exec(src))) {
    if (SKIP_FNS.has(m[2])) continue;
    const body = src.slice(m.index, src.indexOf('\n}\n', m.index));
    const kind = OVERRIDE[m[2]] ?? (/\.insert\(|\.update\(|\.delete\(|\.run\(|writeTransaction|\.transaction\(/.test(body) ? 'write' : 'read');
    const hasPg = new RegExp(`export async function ${m[2]}Pg\\b`).test(pgSrc);
    if (!hasPg) problems.push(`${m[2]} (queries/${file}) has no PostgreSQL twin ${m[2]}Pg in pg/queries/${file}`);
    fns.push({ name: m[2], kind, hasPg });
  }
  const plain = [...src.matchAll(/^export (?:async )?function (\w+)|^export (?:const|class) (\w+)/gm)].map((x) => x[1] ?? x[2]).filter((n) => !fns.some((f) => f.name === n) && !SKIP_FNS.has(n));
  const lines = [];
  lines.push(`// The queries of queries/${mod}.ts for the store: each with its engine's function (see ../dispatch.ts).`);
  const kinds = [...new Set(fns.map((f) => f.kind))].sort();
  const imp = kinds;
  if (imp.length) lines.push(`import { ${imp.join(', ')} } from '../dispatch.js';`);
  if (fns.length) lines.push(`import * as sqlite from '../../queries/${mod}.js';`);
  if (fns.some((f) => f.hasPg)) lines.push(`import * as pg from '../../pg/queries/${mod}.js';`);
  lines.push('');
  lines.push(`export type * from '../../queries/${mod}.js';`);
  if (plain.length) lines.push(`export { ${plain.join(', ')} } from '../../queries/${mod}.js';`);
  lines.push('');
  for (const f of fns) lines.push(`export const ${f.name} = ${f.kind}(sqlite.${f.name}, pg.${f.name}Pg);`);
  output.set(outDir + file, lines.join('\n') + '\n');
  modules.push(mod);
}
output.set(outDir + 'index.ts', modules.map((m) => `export * from './${m}.js';`).join('\n') + '\n');
for (const [path, text] of output) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === text) continue;
  if (check) problems.push(`${path} is out of date: run pnpm --filter @atende/db generate:store`);
  else writeFileSync(path, text);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`store: ${modules.length} query modules${check ? ' up to date' : ' written'}`);
