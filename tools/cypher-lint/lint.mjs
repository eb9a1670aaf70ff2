#!/usr/bin/env node
// Lints Cypher statements with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, lintCypherQuery), as Cypher 5, every $parameter declared.
//
//   node tools/cypher-lint/lint.mjs [--jobs N] [--no-cache] [--cypher 5|25] [--report FILE] INPUT...
//
// INPUT is a statement file ({"source", "statements": [{"query", "count", "tests", "sites"}]},
// written by tests/cypher_recorder.py or tools/cypher_statements.py) or a folder of them (the
// per-process files of a recording, EMM_RECORD_CYPHER). Statements are merged by text and each is linted once.
// Prints every error and warning with the statement's first line and where it was seen, then a
// summary. Exit code: 0 clean, 1 any error or warning, 2 unusable input or a linter that does
// not flag what it must (checked first). See docs/it.md.
//
// Besides parameters, the schema declares Neo4j 5's built-in functions and procedures (the
// package's own dump of a Neo4j 5 server, without the APOC and GDS plugins, which production is
// not assumed to have), so a function Neo4j does not have is an error too.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = '@neo4j-cypher/language-support';
const CACHE = path.join(HERE, 'node_modules', '.cache', 'emm-cypher-lint', 'results.json');
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

// Each must be flagged, or the linter is not doing its job (a broken install, an API change).
const CANARIES = [
  ['MATCH (n) RETURN id(n) AS i', 2, 'deprecated function'],
  ['MATCH (n) CALL { WITH n RETURN 1 AS x } RETURN x', 2, 'deprecated subquery form'],
  ['MATCH (n RETURN n', 1, 'syntax error'],
  ['MATCH (n) RETURN m', 1, 'undefined variable'],
  ['RETURN $p AS p', 1, 'undeclared parameter', { declare: false }],
  ['RETURN no_such_function(1) AS x', 1, 'unknown function'],
];

/** Every `$name` of a statement, declared (values are irrelevant to the analysis). */
export function parameters(query) {
  const found = {};
  for (const m of query.matchAll(/\$(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*)|([0-9]+))/g)) {
    found[m[1] ?? m[2] ?? m[3]] = null;
  }
  return found;
}

async function loadLinter(language = 'CYPHER 5') {
  const lib = await import(PACKAGE);
  const pick = (registry, keep) =>
    Object.fromEntries(Object.entries(registry ?? {}).filter(([name, v]) => keep(name, v)));
  const mock = lib.testData.mockSchema;
  const functions = {
    [language]: pick(mock.functions[language], (_, f) => f.isBuiltIn),
  };
  const procedures = {
    [language]: pick(mock.procedures[language], (name) => /^(db|dbms|tx)\./.test(name)),
  };
  const lint = (query, { declare = true } = {}) =>
    lib
      .lintCypherQuery(query, {
        defaultLanguage: language,
        parameters: declare ? parameters(query) : {},
        functions,
        procedures,
      })
      .diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        start: d.offsets?.start ?? 0,
        end: d.offsets?.end ?? 0,
      }));
  return { lint, functions, procedures };
}

// ----------------------------------------------------------------------------- worker

if (!isMainThread) {
  const { lint } = await loadLinter(workerData.language);
  parentPort.postMessage(workerData.queries.map((q) => [q, lint(q)]));
}

// ----------------------------------------------------------------------------- main

function usage(message) {
  console.error(`cypher-lint: ${message}`);
  console.error('usage: node tools/cypher-lint/lint.mjs [--jobs N] [--no-cache] [--cypher 5|25] [--report FILE] INPUT...');
  process.exit(2);
}

function readInputs(inputs) {
  const files = [];
  for (const input of inputs) {
    if (!fs.existsSync(input)) usage(`no such file or folder: ${input}`);
    if (fs.statSync(input).isDirectory()) {
      // per-process files of a recording; a journal (.jsonl) only where no final file was written
      const inside = fs.readdirSync(input).sort();
      const finals = inside.filter((f) => f.endsWith('.json'));
      const journals = inside.filter((f) => f.endsWith('.jsonl') && !finals.includes(f.slice(0, -1)));
      files.push(...[...finals, ...journals].map((f) => path.join(input, f)));
    } else files.push(input);
  }
  const merged = new Map();
  const counts = {};
  for (const file of files) {
    let doc;
    try {
      const text = fs.readFileSync(file, 'utf8');
      doc = file.endsWith('.jsonl')
        ? { source: 'recorded', statements: text.split('\n').filter(Boolean).map((l) => JSON.parse(l)) }
        : JSON.parse(text);
    } catch (e) {
      usage(`${file} is not a statement file: ${e.message}`);
    }
    if (!Array.isArray(doc.statements)) usage(`${file} has no "statements" list`);
    const source = doc.source ?? path.basename(file);
    counts[source] ??= new Set();
    for (const s of doc.statements) {
      if (typeof s.query !== 'string') usage(`${file}: a statement without "query"`);
      const entry = merged.get(s.query) ?? { sources: new Set(), count: 0, tests: new Set(), sites: [] };
      entry.sources.add(source);
      entry.count += s.count ?? 1;
      for (const t of s.tests ?? []) entry.tests.add(t);
      for (const site of s.sites ?? []) if (!entry.sites.includes(site)) entry.sites.push(site);
      merged.set(s.query, entry);
      counts[source].add(s.query);
    }
  }
  return { files, merged, counts };
}

function cacheKey(version, schema) {
  const self = fs.readFileSync(fileURLToPath(import.meta.url));
  return createHash('sha256').update(version).update(self).update(JSON.stringify(schema)).digest('hex');
}

function readCache(key) {
  try {
    const data = JSON.parse(fs.readFileSync(CACHE, 'utf8'));
    return data.key === key ? new Map(Object.entries(data.results)) : new Map();
  } catch {
    return new Map();
  }
}

function writeCache(key, results) {
  try {
    fs.mkdirSync(path.dirname(CACHE), { recursive: true });
    fs.writeFileSync(CACHE, JSON.stringify({ key, results: Object.fromEntries(results) }));
  } catch {
    // a cache is an optimisation: a read-only install still lints
  }
}

function lintInWorkers(queries, jobs, language) {
  const parts = Array.from({ length: jobs }, () => []);
  queries.forEach((q, i) => parts[i % jobs].push(q));
  return Promise.all(
    parts
      .filter((p) => p.length)
      .map(
        (part) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { queries: part, language } });
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => code && reject(new Error(`lint worker exited with ${code}`)));
          }),
      ),
  ).then((chunks) => new Map(chunks.flat()));
}

function firstLine(query, width = 110) {
  const line = query.trimStart().split('\n')[0];
  return line.length > width ? `${line.slice(0, width - 3)}...` : line;
}

function where(entry) {
  const out = [];
  const statics = entry.sites.filter((s) => s.startsWith('emm.'));
  const calls = entry.sites.filter((s) => !s.startsWith('emm.'));
  if (statics.length) out.push(`built by ${statics.slice(0, 3).join(', ')}${statics.length > 3 ? ` (+${statics.length - 3})` : ''}`);
  if (entry.sources.has('recorded')) {
    const tests = [...entry.tests];
    out.push(
      `sent ${entry.count}x from ${calls.slice(0, 2).join(', ') || 'an unknown site'}` +
        (tests.length ? ` in ${tests.length} test(s), e.g. ${tests[0]}` : ''),
    );
  }
  return out.join('; ');
}

function excerpt(query, start, end) {
  const from = Math.max(0, start - 40);
  const to = Math.min(query.length, Math.max(end, start + 1) + 40);
  const text = query.slice(from, to).replace(/\s/g, ' ');
  const lead = from > 0 ? '...' : '';
  const caret = ' '.repeat(lead.length + start - from) + '^'.repeat(Math.max(1, Math.min(end, to) - start));
  return [`${lead}${text}${to < query.length ? '...' : ''}`, caret];
}

async function main(argv) {
  let jobs = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
  let useCache = true;
  let report = null;
  let language = 'CYPHER 5'; // production is Neo4j 5; --cypher 25 only to look ahead
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jobs') jobs = Number.parseInt(argv[++i], 10) || usage('--jobs needs a number');
    else if (a === '--no-cache') useCache = false;
    else if (a === '--cypher') language = `CYPHER ${argv[++i]}`;
    else if (a === '--report') report = argv[++i] ?? usage('--report needs a file');
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (!inputs.length) usage('no input');
  if (!['CYPHER 5', 'CYPHER 25'].includes(language)) usage('--cypher is 5 or 25');
  const started = Date.now();
  const { files, merged, counts } = readInputs(inputs);

  const { lint, functions, procedures } = await loadLinter(language);
  const version = JSON.parse(
    fs.readFileSync(path.join(HERE, 'node_modules', ...PACKAGE.split('/'), 'package.json'), 'utf8'),
  ).version;
  for (const [query, severity, what, options] of CANARIES) {
    if (!lint(query, options).some((d) => d.severity <= severity)) {
      console.error(`cypher-lint: ${PACKAGE} ${version} did not flag a ${what} in: ${query}`);
      console.error('the linter is not working here (install: npm ci --prefix tools/cypher-lint)');
      process.exit(2);
    }
  }

  const key = cacheKey(version, { language, functions, procedures });
  const cache = useCache ? readCache(key) : new Map();
  const queries = [...merged.keys()];
  const todo = queries.filter((q) => !cache.has(q));
  const fresh =
    todo.length > 8 && jobs > 1
      ? await lintInWorkers(todo, Math.min(jobs, Math.ceil(todo.length / 8)), language)
      : new Map(todo.map((q) => [q, lint(q)]));
  const results = new Map(queries.map((q) => [q, fresh.get(q) ?? cache.get(q)]));
  if (useCache && todo.length) writeCache(key, new Map([...cache, ...fresh]));

  let errors = 0;
  let warnings = 0;
  const flagged = [];
  for (const [query, diagnostics] of results) {
    const shown = diagnostics.filter((d) => d.severity <= 2);
    if (!shown.length) continue;
    const entry = merged.get(query);
    flagged.push({ query, diagnostics: shown, sites: entry.sites, sources: [...entry.sources] });
    const worst = Math.min(...shown.map((d) => d.severity));
    console.log(`\n${SEVERITY[worst].toUpperCase()}  ${firstLine(query)}`);
    console.log(`  ${where(entry)}`);
    for (const d of shown) {
      if (d.severity === 1) errors++;
      else warnings++;
      const before = query.slice(0, d.start).split('\n');
      const at = `line ${before.length}, column ${before.at(-1).length + 1}`;
      console.log(`  ${SEVERITY[d.severity]} at ${at}: ${d.message}`);
      for (const line of excerpt(query, d.start, d.end)) console.log(`    ${line}`);
    }
  }

  const recorded = counts.recorded ?? new Set();
  const statics = counts.static ?? new Set();
  const both = [...recorded].filter((q) => statics.has(q)).length;
  const tests = new Set([...merged.values()].flatMap((e) => [...e.tests]));
  const onlyRecorded = [...recorded].filter((q) => !statics.has(q));
  console.log(
    `\ncypher-lint (${PACKAGE} ${version}, ${language}): ${merged.size} distinct statements from ` +
      `${files.length} file(s): ${recorded.size} recorded from ${tests.size} test(s), ${statics.size} static, ` +
      `${both} in both; linted ${todo.length} (${queries.length - todo.length} from cache) ` +
      `with ${todo.length > 8 && jobs > 1 ? Math.min(jobs, Math.ceil(todo.length / 8)) : 1} worker(s) ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (recorded.size && statics.size && onlyRecorded.length) {
    console.log(`  sent by the tests but not in the static list (${onlyRecorded.length}):`);
    for (const q of onlyRecorded) console.log(`    ${firstLine(q, 100)}   [${merged.get(q).sites[0] ?? '?'}]`);
  }
  console.log(`  ${errors} error(s), ${warnings} warning(s) in ${flagged.length} statement(s)`);
  if (report) {
    fs.mkdirSync(path.dirname(path.resolve(report)), { recursive: true });
    const summary = { version, language, statements: merged.size, recorded: recorded.size, static: statics.size, tests: tests.size, errors, warnings };
    fs.writeFileSync(report, JSON.stringify({ summary, flagged }, null, 1) + '\n');
  }
  return errors || warnings ? 1 : 0;
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`cypher-lint: ${e.stack ?? e}`);
      process.exit(2);
    },
  );
}
