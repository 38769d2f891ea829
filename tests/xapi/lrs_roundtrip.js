// A real attempt sent to a real LRS: starts xapi-statements (in memory) on 127.0.0.1, records an
// attempt with `salesdojo run --trainee`, which sends it right after the run (xapi.json in the data
// folder), reads the statements back with GET and compares them with the outbox; then a second
// attempt sent with `salesdojo xapi send`, a resend after the acknowledgements are lost (the LRS
// keeps each statement once), and a timed send of a larger sample (statements per second).
// Usage: node tests/xapi/lrs_roundtrip.js PATH/TO/salesdojo [PATH/TO/salesdojo_xapi_sample]
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { requirePackage, sleep } = require('./common');
requirePackage('xapi-statements/package.json');

const cli = path.resolve(process.argv[2]);
const sampler = process.argv[3] ? path.resolve(process.argv[3]) : null;
const root = path.join(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdojo-xapi-lrs-'));
let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++; else { failed++; console.error(`FAILED: ${what}`); }
  return ok;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

const auth = 'Basic ' + Buffer.from('salesdojo-test:secret').toString('base64');
async function lrsGet(base, query) {
  // A reused keep-alive connection that the server has just closed fails once: try again (3 at most).
  let answer;
  for (let attempt = 1; !answer; attempt++) {
    try {
      answer = await fetch(`${base}statements?${query}`, {
        headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' }, signal: AbortSignal.timeout(10000) });
    } catch (e) {
      if (attempt === 3) throw e;
      await sleep(200);
    }
  }
  if (answer.status !== 200) throw new Error(`GET statements: HTTP ${answer.status} ${await answer.text()}`);
  return answer.json();
}
async function allStatements(base, query) {
  const out = [];
  let page = await lrsGet(base, query);
  for (let pages = 0; pages < 1000; pages++) {
    out.push(...page.statements);
    if (!page.more) break;
    const more = new URL(page.more, base);
    page = await lrsGet(base, more.search.slice(1));
  }
  return out;
}

function run(args, env) {
  const result = spawnSync(cli, args, { cwd: root, encoding: 'utf8', timeout: 120000,
                                        env: { ...process.env, SALESDOJO_DATA_HOME: env.dataHome, ...(env.extra || {}) } });
  if (result.error) throw result.error;
  return result;
}
function outboxLines(dataHome) {
  const file = path.join(dataHome, 'xapi-outbox.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l)) : [];
}
function status(dataHome) {
  return JSON.parse(run(['xapi', 'status', '--json'], { dataHome }).stdout);
}

// Every field we sent is in what the LRS gives back (it adds stored, authority, version, objectType).
function contains(got, want, where) {
  if (where.endsWith('.timestamp')) return Date.parse(got) === Date.parse(want) || `${where}: ${got} != ${want}`;
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return `${where}: arrays differ`;
    for (let i = 0; i < want.length; i++) { const r = contains(got[i], want[i], `${where}[${i}]`); if (r !== true) return r; }
    return true;
  }
  if (want && typeof want === 'object') {
    if (!got || typeof got !== 'object') return `${where}: missing`;
    for (const key of Object.keys(want)) { const r = contains(got[key], want[key], `${where}.${key}`); if (r !== true) return r; }
    return true;
  }
  return got === want || `${where}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`;
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/xAPI/`;
  const lrs = spawn(process.execPath, [path.join(__dirname, 'lrs.js')], {
    cwd: work, stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...process.env, EXPRESS_PORT: String(port), EXPRESS_MORGAN_DIRECTORY: path.join(work, 'logs'), LRS_LIFETIME_MS: '200000' } });
  try {
    let up = false;
    for (let i = 0; i < 120 && !up; i++) {  // 30 s at most
      try { up = (await fetch(`${base}about`, { signal: AbortSignal.timeout(1000) })).status === 200; } catch (e) { await sleep(250); }
    }
    if (!check(up, `the LRS answers on ${base}about`)) return;

    // 1. A real attempt, sent right after the run.
    const dataHome = path.join(work, 'data');
    fs.mkdirSync(dataHome);
    fs.writeFileSync(path.join(dataHome, 'xapi.json'), JSON.stringify({
      endpoint: base, username: 'salesdojo-test', home_page: 'https://lms.example.org', batch_size: 4 }));
    const best = 's_ask,st_ask,sa_book_dirk,l_ask,lc_ask,lo_sample,k_ask,kb_crm,kc_open,fo_qualify,fd_hold,ff_facts';
    const decisions = best.split(',').length;
    const ran = run(['run', 'scenarios/colleague_call_list.json', '--choices', best, '--lang', 'en', '--trainee', 'Ann'],
                    { dataHome, extra: { SALESDOJO_XAPI_PASSWORD: 'secret' } });
    check(ran.status === 0, `run exits 0 (got ${ran.status}: ${ran.stderr})`);
    check(/xAPI: \d+ sent, 0 rejected, 0 pending/.test(ran.stderr), `run reports the send (${ran.stderr.trim()})`);
    const first = outboxLines(dataHome);
    check(first.length === decisions + 4, `the outbox holds launched, initialized, ${decisions} decisions, completed, passed (${first.length})`);
    check(first[first.length - 1].verb.id === 'http://adlnet.gov/expapi/verbs/passed', 'the best line is passed');
    const st1 = status(dataHome);
    check(st1.pending === 0 && st1.sent === first.length && st1.rejected === 0, `status after the run: ${JSON.stringify(st1)}`);
    const registration = first[0].context.registration;
    const back = await allStatements(base, `registration=${registration}&limit=100`);
    check(back.length === first.length, `GET returns the ${first.length} statements of the attempt (got ${back.length})`);
    for (const mine of first) {
      const theirs = back.find((s) => s.id === mine.id);
      if (!check(theirs, `statement ${mine.id} is in the LRS`)) continue;
      const same = contains(theirs, mine, 'statement');
      check(same === true, `statement ${mine.id} comes back as sent: ${same}`);
    }
    const answers = back.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/answered');
    check(answers.map((s) => s.result.response).sort().join(',') === best.split(',').sort().join(','),
          'the answered statements carry the chosen ids as responses');

    // 2. A second attempt without sending, then `xapi send`.
    fs.writeFileSync(path.join(dataHome, 'xapi.json'), JSON.stringify({
      endpoint: base, username: 'salesdojo-test', home_page: 'https://lms.example.org', send_after_run: false }));
    const ran2 = run(['run', 'scenarios/colleague_call_list.json', '--choices', best, '--lang', 'nl', '--trainee', 'Bram'], { dataHome });
    check(ran2.status === 0 && !/sent/.test(ran2.stderr), 'send_after_run false: the run does not send');
    check(status(dataHome).pending === first.length, 'the second attempt is pending after its run');
    const sent = run(['xapi', 'send'], { dataHome, extra: { SALESDOJO_XAPI_PASSWORD: 'secret' } });
    check(sent.status === 0 && new RegExp(`${first.length} sent, 0 rejected, 0 pending`).test(sent.stderr), `xapi send sends them (${sent.stderr.trim()})`);
    const again = run(['xapi', 'send'], { dataHome });
    check(again.status === 0 && /0 sent, 0 rejected, 0 pending \(0 request/.test(again.stderr), `a second send sends nothing (${again.stderr.trim()})`);

    // 3. The acknowledgements lost (as if the program died after the LRS answered): everything is
    // sent again, and the LRS keeps each statement once because the ids are the same.
    fs.unlinkSync(path.join(dataHome, 'xapi-sent.jsonl'));
    const resent = run(['xapi', 'send'], { dataHome });
    check(resent.status === 0 && new RegExp(`${2 * first.length} sent`).test(resent.stderr), `resend after lost acknowledgements (${resent.stderr.trim()})`);
    const everything = await allStatements(base, 'limit=500');
    const ids = everything.map((s) => s.id);
    check(ids.length === 2 * first.length && new Set(ids).size === ids.length, `the LRS holds both attempts' statements, each once (got ${ids.length}, ${new Set(ids).size} distinct)`);

    // 4. Throughput: a sample of many attempts, as fast as the local LRS takes them.
    if (sampler) {
      const bench = path.join(work, 'bench');
      fs.mkdirSync(bench);
      const sample = spawnSync(sampler, [path.join(root, 'scenarios'), '20'], { encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 30 });
      fs.writeFileSync(path.join(bench, 'xapi-outbox.jsonl'), sample.stdout);
      const total = sample.stdout.split('\n').filter((l) => l).length;
      const t0 = Date.now();
      const big = run(['xapi', 'send', '--endpoint', base, '--batch-size', '50'], { dataHome: bench });
      const seconds = (Date.now() - t0) / 1000;
      check(big.status === 0, `the sample is accepted by the LRS (${big.stderr.trim()})`);
      check(status(bench).sent === total, `all ${total} sample statements are sent`);
      console.log(`throughput: ${total} statements in ${seconds.toFixed(2)} s wall (${(total / seconds).toFixed(0)} statements/s, ` +
                  `batches of 50, including process start-up): ${big.stderr.trim()}`);
    }
  } finally {
    // Closing its stdin stops the LRS (tests/xapi/lrs.js); SIGKILL if it has not gone in 5 s.
    const gone = new Promise((resolve) => lrs.on('exit', resolve));
    lrs.stdin.end();
    if (await Promise.race([gone.then(() => true), sleep(5000).then(() => false)]) === false) lrs.kill('SIGKILL');
  }
}

const watchdog = setTimeout(() => { console.error('FAILED: the test ran out of time (150 s)'); process.exit(1); }, 150000);
main().catch((e) => { failed++; console.error(`FAILED: ${e.stack || e}${e.cause ? ` (${e.cause})` : ""}`); }).finally(() => {
  clearTimeout(watchdog);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`xapi_lrs_roundtrip: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
