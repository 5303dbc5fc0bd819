export * from './attachments.module';
export * from './attachments.service';
export * from './attachment-subject';
export { AttachmentEntity } from './attachment.entity';
export { AttachmentSubjectRegistry } from './attachment-subject.registry';
