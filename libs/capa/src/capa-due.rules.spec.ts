import { CorrectiveActionState } from './capa-state';
import { actionReminderOn, DUE_SOON_DAYS, dueSoonWindow, verificationDueOn } from './capa-due.rules';

const TODAY = '2027-03-10';
const S = CorrectiveActionState;
const open = (dueDate: string, state = S.InProgress) => ({
  dueDate,
  doneOn: null,
  correctiveActionState: state,
});

describe('capa.due date rules', () => {
  it('says "due soon" once per due date: on the first run of the window, not again', () => {
    expect(actionReminderOn(TODAY, open('2027-03-13'), '2027-03-10')).toBeNull();
    expect(actionReminderOn(TODAY, open('2027-03-12'), '2027-03-09')).toBeNull();
    expect(actionReminderOn(TODAY, open('2027-03-10'), '2027-03-07')).toBeNull();
    // Missed on the window's first days: said on the next run.
    expect(actionReminderOn(TODAY, open('2027-03-11'), null)).toBe('action_due_soon');
    // Said for an earlier due date, then the date was moved: a new window, said again.
    expect(actionReminderOn(TODAY, open('2027-03-13'), '2027-03-02')).toBe('action_due_soon');
    // Overdue is said every day whatever was said before.
    expect(actionReminderOn(TODAY, open('2027-03-09'), '2027-03-09')).toBe('action_overdue');
  });

  it('reminds from three days before the due date through the due date', () => {
    expect(DUE_SOON_DAYS).toBe(3);
    expect(dueSoonWindow(TODAY)).toEqual({ from: '2027-03-10', to: '2027-03-13' });
    expect(dueSoonWindow('2027-12-30')).toEqual({ from: '2027-12-30', to: '2028-01-02' });
    expect(actionReminderOn(TODAY, open('2027-03-14'))).toBeNull();
    expect(actionReminderOn(TODAY, open('2027-03-13'))).toBe('action_due_soon');
    expect(actionReminderOn(TODAY, open('2027-03-11'))).toBe('action_due_soon');
    expect(actionReminderOn(TODAY, open('2027-03-10'))).toBe('action_due_soon');
  });

  it('is overdue from the day after the due date, for as long as the action is open', () => {
    expect(actionReminderOn(TODAY, open('2027-03-09'))).toBe('action_overdue');
    expect(actionReminderOn(TODAY, open('2026-01-01'))).toBe('action_overdue');
  });

  it('says nothing of a done action, nor of an action whose corrective action is not in progress', () => {
    expect(
      actionReminderOn(TODAY, {
        dueDate: '2027-03-09',
        doneOn: '2027-03-09',
        correctiveActionState: S.InProgress,
      }),
    ).toBeNull();
    expect(
      actionReminderOn(TODAY, {
        dueDate: '2027-03-11',
        doneOn: '2027-03-08',
        correctiveActionState: S.Planned,
      }),
    ).toBeNull();
    // Open, planned, verifying or closed: the owner cannot report it done now, nothing is said.
    for (const state of Object.values(S)) {
      const expected = state === S.InProgress ? 'action_overdue' : null;
      expect(actionReminderOn(TODAY, open('2027-03-01', state))).toBe(expected);
    }
  });

  it('asks for the effectiveness check on its due date and after, only while verifying', () => {
    const verifying = (verificationDue: string | null) => ({ state: S.Verifying, verificationDue });
    expect(verificationDueOn(TODAY, verifying('2027-03-11'))).toBe(false);
    expect(verificationDueOn(TODAY, verifying('2027-03-10'))).toBe(true);
    expect(verificationDueOn(TODAY, verifying('2026-12-01'))).toBe(true);
    expect(verificationDueOn(TODAY, verifying(null))).toBe(false);
    for (const state of Object.values(S)) {
      expect(verificationDueOn(TODAY, { state, verificationDue: '2027-03-01' })).toBe(state === S.Verifying);
    }
  });
});
