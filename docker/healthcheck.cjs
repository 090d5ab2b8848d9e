// Container HEALTHCHECK for the Atrium server: exit 0 when GET /healthz answers 200.
// The slim Node image has no curl or wget, so this uses Node's own http client.
'use strict';

const http = require('node:http');

const port = Number(process.env.PORT) || 4000;
const path = process.env.HEALTHCHECK_PATH || '/healthz';

const request = http.get({ host: '127.0.0.1', port, path, timeout: 3000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => {
  request.destroy();
  process.exit(1);
});
request.on('error', () => process.exit(1));
