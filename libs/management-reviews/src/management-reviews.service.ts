import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrailService } from '@eiso/audit-trail';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  hasPermission,
  offsetOf,
  Page,
  PageRequest,
  Permission,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyHeadingReader } from '@eiso/organizations';
import { SignatureEntity, SignaturesService, toSignatureFacts } from '@eiso/signatures';
import { StorageDriver } from '@eiso/storage';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { ManagementReviewFinder, reviewAgencyOf } from './management-review-finder';
import { ManagementReviewNotifier } from './management-review-notifier';
import {
  defaultReviewTitle,
  managementReviewNumber,
  numberingYearOf,
  periodLongerThan,
} from './management-review-numbering';
import { MAX_PERIOD_MONTHS, ManagementReviewState } from './management-review-state';
import {
  assertCompilable,
  assertEditable,
  ManagementReviewTransition,
  nextReviewState,
} from './management-review-state-machine';
import { ManagementReviewEntity } from './management-review.entity';
import { ManagementReviewRepository } from './management-review.repository';
import {
  ManagementReviewSummaryView,
  ManagementReviewView,
  PersonRef,
  toReviewActionView,
  toReviewSummaryView,
} from './management-review.views';
import { MINUTES_MEANING, minutesContent, minutesSubject } from './minutes-content';
import { MINUTES_TEXT } from './minutes-text';
import { MinutesInput, renderMinutes } from './minutes.renderer';
import { ReviewInputsCompiler } from './review-inputs-compiler';

export interface ManualInputs {
  customerFeedback?: string | null;
  providerPerformance?: string | null;
  resourceAdequacy?: string | null;
  contextChanges?: string | null;
  improvementOpportunities?: string | null;
}

export interface Conclusions {
  suitability?: string | null;
  adequacy?: string | null;
  effectiveness?: string | null;
}

export interface CreateManagementReviewInput extends ManualInputs {
  title?: string | null;
  periodFrom: string;
  periodTo: string;
  meetingDate: string;
  place?: string | null;
  chairId: string;
  attendeeIds?: string[];
  guests?: string[];
}

export interface UpdateManagementReviewInput extends ManualInputs {
  title?: string;
  meetingDate?: string;
  place?: string | null;
  attendeeIds?: string[];
  guests?: string[];
  presentIds?: string[];
  conclusions?: Conclusions;
}

export interface HoldManagementReviewInput {
  conclusions: { suitability: string; adequacy: string; effectiveness: string };
  /** Attendees present; all of them when absent. */
  presentIds?: string[];
}

export interface ListManagementReviewsQuery extends PageRequest {
  year?: number;
  state?: ManagementReviewState;
}

export interface MinutesFile {
  file: { name: string; mediaType: string; size: number; sha256: string };
  stream: Readable;
}

const logger = new Logger('ManagementReviewsService');

/**
 * The management review (ISO 9001 9.3): planned with its inputs compiled from the period, edited
 * and recompiled while planned, held (the inputs frozen, conclusions written), and its minutes
 * signed by the chair. One use case per method, one transaction each with its audit event.
 */
@Injectable()
export class ManagementReviewsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ManagementReviewRepository,
    private readonly finder: ManagementReviewFinder,
    private readonly compiler: ReviewInputsCompiler,
    private readonly notifier: ManagementReviewNotifier,
    private readonly users: UserDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly signatures: SignaturesService,
    private readonly storage: StorageDriver,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateManagementReviewInput): Promise<ManagementReviewView> {
    const agencyId = reviewAgencyOf(actor);
    assertPeriod(input.periodFrom, input.periodTo);
    assertMeetingDate(input.meetingDate);
    return this.tx.run(async (db) => {
      await this.assertChair(db, agencyId, input.chairId);
      const attendeeIds = unique(input.attendeeIds ?? []);
      await this.assertAttendees(db, agencyId, attendeeIds);
      const now = this.clock.now();
      const year = numberingYearOf(input.meetingDate);
      const review: ManagementReviewEntity = {
        id: randomUUID(),
        agencyId,
        year,
        serial: await this.repository.nextSerial(db, agencyId, year),
        title: input.title?.trim() || defaultReviewTitle(input.periodTo),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        meetingDate: input.meetingDate,
        place: input.place?.trim() || null,
        chairId: input.chairId,
        attendeeIds,
        guests: cleanGuests(input.guests ?? []),
        state: ManagementReviewState.Planned,
        customerFeedback: clean(input.customerFeedback),
        providerPerformance: clean(input.providerPerformance),
        resourceAdequacy: clean(input.resourceAdequacy),
        contextChanges: clean(input.contextChanges),
        improvementOpportunities: clean(input.improvementOpportunities),
        conclusionSuitability: null,
        conclusionAdequacy: null,
        conclusionEffectiveness: null,
        presentIds: [],
        inputs: null as never,
        compiledAt: now,
        heldAt: null,
        heldBy: null,
        signedAt: null,
        minutesKey: null,
        minutesSize: null,
        minutesSha256: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      review.inputs = await this.compiler.compile(db, review, todayInVietnam(now));
      await this.repository.insert(db, review);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review.created',
        after: { ...details(review), compiledAt: now.toISOString() },
      });
      await this.notifier.planned(db, actor.userId, review);
      return this.view(db, review);
    });
  }

  async list(actor: Actor, query: ListManagementReviewsQuery): Promise<Page<ManagementReviewSummaryView>> {
    const [rows, total] = await this.repository.findPage(
      this.tx.db,
      { agencyId: reviewAgencyOf(actor), year: query.year, state: query.state },
      offsetOf(query),
      query.pageSize,
    );
    return { items: rows.map(toReviewSummaryView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<ManagementReviewView> {
    const db = this.tx.db;
    return this.view(db, await this.finder.review(db, actor, id));
  }

  /** Details, manual inputs and conclusions, while planned or held (If-Match required). */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: UpdateManagementReviewInput,
  ): Promise<ManagementReviewView> {
    return this.tx.run(async (db) => {
      const review = await this.finder.review(db, actor, id, true);
      assertVersion(review, expectedVersion);
      assertEditable(review.state);
      const before = details(review);
      if (input.attendeeIds !== undefined) {
        const ids = unique(input.attendeeIds);
        await this.assertAttendees(db, review.agencyId, ids);
        review.attendeeIds = ids;
      }
      if (input.presentIds !== undefined) {
        const ids = unique(input.presentIds);
        await this.assertAttendees(db, review.agencyId, ids);
        review.presentIds = ids;
      }
      assertPresentInvited(review);
      if (input.title !== undefined) review.title = input.title.trim();
      if (input.meetingDate !== undefined) {
        assertMeetingDate(input.meetingDate);
        review.meetingDate = input.meetingDate;
      }
      if (input.place !== undefined) review.place = clean(input.place);
      if (input.guests !== undefined) review.guests = cleanGuests(input.guests);
      applyManual(review, input);
      if (input.conclusions) applyConclusions(review, input.conclusions);
      const after = details(review);
      if (JSON.stringify(after) === JSON.stringify(before)) return this.view(db, review);
      await this.repository.save(db, review, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: review.agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review.updated',
        before,
        after,
      });
      if (before.meetingDate !== after.meetingDate && review.state === ManagementReviewState.Planned) {
        await this.notifier.planned(db, actor.userId, review);
      }
      return this.view(db, review);
    });
  }

  /** Recompiles the inputs from the period while planned. */
  async compile(actor: Actor, id: string, expectedVersion?: number): Promise<ManagementReviewView> {
    return this.tx.run(async (db) => {
      const review = await this.finder.review(db, actor, id, true);
      assertVersion(review, expectedVersion);
      assertCompilable(review.state);
      const now = this.clock.now();
      review.inputs = await this.compiler.compile(db, review, todayInVietnam(now));
      review.compiledAt = now;
      await this.repository.save(db, review, now);
      await this.auditTrail.record(db, actor, {
        agencyId: review.agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review.compiled',
        after: { compiledAt: now.toISOString() },
      });
      return this.view(db, review);
    });
  }

  /** The meeting was held: recompiles one last time, freezes the inputs, records the conclusions. */
  async hold(
    actor: Actor,
    id: string,
    input: HoldManagementReviewInput,
    expectedVersion?: number,
  ): Promise<ManagementReviewView> {
    return this.tx.run(async (db) => {
      const review = await this.finder.review(db, actor, id, true);
      assertVersion(review, expectedVersion);
      review.state = nextReviewState(review.state, ManagementReviewTransition.Hold);
      applyConclusions(review, input.conclusions ?? {});
      const missing = missingConclusions(conclusionsOf(review));
      if (missing.length)
        throw new DomainException(ErrorCode.ManagementReviewConclusionsMissing, { missing });
      const present = unique(input.presentIds ?? review.attendeeIds);
      await this.assertAttendees(db, review.agencyId, present);
      review.presentIds = present;
      assertPresentInvited(review);
      const now = this.clock.now();
      review.inputs = await this.compiler.compile(db, review, todayInVietnam(now));
      review.compiledAt = now;
      review.heldAt = now;
      review.heldBy = actor.userId;
      await this.repository.save(db, review, now);
      await this.auditTrail.record(db, actor, {
        agencyId: review.agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review.held',
        before: { state: ManagementReviewState.Planned },
        after: {
          state: review.state,
          heldAt: now.toISOString(),
          presentIds: present,
          ...conclusionsOf(review),
        },
      });
      return this.view(db, review);
    });
  }

  /**
   * The chair signs the minutes with the password: 403 for anyone else, 409 unless held. The PDF is
   * rendered with the signature and stored; a failure after the object was stored removes it again.
   */
  async sign(
    actor: Actor,
    id: string,
    password: string,
    expectedVersion?: number,
  ): Promise<ManagementReviewView> {
    const pending = await this.finder.review(this.tx.db, actor, id);
    assertCanSign(actor, pending, expectedVersion);
    const confirmed = await this.signatures.confirmPassword(actor, password);
    let storedKey: string | null = null;
    try {
      return await this.tx.run(async (db) => {
        const review = await this.finder.review(db, actor, id, true);
        assertCanSign(actor, review, expectedVersion);
        const actions = await this.repository.actionsOf(db, review.id);
        const signature = await this.signatures.sign(db, {
          actor,
          password: confirmed,
          subject: minutesSubject(review.id),
          meaning: MINUTES_MEANING,
          content: minutesContent(review, actions),
        });
        const now = this.clock.now();
        review.state = ManagementReviewState.Signed;
        review.signedAt = signature.signedAt;
        const bytes = await this.renderMinutes(
          db,
          review,
          actions,
          {
            name: signature.signerName,
            position: signature.signerPosition,
            signedAt: signature.signedAt,
            contentHash: signature.contentHash,
          },
          todayInVietnam(signature.signedAt),
        );
        const key = `agency/${review.agencyId}/management-reviews/${review.id}/minutes/${randomUUID()}.pdf`;
        const stored = await this.storage.put(key, Readable.from([bytes]));
        storedKey = key;
        review.minutesKey = key;
        review.minutesSize = stored.size;
        review.minutesSha256 = stored.sha256;
        await this.repository.save(db, review, now);
        await this.auditTrail.record(db, actor, {
          agencyId: review.agencyId,
          entityType: 'management_review',
          entityId: review.id,
          action: 'management_review.signed',
          before: { state: ManagementReviewState.Held },
          after: {
            state: review.state,
            signerName: signature.signerName,
            signerPosition: signature.signerPosition,
            contentHash: signature.contentHash,
            minutesSha256: stored.sha256,
          },
        });
        return this.view(db, review);
      });
    } catch (error) {
      if (storedKey) {
        const key: string = storedKey;
        await this.storage
          .delete(key)
          .catch((e: unknown) => logger.error(`Không xóa được tệp mồ côi ${key}: ${String(e)}`));
      }
      throw error;
    }
  }

  /**
   * The signed minutes (PDF) as stored. Before signing, with `draft`, a draft rendered from the
   * review as it stands, marked "DỰ THẢO" and unsigned; without it, 409.
   */
  async minutes(actor: Actor, id: string, draft = false): Promise<MinutesFile> {
    const db = this.tx.db;
    const review = await this.finder.review(db, actor, id);
    const number = managementReviewNumber(review.serial, review.year);
    if (review.state === ManagementReviewState.Signed && review.minutesKey) {
      return {
        file: {
          name: MINUTES_TEXT.fileName(number),
          mediaType: 'application/pdf',
          size: review.minutesSize ?? 0,
          sha256: review.minutesSha256 ?? '',
        },
        stream: await this.storage.get(review.minutesKey),
      };
    }
    if (!draft)
      throw new DomainException(ErrorCode.ManagementReviewMinutesUnavailable, { state: review.state });
    const chair = await this.users.cardOf(review.chairId, db);
    const bytes = await this.renderMinutes(
      db,
      review,
      await this.repository.actionsOf(db, review.id),
      { name: chair?.fullName ?? '', position: chair?.position ?? null, signedAt: null, contentHash: null },
      todayInVietnam(this.clock.now()),
      true,
    );
    return {
      file: {
        name: MINUTES_TEXT.draftFileName(number),
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
      stream: Readable.from([bytes]),
    };
  }

  /** The review as answered by every route: people by name, actions, the signature if signed. */
  async view(db: Db, review: ManagementReviewEntity): Promise<ManagementReviewView> {
    const actions = await this.repository.actionsOf(db, review.id);
    const cards = await this.users.cardsOf(
      [review.chairId, ...review.attendeeIds, ...actions.map((a) => a.ownerId)],
      db,
    );
    const byId = new Map(cards.map((c) => [c.id, c]));
    const person = (id: string): PersonRef => ({
      id,
      fullName: byId.get(id)?.fullName ?? '',
      position: byId.get(id)?.position ?? null,
    });
    const signature =
      review.state === ManagementReviewState.Signed ? await this.signatureOf(db, review.id) : null;
    const today = todayInVietnam(this.clock.now());
    return {
      ...toReviewSummaryView(review),
      agencyId: review.agencyId,
      place: review.place,
      chair: person(review.chairId),
      attendees: review.attendeeIds.map(person),
      guests: review.guests,
      presentIds: review.presentIds,
      manualInputs: {
        customerFeedback: review.customerFeedback,
        providerPerformance: review.providerPerformance,
        resourceAdequacy: review.resourceAdequacy,
        contextChanges: review.contextChanges,
        improvementOpportunities: review.improvementOpportunities,
      },
      conclusions: conclusionsOf(review),
      inputs: review.inputs,
      compiledAt: review.compiledAt.toISOString(),
      heldAt: review.heldAt?.toISOString() ?? null,
      signedAt: review.signedAt?.toISOString() ?? null,
      signature: signature ? toSignatureFacts(signature) : null,
      actions: actions.map((a) => toReviewActionView(a, byId.get(a.ownerId)?.fullName ?? '', today)),
      createdAt: review.createdAt.toISOString(),
      updatedAt: review.updatedAt.toISOString(),
    };
  }

  private async signatureOf(db: Db, reviewId: string): Promise<SignatureEntity | null> {
    const all = await this.signatures.listFor(db, minutesSubject(reviewId));
    return all.filter((s) => s.meaning === MINUTES_MEANING).at(-1) ?? null;
  }

  private async renderMinutes(
    db: Db,
    review: ManagementReviewEntity,
    actions: readonly ManagementReviewActionEntity[],
    signer: MinutesInput['signer'],
    date: string,
    draft = false,
  ): Promise<Buffer> {
    const heading = await this.headings.headingOf(review.agencyId, db);
    const cards = await this.users.cardsOf([...review.attendeeIds, ...actions.map((a) => a.ownerId)], db);
    const byId = new Map(cards.map((c) => [c.id, c]));
    return renderMinutes({
      heading,
      serial: review.serial,
      date,
      draft,
      body: {
        number: managementReviewNumber(review.serial, review.year),
        title: review.title,
        periodFrom: review.periodFrom,
        periodTo: review.periodTo,
        meetingDate: review.meetingDate,
        place: review.place,
        chair: { name: signer.name, position: signer.position },
        attendees: review.attendeeIds.map((id) => ({
          name: byId.get(id)?.fullName ?? '',
          position: byId.get(id)?.position ?? null,
        })),
        guests: review.guests,
        inputs: review.inputs,
        manual: {
          customerFeedback: review.customerFeedback,
          providerPerformance: review.providerPerformance,
          resourceAdequacy: review.resourceAdequacy,
          contextChanges: review.contextChanges,
          improvementOpportunities: review.improvementOpportunities,
        },
        conclusions: conclusionsOf(review),
        actions: actions.map((a) => ({
          kind: a.kind,
          description: a.description,
          ownerName: byId.get(a.ownerId)?.fullName ?? '',
          dueDate: a.dueDate,
        })),
      },
      signer,
      generatedAt: this.clock.now(),
    });
  }

  /** An active user of the agency who may sign the minutes. */
  private async assertChair(db: Db, agencyId: string, chairId: string): Promise<void> {
    const card = await this.users.cardOf(chairId, db);
    if (
      !card ||
      card.agencyId !== agencyId ||
      !card.active ||
      !hasPermission(card.roles, Permission.ManagementReviewSign)
    ) {
      throw new DomainException(ErrorCode.ManagementReviewChairInvalid, { chairId });
    }
  }

  private async assertAttendees(db: Db, agencyId: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const cards = await this.users.cardsOf(ids, db);
    const valid = new Set(cards.filter((c) => c.agencyId === agencyId && c.active).map((c) => c.id));
    const invalid = ids.filter((id) => !valid.has(id));
    if (invalid.length) throw new DomainException(ErrorCode.ManagementReviewAttendeesInvalid, { invalid });
  }
}

/** from ≤ to and at most 24 months (422 otherwise). */
export function assertPeriod(from: string, to: string): void {
  if (from > to) {
    throw new DomainException(ErrorCode.ManagementReviewPeriodInvalid, {
      from,
      to,
      message: 'Ngày bắt đầu kỳ xem xét phải không sau ngày kết thúc.',
    });
  }
  if (periodLongerThan(from, to, MAX_PERIOD_MONTHS)) {
    throw new DomainException(ErrorCode.ManagementReviewPeriodInvalid, {
      from,
      to,
      message: `Kỳ xem xét dài tối đa ${MAX_PERIOD_MONTHS} tháng.`,
    });
  }
}

/** Only the chair (403), the version, then the state (409 unless held). */
function assertCanSign(
  actor: Actor,
  review: ManagementReviewEntity,
  expectedVersion: number | undefined,
): void {
  if (review.chairId !== actor.userId) throw new DomainException(ErrorCode.ManagementReviewNotChair);
  assertVersion(review, expectedVersion);
  nextReviewState(review.state, ManagementReviewTransition.Sign);
  // The conclusions may have been cleared after the meeting: the minutes are not signed without them.
  const missing = missingConclusions(conclusionsOf(review));
  if (missing.length) throw new DomainException(ErrorCode.ManagementReviewConclusionsMissing, { missing });
}

/** The conclusions of 9.3.3 that are empty. */
function missingConclusions(c: Conclusions): ('suitability' | 'adequacy' | 'effectiveness')[] {
  return (['suitability', 'adequacy', 'effectiveness'] as const).filter((k) => !c[k]?.trim());
}

/** The meeting's year numbers the review: 2000 to 2100 (422 otherwise). */
export function assertMeetingDate(meetingDate: string): void {
  const year = Number(meetingDate.slice(0, 4));
  if (!(year >= 2000 && year <= 2100)) {
    throw new DomainException(ErrorCode.ManagementReviewMeetingDateInvalid, { meetingDate });
  }
}

/** Those present were invited (attendees) or chair the meeting (422 otherwise). */
function assertPresentInvited(review: ManagementReviewEntity): void {
  const invited = new Set([review.chairId, ...review.attendeeIds]);
  const uninvited = review.presentIds.filter((id) => !invited.has(id));
  if (uninvited.length) {
    throw new DomainException(ErrorCode.ManagementReviewAttendeesInvalid, {
      invalid: uninvited,
      message: 'Người có mặt phải là người chủ trì hoặc thuộc thành phần được mời.',
    });
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

function cleanGuests(guests: readonly string[]): string[] {
  return [...new Set(guests.map((g) => g.trim()).filter(Boolean))];
}

function applyManual(review: ManagementReviewEntity, input: ManualInputs): void {
  if (input.customerFeedback !== undefined) review.customerFeedback = clean(input.customerFeedback);
  if (input.providerPerformance !== undefined) review.providerPerformance = clean(input.providerPerformance);
  if (input.resourceAdequacy !== undefined) review.resourceAdequacy = clean(input.resourceAdequacy);
  if (input.contextChanges !== undefined) review.contextChanges = clean(input.contextChanges);
  if (input.improvementOpportunities !== undefined) {
    review.improvementOpportunities = clean(input.improvementOpportunities);
  }
}

function applyConclusions(review: ManagementReviewEntity, c: Conclusions): void {
  if (c.suitability !== undefined) review.conclusionSuitability = clean(c.suitability);
  if (c.adequacy !== undefined) review.conclusionAdequacy = clean(c.adequacy);
  if (c.effectiveness !== undefined) review.conclusionEffectiveness = clean(c.effectiveness);
}

function conclusionsOf(review: ManagementReviewEntity) {
  return {
    suitability: review.conclusionSuitability,
    adequacy: review.conclusionAdequacy,
    effectiveness: review.conclusionEffectiveness,
  };
}

function details(review: ManagementReviewEntity) {
  return {
    title: review.title,
    periodFrom: review.periodFrom,
    periodTo: review.periodTo,
    meetingDate: review.meetingDate,
    place: review.place,
    chairId: review.chairId,
    attendeeIds: review.attendeeIds,
    presentIds: review.presentIds,
    guests: review.guests,
    customerFeedback: review.customerFeedback,
    providerPerformance: review.providerPerformance,
    resourceAdequacy: review.resourceAdequacy,
    contextChanges: review.contextChanges,
    improvementOpportunities: review.improvementOpportunities,
    ...conclusionsOf(review),
  };
}
