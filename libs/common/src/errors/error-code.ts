/** Machine-readable error codes. Each has one HTTP status and one Vietnamese message (error-catalogue.ts). */
export enum ErrorCode {
  // generic
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  InternalError = 'INTERNAL_ERROR',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  RateLimited = 'RATE_LIMITED',
  PreconditionFailed = 'PRECONDITION_FAILED',
  PreconditionRequired = 'PRECONDITION_REQUIRED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  // auth
  AuthRequired = 'AUTH_REQUIRED',
  AuthInvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  AuthAccountLocked = 'AUTH_ACCOUNT_LOCKED',
  AuthAccountInactive = 'AUTH_ACCOUNT_INACTIVE',
  AuthInvalidToken = 'AUTH_INVALID_TOKEN',
  AuthInvalidRefreshToken = 'AUTH_INVALID_REFRESH_TOKEN',
  Forbidden = 'FORBIDDEN',
  // users
  UserNotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USERNAME_TAKEN',
  UserRoleNotGrantable = 'USER_ROLE_NOT_GRANTABLE',
  UserAgencyRequired = 'USER_AGENCY_REQUIRED',
  UserCannotDeactivateSelf = 'USER_CANNOT_DEACTIVATE_SELF',
  // organizations
  AgencyNotFound = 'AGENCY_NOT_FOUND',
  AgencyCodeTaken = 'AGENCY_CODE_TAKEN',
  AgencyNameTaken = 'AGENCY_NAME_TAKEN',
  AgencyParentInvalid = 'AGENCY_PARENT_INVALID',
  OrgUnitNotFound = 'ORG_UNIT_NOT_FOUND',
  OrgUnitNameTaken = 'ORG_UNIT_NAME_TAKEN',
  OrgUnitParentInvalid = 'ORG_UNIT_PARENT_INVALID',
  AgencyImportInvalid = 'AGENCY_IMPORT_INVALID',
  // storage
  StorageObjectNotFound = 'STORAGE_OBJECT_NOT_FOUND',
  StorageLinkInvalid = 'STORAGE_LINK_INVALID',
}
