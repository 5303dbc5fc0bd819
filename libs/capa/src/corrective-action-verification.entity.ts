import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One effectiveness check of a corrective action's round, effective or not, with its reason. */
@Entity({ name: 'corrective_action_verification' })
export class CorrectiveActionVerificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'corrective_action_id', type: 'uuid' }) correctiveActionId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) round: number;
  @Column({ name: 'verifier_id', type: 'uuid' }) verifierId: string;
  @Column({ type: 'boolean' }) effective: boolean;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'verified_at', type: 'timestamptz' }) verifiedAt: Date;
}
