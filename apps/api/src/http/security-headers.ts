import type { HelmetOptions } from 'helmet';
import type { AppConfig } from '@eiso/config';

/** Whether users reach eISO over https, as PUBLIC_BASE_URL says. */
export function servedOverHttps(config: AppConfig): boolean {
  return config.PUBLIC_BASE_URL?.toLowerCase().startsWith('https://') ?? false;
}

/**
 * Helmet's headers, with a Content-Security-Policy the Swagger UI (inline scripts) and the web
 * app (a PDF fetched into a blob: frame) work under.
 * `upgrade-insecure-requests` only when PUBLIC_BASE_URL is https: on an office network reached by
 * plain http (the embedded profile at http://192.168.1.10:3000, say) it would make the browser
 * fetch the docs page's own scripts and styles over https, which nothing answers.
 */
export function helmetOptions(config: AppConfig): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        // The web app shows a controlled copy (a PDF it fetched with the user's token) in a frame.
        'frame-src': ["'self'", 'blob:'],
        'upgrade-insecure-requests': servedOverHttps(config) ? [] : null,
      },
    },
  };
}
