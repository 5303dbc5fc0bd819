import { writeOpenApiCoverage } from './openapi-coverage';
import { responseCheckState } from './openapi-response-check';

/*
 * Set up after the environment of every e2e suite (jest.config.js): a suite whose responses
 * disagree with the OpenAPI document fails, listing each disagreement once with its count.
 */
afterAll(() => {
  const state = responseCheckState();
  writeOpenApiCoverage(state, expect.getState().testPath ?? 'unknown-suite');
  const lines = [...state.violations]
    .map(([text, count]) => (count > 1 ? `${text} (×${count})` : text))
    .sort();
  if (lines.length) {
    throw new Error(
      `${lines.length} response(s) disagree with the OpenAPI document:\n  ${lines.join('\n  ')}`,
    );
  }
});
