import { ineligibleRecords, OpenBatch } from './disposal-eligibility';
import { DisposalState, RecordState } from './record-state';
import { RecordEntity } from './record.entity';

const now = new Date('2027-01-10T02:00:00Z');

function record(id: string, overrides: Partial<RecordEntity> = {}): RecordEntity {
  return {
    id,
    agencyId: 'a-1',
    recordTypeId: 't-1',
    title: `Hồ sơ ${id}`,
    reference: `CT-${id}`,
    recordDate: '2025-03-31',
    tthcCode: null,
    retentionMonths: 12,
    retentionEnd: '2026-03-31',
    state: RecordState.DueForDisposal,
    dueAt: now,
    holdReason: null,
    heldAt: null,
    heldBy: null,
    disposalId: null,
    disposedAt: null,
    disposedBy: null,
    disposedSha256: null,
    createdBy: 'u-1',
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

describe('disposal eligibility', () => {
  const none = new Map<string, OpenBatch>();

  it('lets due, unheld records outside any open batch through', () => {
    expect(ineligibleRecords({ ids: ['r1'], records: [record('r1')], openBatches: none, now })).toEqual([]);
  });

  it('names each refused record, in the order asked, with its reason, facts and sentence', () => {
    const records = [
      record('held', {
        holdReason: 'Kiểm toán nhà nước',
        heldAt: new Date('2027-01-05T03:00:00Z'),
      }),
      record('young', { state: RecordState.Active, retentionEnd: '2027-12-31', dueAt: null }),
      record('kept', { state: RecordState.Active, retentionMonths: null, retentionEnd: null, dueAt: null }),
      record('batched'),
      record('gone', {
        state: RecordState.Disposed,
        disposedAt: new Date('2026-12-01T03:15:00Z'),
      }),
    ];
    const openBatches = new Map<string, OpenBatch>([
      ['batched', { disposalId: 'd-2', number: 2, state: DisposalState.Proposed }],
    ]);
    const refused = ineligibleRecords({
      ids: ['missing', 'held', 'young', 'kept', 'batched', 'gone'],
      records,
      openBatches,
      now,
    });
    expect(refused).toEqual([
      {
        id: 'missing',
        title: null,
        reference: null,
        reason: 'not_found',
        message: 'Không tìm thấy hồ sơ có mã định danh missing trong cơ quan.',
      },
      {
        id: 'held',
        title: 'Hồ sơ held',
        reference: 'CT-held',
        reason: 'on_hold',
        holdReason: 'Kiểm toán nhà nước',
        heldAt: '2027-01-05T03:00:00.000Z',
        message:
          'Hồ sơ "Hồ sơ held" (CT-held) đang bị phong tỏa từ ngày 05/01/2027 (lý do: Kiểm toán nhà nước); ' +
          'hồ sơ bị phong tỏa không được hủy cho đến khi được gỡ phong tỏa.',
      },
      {
        id: 'young',
        title: 'Hồ sơ young',
        reference: 'CT-young',
        reason: 'not_due',
        retentionEnd: '2027-12-31',
        becomesDueAt: '2027-12-30T17:30:00.000Z',
        message:
          'Hồ sơ "Hồ sơ young" (CT-young) chưa đến hạn hủy: thời hạn lưu trữ kết thúc ngày 31/12/2027; ' +
          'lần rà soát tự động hằng ngày lúc 00:30 ngày 31/12/2027 sẽ chuyển hồ sơ sang trạng thái "Đến hạn hủy".',
      },
      {
        id: 'kept',
        title: 'Hồ sơ kept',
        reference: 'CT-kept',
        reason: 'not_due',
        retentionEnd: null,
        becomesDueAt: null,
        message: 'Hồ sơ "Hồ sơ kept" (CT-kept) được lưu trữ vĩnh viễn nên không bao giờ đến hạn hủy.',
      },
      {
        id: 'batched',
        title: 'Hồ sơ batched',
        reference: 'CT-batched',
        reason: 'in_batch',
        disposalId: 'd-2',
        disposalNumber: '02/BB-HHS',
        disposalState: 'proposed',
        message:
          'Hồ sơ "Hồ sơ batched" (CT-batched) đã thuộc đợt hủy số 02/BB-HHS (chờ phê duyệt); ' +
          'mỗi hồ sơ chỉ thuộc một đợt hủy chưa bị từ chối.',
      },
      {
        id: 'gone',
        title: 'Hồ sơ gone',
        reference: 'CT-gone',
        reason: 'disposed',
        disposedAt: '2026-12-01T03:15:00.000Z',
        message: 'Hồ sơ "Hồ sơ gone" (CT-gone) đã bị hủy lúc 10:15 01/12/2026; không thể đề nghị hủy lại.',
      },
    ]);
  });

  it('gives a held record the hold as its reason even when it is not due: the daily run skips it', () => {
    const held = record('r', {
      state: RecordState.Active,
      retentionEnd: '2026-12-31',
      holdReason: 'Thanh tra',
      heldAt: now,
    });
    const [refusal] = ineligibleRecords({ ids: ['r'], records: [held], openBatches: none, now });
    expect(refusal.reason).toBe('on_hold');
    expect(refusal.message).toContain('(lý do: Thanh tra)');
  });

  it('names a record without a number by its title alone', () => {
    const [refusal] = ineligibleRecords({
      ids: ['r'],
      records: [record('r', { reference: null, state: RecordState.Active, retentionEnd: '2027-02-01' })],
      openBatches: none,
      now,
    });
    expect(refusal.message.startsWith('Hồ sơ "Hồ sơ r" chưa đến hạn hủy')).toBe(true);
  });
});
