import { AppConfig } from './app-config';
import { logTransport, prettyLogs } from './log-format';

function config(values: Partial<AppConfig>): AppConfig {
  return Object.assign(new AppConfig(), values);
}

describe('log format', () => {
  it('prints for a person on the embedded profile at a terminal, JSON when piped', () => {
    expect(prettyLogs(config({}), true)).toBe(true);
    expect(prettyLogs(config({}), false)).toBe(false);
  });

  it('stays JSON on the services profile, even at a terminal', () => {
    expect(prettyLogs(config({ DATABASE_URL: 'postgres://db/eiso' }), true)).toBe(false);
  });

  it('follows LOG_FORMAT when it is set', () => {
    expect(prettyLogs(config({ LOG_FORMAT: 'json' }), true)).toBe(false);
    expect(prettyLogs(config({ DATABASE_URL: 'postgres://db/eiso', LOG_FORMAT: 'pretty' }), false)).toBe(
      true,
    );
  });

  it('uses pino-pretty with the message key of the JSON lines, or no transport at all', () => {
    expect(logTransport(config({ LOG_FORMAT: 'pretty' }), false)).toMatchObject({
      target: 'pino-pretty',
      options: { messageKey: 'message' },
    });
    expect(logTransport(config({}), false)).toBeUndefined();
  });
});
