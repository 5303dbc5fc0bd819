import type { components } from '../../api/schema';

export type RecordItem = components['schemas']['RecordResponse'];
export type RecordFile = components['schemas']['RecordFileResponse'];
export type RecordState = components['schemas']['RecordState'];
export type RecordType = components['schemas']['RecordTypeResponse'];
export type Disposal = components['schemas']['DisposalResponse'];
export type DisposalState = components['schemas']['DisposalState'];
export type OrgUnit = components['schemas']['OrgUnitResponse'];
