export interface JobsModuleOptions {
  /**
   * Catch up missed schedules when this process starts, if it is the one that runs the handlers
   * (the API on the embedded profile, the worker on services) and EISO_SCHEDULER is true. The
   * command line says false: it runs one job and leaves.
   */
  readonly catchUpAtStart: boolean;
}

export const JOBS_MODULE_OPTIONS = Symbol('JOBS_MODULE_OPTIONS');
