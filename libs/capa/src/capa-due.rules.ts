import { addDays } from '@eiso/common';
import { CorrectiveActionState } from './capa-state';

/** An action's owner is reminded once, on the first run from this many days before its due date. */
export const DUE_SOON_DAYS = 3;

/** The reminders of capa.due, as `capa_reminder.kind` stores them. */
export type CapaDueKind = 'action_due_soon' | 'action_overdue' | 'verification_due';

/** Due dates that are "due soon" today: from today to today + DUE_SOON_DAYS, both included. */
export function dueSoonWindow(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, DUE_SOON_DAYS) };
}

/**
 * What an open action needs today, if anything: only while its corrective action is in progress
 * (before, the owner cannot report it done; after, it is checked or closed). "Due soon" is said
 * once per due date, on the first run inside the window (a missed day is made up the next day);
 * `lastDueSoon` is the day it was last said, if ever (a due date moved later opens a new window).
 * "Overdue" is said every day until the action is done.
 */
export function actionReminderOn(
  today: string,
  action: { dueDate: string; doneOn: string | null; correctiveActionState: CorrectiveActionState },
  lastDueSoon: string | null = null,
): Extract<CapaDueKind, 'action_due_soon' | 'action_overdue'> | null {
  if (action.doneOn !== null || action.correctiveActionState !== CorrectiveActionState.InProgress)
    return null;
  if (action.dueDate < today) return 'action_overdue';
  if (action.dueDate > dueSoonWindow(today).to) return null;
  const windowOpened = addDays(action.dueDate, -DUE_SOON_DAYS);
  return lastDueSoon !== null && lastDueSoon >= windowOpened ? null : 'action_due_soon';
}

/** Whether the effectiveness check of a corrective action falls due today (or is late). */
export function verificationDueOn(
  today: string,
  ca: { state: CorrectiveActionState; verificationDue: string | null },
): boolean {
  return (
    ca.state === CorrectiveActionState.Verifying && ca.verificationDue !== null && ca.verificationDue <= today
  );
}
