import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobPayloads, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { ObjectiveNotifier } from './objective-notifier';
import { ObjectiveRepository } from './objective.repository';
import { missingPeriods } from './objectives-due.rules';

/**
 * Daily `objectives.due` (06:30 ICT, and at start when a run was missed). On today's state, in
 * Vietnam's calendar: for each active objective, the periods of this year (and the last period of
 * last year) that ended more than 5 days ago without a measurement remind the owner unit's heads
 * (the agency's ISO secretaries when the unit has none). Each (objective, period) is reminded of at
 * most once a day (`objective_reminder`, claimed and notified in one transaction): a second run the
 * same day sends nothing; a run after missed days sends today's reminders once.
 */
@Injectable()
@JobHandler(JobName.ObjectivesDue)
export class ObjectivesDueJobHandler implements JobHandlerContract<JobName.ObjectivesDue> {
  private readonly logger = new Logger(ObjectivesDueJobHandler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ObjectiveRepository,
    private readonly notifier: ObjectiveNotifier,
    private readonly clock: Clock,
  ) {}

  async handle(_payload: JobPayloads[JobName.ObjectivesDue]): Promise<JobSummary> {
    const now = this.clock.now();
    const today = todayInVietnam(now);
    const year = Number(today.slice(0, 4));
    return this.tx.run(async (db) => {
      const objectives = await this.repository.activeOfYears(db, [year - 1, year]);
      const measurements = await this.repository.measurementsOf(
        db,
        objectives.map((o) => o.id),
      );
      const measured = new Map<string, Set<string>>();
      for (const m of measurements)
        measured.set(m.objectiveId, (measured.get(m.objectiveId) ?? new Set()).add(m.period));
      const wanted = objectives.flatMap((o) =>
        missingPeriods(o, measured.get(o.id) ?? new Set(), today).map((period) => ({
          objectiveId: o.id,
          agencyId: o.agencyId,
          period,
        })),
      );
      const claimed = await this.repository.claimReminders(db, today, now, wanted);
      const byObjective = new Map<string, string[]>();
      for (const c of claimed)
        byObjective.set(c.objectiveId, [...(byObjective.get(c.objectiveId) ?? []), c.period]);
      const items = objectives
        .filter((o) => byObjective.has(o.id))
        .map((o) => ({ objective: o, periods: byObjective.get(o.id)!.sort() }));
      const ids = await this.notifier.due(db, today, items);
      this.logger.log(
        `Mục tiêu chất lượng ngày ${today}: ${claimed.length} kỳ đo chưa có số liệu ở ${items.length} mục tiêu; ` +
          `${ids.length} thông báo`,
      );
      return {
        day: today,
        periodsMissing: claimed.length,
        objectives: items.length,
        notifications: ids.length,
      };
    });
  }
}
