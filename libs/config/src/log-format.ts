import type { AppConfig } from './app-config';

/** A pino transport: where log lines go and how they look. */
export interface LogTransport {
  target: string;
  options: Record<string, unknown>;
}

/** Whether logs are printed for a person: LOG_FORMAT, else a terminal on the embedded profile. */
export function prettyLogs(config: AppConfig, outputIsTerminal: boolean): boolean {
  return (
    (config.LOG_FORMAT ?? (config.usesEmbeddedDatabase && outputIsTerminal ? 'pretty' : 'json')) === 'pretty'
  );
}

/** The pino-pretty transport when logs are for a person; none (JSON lines on stdout) otherwise. */
export function logTransport(config: AppConfig, outputIsTerminal: boolean): LogTransport | undefined {
  if (!prettyLogs(config, outputIsTerminal)) return undefined;
  return {
    target: 'pino-pretty',
    options: {
      messageKey: 'message',
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,responseTime,requestId',
      // `[Context] message`; a request line adds method, path, status and time.
      messageFormat:
        '{if context}[{context}] {end}{if req}{req.method} {req.url} → {res.statusCode} ({responseTime} ms) {end}{message}',
    },
  };
}
