import { SetMetadata, type Type } from '@nestjs/common';
import type { AuditAction } from '@eiso/audit-trail';
import type { Actor, ErrorCode } from '@eiso/common';
import type { Db } from '@eiso/database';

/** The thing files are attached to: a subject type its domain registered, and the subject's id. */
export interface AttachmentSubjectRef {
  type: string;
  id: string;
}

/** What the lib needs to know of a subject the actor may work on. */
export interface AttachmentOwner {
  agencyId: string;
}

/** A subject the actor may add files to, and where its objects go. */
export interface WritableSubject extends AttachmentOwner {
  /**
   * The start of its files' storage keys (`agency/<id>/records/<id>`); the file's id ends the
   * key. Decided by the domain from the subject it found, never by a caller.
   */
  keyPrefix: string;
}

/** The kind of which a subject has at most one file (a partial unique index holds it). */
export const PRIMARY_ATTACHMENT_KIND = 'primary';

/**
 * A domain's rules for the files of one subject type: how to find the subject as the actor may
 * see it, and whether the actor may change its files now. Registered with `@AttachmentSubjectOf`
 * like a job handler, so the attachments lib never imports a domain.
 */
export interface AttachmentSubject {
  /** The codes this subject's refusals answer with (its own 404s and 409s, its own messages). */
  readonly errors: {
    /** No such file of this subject. */
    fileNotFound: ErrorCode;
    /** The file's bytes are gone (disposal); the row remains as a tombstone. */
    fileDeleted: ErrorCode;
    /** A second `primary` file; needed only by subjects that use the kind. */
    primaryExists?: ErrorCode;
  };
  /** Audit actions written under the subject (entity type = subject type). */
  readonly audit: {
    uploaded: AuditAction;
    /** Without it, files of this subject cannot be removed one by one. */
    deleted?: AuditAction;
  };

  /**
   * What a restructuring (merger, dissolution) does with the subject's files: `move` (the default)
   * when the domain moves the subjects to the receiving agency, `keep` when it keeps them with the
   * old agency as signed history (an audit's evidence, a corrective action's): the files stay with
   * the subjects that cite them.
   */
  readonly onAgencyTransfer?: 'move' | 'keep';

  /**
   * Whether the subject's files are rendered and read for the search (`@eiso/content`): a document
   * version's and a record's are; evidence and minutes are found through their subjects.
   */
  readonly indexesContent?: boolean;

  /** The subject as `actor` may read it; throws the domain's 404 otherwise. */
  findReadable(db: Db, actor: Actor, subjectId: string): Promise<AttachmentOwner>;

  /**
   * Whether `actor` may add or remove files of the subject now; throws the domain's refusal
   * otherwise. With `lock` (inside the commit's transaction), under the subject's row lock, so
   * that a state change that raced the upload is seen.
   */
  findWritable(db: Db, actor: Actor, subjectId: string, lock: boolean): Promise<WritableSubject>;
}

export const ATTACHMENT_SUBJECT_METADATA = 'eiso:attachment-subject';

/**
 * Marks an `@Injectable()` provider as the rules of one subject type; the registry finds it at
 * start-up, and two providers for one type fail the boot.
 *
 * @example
 * @Injectable()
 * @AttachmentSubjectOf('record')
 * export class RecordAttachmentSubject implements AttachmentSubject { ... }
 */
export function AttachmentSubjectOf(subjectType: string) {
  return <T extends Type<AttachmentSubject>>(target: T): void => {
    SetMetadata(ATTACHMENT_SUBJECT_METADATA, subjectType)(target);
  };
}
