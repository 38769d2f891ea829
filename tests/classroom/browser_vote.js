// The real voting page in a real headless browser (Debian's chromium) against `salesdojo class` on
// 127.0.0.1: the browser opens the page, taps an option, changes its vote, and sees the vote close;
// the trainer's tally (read from the class's terminal) must change with every tap. Chromium is
// driven over the DevTools protocol on a pipe (--remote-debugging-pipe), so no npm package is
// needed. Bounded: everything is killed after 90 s. Usage: node browser_vote.js SALESDOJO SCENARIO
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [cli, scenario] = process.argv.slice(2);
const children = [];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdojo-chromium-'));
// Chromium may still write to its profile for a moment after the kill: retry, never fail on it.
function removeProfile() {
  try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch (e) {
    console.error('note: could not remove ' + profile + ': ' + e.message);
  }
}
function cleanup() {
  for (const child of children) { try { child.kill('SIGKILL'); } catch (e) { /* gone */ } }
  removeProfile();
}
// The normal end: stop the children and wait (at most 5 s) until they are gone before removing.
async function shutdown() {
  const gone = children.map((child) => child.exitCode !== null || child.signalCode !== null ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) { try { child.kill('SIGKILL'); } catch (e) { /* gone */ } }
  await Promise.race([Promise.all(gone), sleep(5000)]);
  removeProfile();
}
function fail(message) { console.error('FAIL: ' + message); cleanup(); process.exit(1); }
const deadline = setTimeout(() => fail('timed out after 90 s'), 90000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- the class, driven on stdin like a trainer at a terminal ---------------------------------------
const trainer = spawn(cli, ['class', scenario, '--address', '127.0.0.1', '--no-qr', '--no-store', '--lang', 'nl'],
                      { stdio: ['pipe', 'pipe', 'inherit'] });
children.push(trainer);
let output = '';
trainer.stdout.on('data', (chunk) => { output += chunk.toString(); });
trainer.on('exit', (code) => { if (!finished) fail('salesdojo class exited early with ' + code + '\n' + output); });
let finished = false;
async function waitFor(test, what, ms = 15000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > until) fail('waited in vain for ' + what);
    await sleep(100);
  }
}
async function command(line, expect) {
  const from = output.length;
  trainer.stdin.write(line + '\n');
  return waitFor(() => { const m = output.slice(from).match(expect); return m; }, '"' + line + '" to print ' + expect);
}
async function tally() {
  const m = await command('tally', /^(\{.*\})$/m);
  return JSON.parse(m[1]);
}

// --- Chromium over the DevTools protocol ---------------------------------------------------------
function startBrowser() {
  const browser = spawn('chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-extensions', '--remote-debugging-pipe', '--user-data-dir=' + profile, '--accept-lang=nl-NL,nl',
    'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  children.push(browser);
  const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];
  let id = 0, buffer = '';
  const pending = new Map(), listeners = [];
  fromBrowser.on('data', (chunk) => {
    buffer += chunk.toString();
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { resolve, reject } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(JSON.stringify(message.error))); else resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const message = { id: ++id, method, params };
    if (sessionId) message.sessionId = sessionId;
    pending.set(message.id, { resolve, reject });
    toBrowser.write(JSON.stringify(message) + '\0');
  });
  return { send, on: (listener) => listeners.push(listener) };
}

(async () => {
  const join = await waitFor(() => { const m = output.match(/^join: (http:\/\/127\.0\.0\.1:\d+\/\d{6})$/m); return m && m[1]; },
                             'the join address');
  await command('open', /^phase: voting$/m);
  const before = await tally();

  const browser = startBrowser();
  const problems = [];
  browser.on((m) => {
    if (m.method === 'Runtime.exceptionThrown') problems.push('exception: ' + JSON.stringify(m.params.exceptionDetails.text));
    if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error' && !/429/.test(m.params.entry.text))
      problems.push('console: ' + m.params.entry.text);
  });
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params) => browser.send(method, params, sessionId);
  await page('Runtime.enable');
  await page('Log.enable');
  await page('Page.enable');
  // A phone: narrow, touch, high density.
  await page('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
  await page('Page.navigate', { url: join });
  const evaluate = async (expression) => (await page('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const status = () => evaluate("document.getElementById('status').textContent");
  async function tap(number) {
    const box = await waitFor(() => evaluate(`(() => { const b = document.getElementById('option-${number}');
        if (!b || b.disabled) return null; const r = b.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()`),
      'option ' + number + ' to be tappable');
    for (const type of ['mousePressed', 'mouseReleased'])
      await page('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
  }

  await waitFor(() => evaluate("location.href === " + JSON.stringify(join) + " && document.readyState === 'complete'"), 'the page to load');
  if ((await evaluate('document.documentElement.lang')) !== 'nl') fail('the page is not in Dutch for a Dutch browser');
  await tap(2);
  await waitFor(async () => (await evaluate("document.body.getAttribute('data-my-vote')")) === '1', 'the page to show vote 2');
  await waitFor(async () => /geteld/.test(await status()), 'the page to say the vote is counted');
  const afterFirst = await tally();
  if (afterFirst.phones[1] !== before.phones[1] + 1) fail('the tally did not count the tap: ' + JSON.stringify(afterFirst));
  console.log('tap on option 2: tally ' + JSON.stringify(before.phones) + ' -> ' + JSON.stringify(afterFirst.phones));

  await tap(1);
  await waitFor(async () => /gewijzigd/.test(await status()), 'the page to say the vote is changed');
  const afterChange = await tally();
  if (afterChange.phones[0] !== 1 || afterChange.phones[1] !== 0)
    fail('changing the vote did not move it: ' + JSON.stringify(afterChange));
  console.log('changed to option 1: tally ' + JSON.stringify(afterChange.phones));

  await command('reveal', /^phase: revealed$/m);
  await waitFor(async () => /gesloten/.test(await status()), 'the page to say the vote is closed');
  if (!(await evaluate("document.getElementById('option-1').disabled"))) fail('the options are still tappable after the vote closed');

  if (process.env.SALESDOJO_SCREENSHOT) {
    const shot = await page('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(process.env.SALESDOJO_SCREENSHOT, Buffer.from(shot.data, 'base64'));
  }
  if (problems.length) fail('the page reported problems:\n' + problems.join('\n'));
  finished = true;
  await command('quit', /^class ended/m);
  clearTimeout(deadline);
  await shutdown();
  console.log('PASS: a vote cast through the real page in headless Chromium changed the tally');
})().catch((e) => fail(e.stack || String(e)));
