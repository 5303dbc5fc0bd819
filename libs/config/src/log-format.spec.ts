import { AppConfig } from './app-config';
import { prettyLogs, withLogDestination } from './log-format';

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

  it('adds a pretty stream to the options when logs are for a person, nothing otherwise', () => {
    const options = { level: 'info' };
    const pretty = withLogDestination(options, config({ LOG_FORMAT: 'pretty' }), false);
    expect(Array.isArray(pretty)).toBe(true);
    const [same, stream] = pretty as [typeof options, { write: unknown }];
    expect(same).toBe(options);
    expect(typeof stream.write).toBe('function');
    expect(withLogDestination(options, config({}), false)).toBe(options);
  });
});
