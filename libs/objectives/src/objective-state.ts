/** ≥ (at least the target) or ≤ (at most the target). A value set and its union type (the contract's). */
export const ObjectiveDirection = {
  AtLeast: 'at_least',
  AtMost: 'at_most',
} as const;
export type ObjectiveDirection = (typeof ObjectiveDirection)[keyof typeof ObjectiveDirection];

export enum ObjectiveFrequency {
  Monthly = 'monthly',
  Quarterly = 'quarterly',
  Yearly = 'yearly',
}

/** How the measurements of the year make the objective's result. */
export enum ObjectiveAggregation {
  Average = 'average',
  Sum = 'sum',
  Latest = 'latest',
}

export enum ObjectiveState {
  Active = 'active',
  Withdrawn = 'withdrawn',
}

/** A value set and its union type (the contract of ObjectiveDirectory). */
export const ObjectiveStatus = {
  OnTrack: 'on_track',
  AtRisk: 'at_risk',
  Missed: 'missed',
  NoData: 'no_data',
} as const;
export type ObjectiveStatus = (typeof ObjectiveStatus)[keyof typeof ObjectiveStatus];

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  [ObjectiveStatus.OnTrack]: 'Đạt mục tiêu',
  [ObjectiveStatus.AtRisk]: 'Có nguy cơ không đạt',
  [ObjectiveStatus.Missed]: 'Không đạt',
  [ObjectiveStatus.NoData]: 'Chưa có số liệu',
};

export const OBJECTIVE_STATE_LABELS: Record<ObjectiveState, string> = {
  [ObjectiveState.Active]: 'Đang thực hiện',
  [ObjectiveState.Withdrawn]: 'Đã hủy bỏ',
};

export const OBJECTIVE_DIRECTION_LABELS: Record<ObjectiveDirection, string> = {
  [ObjectiveDirection.AtLeast]: 'Không thấp hơn (≥)',
  [ObjectiveDirection.AtMost]: 'Không cao hơn (≤)',
};

export const OBJECTIVE_FREQUENCY_LABELS: Record<ObjectiveFrequency, string> = {
  [ObjectiveFrequency.Monthly]: 'Hằng tháng',
  [ObjectiveFrequency.Quarterly]: 'Hằng quý',
  [ObjectiveFrequency.Yearly]: 'Hằng năm',
};

export const OBJECTIVE_AGGREGATION_LABELS: Record<ObjectiveAggregation, string> = {
  [ObjectiveAggregation.Average]: 'Trung bình các kỳ',
  [ObjectiveAggregation.Sum]: 'Tổng các kỳ',
  [ObjectiveAggregation.Latest]: 'Kỳ gần nhất',
};
