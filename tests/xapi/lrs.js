// Starts Learning Locker's xapi-statements LRS in memory, listening on 127.0.0.1 only, for the
// tests. Its test auth (AUTH_REPO=test) accepts any Basic credentials except the token
// "Basic missing_token". Stops by itself when its stdin closes (the test ended or died) or after
// LRS_LIFETIME_MS (default 5 minutes).
// Usage: EXPRESS_PORT=<port> node tests/xapi/lrs.js
'use strict';
const http = require('http');

Object.assign(process.env, {
  MODELS_REPO: 'memory', STORAGE_REPO: 'memory', AUTH_REPO: 'test', EVENTS_REPO: 'test',
  WINSTON_CONSOLE_LEVEL: process.env.WINSTON_CONSOLE_LEVEL || 'error',
  AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
});
if (!process.env.EXPRESS_PORT) { console.error('lrs.js: set EXPRESS_PORT'); process.exit(2); }

// express's app.listen(port, callback) listens on every interface; the tests want loopback only.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  const callback = rest.find((arg) => typeof arg === 'function');
  return listen.call(this, port, '127.0.0.1', callback);
};

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
setTimeout(() => { console.error('lrs.js: lifetime over'); process.exit(0); },
           Number(process.env.LRS_LIFETIME_MS || 300000)).unref();

require(require.resolve('xapi-statements/dist/server', { paths: [__dirname] }));
