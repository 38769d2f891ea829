// Runs every statement SalesDojo builds for random plays of each bundled scenario (and for edge
// cases) through Learning Locker's validator (@learninglocker/xapi-validation).
// Usage: node tests/xapi/validate_sample.js PATH/TO/salesdojo_xapi_sample
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const { requirePackage } = require('./common');
const validate = requirePackage('@learninglocker/xapi-validation').default;

const sampler = process.argv[2];
const scenarios = path.join(__dirname, '..', '..', 'scenarios');
const output = execFileSync(sampler, [scenarios, '6'], { encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 30 });
const lines = output.split('\n').filter((line) => line.length > 0);

let passed = 0, failed = 0;
const ids = new Set();
const uuidV5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const verbs = {};
function fail(index, what) {
  failed++;
  if (failed <= 20) console.error(`statement ${index + 1}: ${what}\n  ${lines[index].slice(0, 400)}`);
}
lines.forEach((line, index) => {
  const statement = JSON.parse(line);
  const warnings = validate(statement);
  if (warnings.length) return fail(index, warnings.map((w) => `${w.path.join('.')}: ${w.typeName || w.message} (${JSON.stringify(w.data)})`).join('; '));
  // Stricter than the validator's IRI rule (^\w+:): no whitespace in any IRI we make.
  const iris = [statement.verb.id, statement.object.id, statement.actor.account.homePage];
  if (iris.some((iri) => /\s/.test(iri))) return fail(index, 'an IRI with whitespace');
  if (!uuidV5.test(statement.id)) return fail(index, `id ${statement.id} is not a version 5 UUID`);
  if (ids.has(statement.id)) return fail(index, `id ${statement.id} used twice`);
  ids.add(statement.id);
  const verb = statement.verb.id.split('/').pop();
  verbs[verb] = (verbs[verb] || 0) + 1;
  passed++;
});
// The validator must be able to say no: a broken statement is refused.
const broken = validate({ actor: { mbox: 'not-a-mailto' }, verb: { id: 'answered' }, object: { id: 'x y' } });
if (broken.length === 0) { console.error('the validator accepted a broken statement'); failed++; }
for (const verb of ['launched', 'initialized', 'answered', 'completed', 'passed', 'failed'])
  if (!verbs[verb]) { console.error(`no "${verb}" statement in the sample`); failed++; }
console.log(`verbs: ${JSON.stringify(verbs)}`);
console.log(`xapi_validate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
