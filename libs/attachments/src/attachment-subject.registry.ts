import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ATTACHMENT_SUBJECT_METADATA, AttachmentSubject } from './attachment-subject';

const SUBJECT_TYPE = /^[a-z][a-z0-9_]*$/;

/** Finds the `@AttachmentSubjectOf` providers at start-up: one per subject type, or the boot fails. */
@Injectable()
export class AttachmentSubjectRegistry implements OnModuleInit {
  private subjects = new Map<string, AttachmentSubject>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const subjects = new Map<string, AttachmentSubject>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as Type<unknown> | undefined;
      const subjectType =
        type && !wrapper.inject
          ? this.reflector.get<string | undefined>(ATTACHMENT_SUBJECT_METADATA, type)
          : undefined;
      if (!subjectType) continue;
      if (!SUBJECT_TYPE.test(subjectType))
        throw new Error(`Invalid attachment subject type "${subjectType}"`);
      if (subjects.has(subjectType)) {
        throw new Error(`Attachment subject type "${subjectType}" is registered twice`);
      }
      subjects.set(subjectType, wrapper.instance as AttachmentSubject);
    }
    this.subjects = subjects;
  }

  /** The rules of a subject type; an unregistered one is a programming error. */
  of(subjectType: string): AttachmentSubject {
    const subject = this.subjects.get(subjectType);
    if (!subject) throw new Error(`No attachment subject registered for "${subjectType}"`);
    return subject;
  }

  types(): string[] {
    return [...this.subjects.keys()].sort();
  }

  /** The subject types whose files stay with the old agency on a restructuring, sorted. */
  keptOnAgencyTransfer(): string[] {
    return this.types().filter((type) => this.subjects.get(type)!.onAgencyTransfer === 'keep');
  }
}
