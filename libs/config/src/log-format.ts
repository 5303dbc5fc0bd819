import type { DestinationStream } from 'pino';
import type { AppConfig } from './app-config';
import { prettyLogStream } from './pretty-log';

/** Whether logs are printed for a person: LOG_FORMAT, else a terminal on the embedded profile. */
export function prettyLogs(config: AppConfig, outputIsTerminal: boolean): boolean {
  return (
    (config.LOG_FORMAT ?? (config.usesEmbeddedDatabase && outputIsTerminal ? 'pretty' : 'json')) === 'pretty'
  );
}

/**
 * The pino arguments of a process: its options alone (JSON lines on stdout, for collectors), or
 * with the pino-pretty stream when logs are for a person (see pretty-log.ts).
 */
export function withLogDestination<Options>(
  options: Options,
  config: AppConfig,
  outputIsTerminal: boolean,
): Options | [Options, DestinationStream] {
  return prettyLogs(config, outputIsTerminal) ? [options, prettyLogStream()] : options;
}
