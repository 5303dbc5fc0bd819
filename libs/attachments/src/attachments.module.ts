import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { ContentModule } from '@eiso/content';
import { AttachmentAgencyTransfer } from './attachment.agency-transfer';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentSubjectRegistry } from './attachment-subject.registry';
import { AttachmentsService } from './attachments.service';

/** Imported by every domain that attaches files; the domain registers its `@AttachmentSubjectOf`. */
@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity]), DiscoveryModule, AuditTrailModule, ContentModule],
  providers: [AttachmentRepository, AttachmentSubjectRegistry, AttachmentsService, AttachmentAgencyTransfer],
  exports: [AttachmentsService, AttachmentSubjectRegistry],
})
export class AttachmentsModule {}
