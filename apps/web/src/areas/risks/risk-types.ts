import type { components } from '../../api/schema';

type S = components['schemas'];
export type Risk = S['RiskResponse'];
export type RiskDetail = S['RiskDetailResponse'];
export type RiskAssessment = S['RiskAssessmentResponse'];
export type RiskHeatMap = S['RiskHeatMapResponse'];
export type RiskHeatMapCell = S['RiskHeatMapCellResponse'];
export type RiskKind = S['RiskKind'];
export type RiskLevel = S['RiskLevel'];
export type RiskState = S['RiskState'];
export type RiskContext = S['RiskContext'];
