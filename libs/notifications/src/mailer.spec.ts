import { ConfigValidationError, loadConfig } from '@eiso/config';
import { isConnectionFailure, isRejection, Mailer, redactSmtpUrl } from './mailer';

describe('mailer', () => {
  it('accepts smtp:// and smtps:// URLs, with a default sender', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://eiso:bi-mat@mail.kontum.gov.vn:465' });
    expect(config.SMTP_URL).toBe('smtps://eiso:bi-mat@mail.kontum.gov.vn:465');
    expect(config.SMTP_FROM).toBe('eISO <no-reply@eiso.local>');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525');
    expect(loadConfig({ SMTP_FROM: 'Sở KH&CN <iso@kontum.gov.vn>' }).SMTP_FROM).toBe(
      'Sở KH&CN <iso@kontum.gov.vn>',
    );
  });

  it.each(['http://mail.example', 'mail.kontum.gov.vn:25', 'smtp//x'])('refuses SMTP_URL=%p', (url) => {
    expect(() => loadConfig({ SMTP_URL: url })).toThrow(ConfigValidationError);
  });

  it('is disabled without SMTP_URL', () => {
    expect(new Mailer(loadConfig({})).enabled).toBe(false);
    expect(new Mailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).enabled).toBe(true);
  });

  it('tells a refused message from a server that cannot be reached', () => {
    const error = (code: string, permanent?: boolean) => Object.assign(new Error(code), { code, permanent });
    expect(isRejection(error('EENVELOPE', true))).toBe(true);
    expect(isRejection(error('EMESSAGE', true))).toBe(true);
    expect(isRejection(error('EENVELOPE', false))).toBe(false);
    expect(isRejection(error('EAUTH', true))).toBe(false);
    expect(isConnectionFailure(error('ECONNECTION'))).toBe(true);
    expect(isConnectionFailure(error('EAUTH', true))).toBe(true);
    expect(isConnectionFailure(error('EENVELOPE', false))).toBe(false);
    expect(isConnectionFailure(new Error('plain'))).toBe(false);
  });

  it('hides the password in logs', () => {
    expect(redactSmtpUrl('smtps://eiso:bi-mat@mail.kontum.gov.vn:465')).toBe(
      'smtps://eiso:***@mail.kontum.gov.vn:465',
    );
  });
});
