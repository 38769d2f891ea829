// Shared by the xAPI node tests: finding the npm packages with a clear message, and bounded waits.
'use strict';
const path = require('path');

function requirePackage(name) {
  try {
    return require(require.resolve(name, { paths: [__dirname] }));
  } catch (e) {
    console.error(`npm package ${name} is missing in ${path.join(__dirname, 'node_modules')}: ` +
                  'run scripts/setup.sh (or `npm ci` in tests/xapi)');
    process.exit(1);
  }
}

function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

module.exports = { requirePackage, sleep };
