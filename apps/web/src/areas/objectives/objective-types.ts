import type { components } from '../../api/schema';

type S = components['schemas'];
export type Objective = S['ObjectiveResponse'];
export type ObjectiveDetail = S['ObjectiveDetailResponse'];
export type ObjectiveMeasurement = S['ObjectiveMeasurementResponse'];
export type ObjectiveStatus = S['ObjectiveStatus'];
export type ObjectiveDirection = S['ObjectiveDirection'];
export type ObjectiveFrequency = S['ObjectiveFrequency'];
export type ObjectiveAggregation = S['ObjectiveAggregation'];
export type ObjectiveState = S['ObjectiveState'];
export type ObjectiveImportResult = S['ObjectiveMeasurementImportResponse'];
