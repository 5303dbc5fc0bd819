import type { components } from '../../api/schema';

type S = components['schemas'];
export type Nonconformity = S['NonconformityResponse'];
export type NonconformitySeverity = S['NonconformitySeverity'];
export type NonconformitySource = S['NonconformitySource'];
export type NonconformityState = S['NonconformityState'];
export type NonconformitySummary = S['NonconformitySummaryResponse'];
export type CorrectiveAction = S['CorrectiveActionResponse'];
export type CorrectiveActionListItem = S['CorrectiveActionListItemResponse'];
export type CorrectiveActionState = S['CorrectiveActionState'];
export type CorrectiveActionTask = S['CorrectiveActionTaskResponse'];
export type CapaRegisterEntry = S['CapaRegisterEntryResponse'];
