// jsdom with the Fetch API and friends taken from Node: React Router's data router builds
// `Request`s and aborts them, which plain jsdom cannot do.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, {
      AbortController,
      AbortSignal,
      Headers,
      Request,
      Response,
      TextDecoder,
      TextEncoder,
      fetch,
    });
  }
}

module.exports = JsdomWithFetchEnvironment;
