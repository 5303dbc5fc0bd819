import { Platform1764380000000 } from './1764380000000-platform';
import { Documents1764390000000 } from './1764390000000-documents';
import { Records1764400000000 } from './1764400000000-records';
import { RecordSearchByAgency1764410000000 } from './1764410000000-record-search-by-agency';
import { PasswordLockout1764421000000 } from './1764421000000-password-lockout';
import { SignatureFacts1764430000000 } from './1764430000000-signature-facts';
import { JobRuns1764431000000 } from './1764431000000-job-runs';
import { ExternalDocumentFields1764432000000 } from './1764432000000-external-document-fields';
import { ScheduledVersions1764433000000 } from './1764433000000-scheduled-versions';
import { JobOutbox1764440000000 } from './1764440000000-job-outbox';
import { ControlledCopyClaim1764441000000 } from './1764441000000-controlled-copy-claim';
import { Signatures1764450000000 } from './1764450000000-signatures';
import { Attachments1764451000000 } from './1764451000000-attachments';
import { AgencyAbbreviationPlace1764452000000 } from './1764452000000-agency-abbreviation-place';
import { IsoClauses1764460000000 } from './1764460000000-iso-clauses';
import { InternalAudits1764461000000 } from './1764461000000-internal-audits';
// --- objectives ---
import { Objectives1764470000000 } from './1764470000000-objectives';
// --- risks ---
import { Risks1764471000000 } from './1764471000000-risks';
// --- management reviews ---
import { ManagementReviews1764472000000 } from './1764472000000-management-reviews';
import { LateDossierMonthSummary1764473000000 } from './1764473000000-late-dossier-month-summary';
import { ConformityDeclarations1764480000000 } from './1764480000000-conformity-declarations';
import { AgencyOversight1764481000000 } from './1764481000000-agency-oversight';
import { FileContent1764490000000 } from './1764490000000-file-content';

/** Every migration in order. A new migration is added here; a shipped one is never edited. */
export const MIGRATIONS = [
  Platform1764380000000,
  Documents1764390000000,
  Records1764400000000,
  RecordSearchByAgency1764410000000,
  PasswordLockout1764421000000,
  SignatureFacts1764430000000,
  JobRuns1764431000000,
  ExternalDocumentFields1764432000000,
  ScheduledVersions1764433000000,
  JobOutbox1764440000000,
  ControlledCopyClaim1764441000000,
  Signatures1764450000000,
  Attachments1764451000000,
  AgencyAbbreviationPlace1764452000000,
  IsoClauses1764460000000,
  InternalAudits1764461000000,
  // --- objectives ---
  Objectives1764470000000,
  // --- risks ---
  Risks1764471000000,
  // --- management reviews ---
  ManagementReviews1764472000000,
  LateDossierMonthSummary1764473000000,
  // --- conformity declarations ---
  ConformityDeclarations1764480000000,
  AgencyOversight1764481000000,
  // --- content rendering and search ---
  FileContent1764490000000,
];
