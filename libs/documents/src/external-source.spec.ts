import { DomainException } from '@eiso/common';
import { DocumentType } from './document-type';
import {
  ExternalSource,
  externalSourceOf,
  resolveExternalSource,
  toExternalColumns,
} from './external-source';

const TODAY = '2026-12-02';
const SOURCE: ExternalSource = {
  issuingBody: 'Chính phủ',
  numberSymbol: '61/2018/NĐ-CP',
  issuedDate: '2018-04-23',
  inForceDate: '2018-06-21',
  storagePlace: 'Văn phòng',
};

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainException);
    return ((e as DomainException).details?.errors as { field: string }[]).map((x) => x.field);
  }
  throw new Error('not refused');
}

describe('external source of a document', () => {
  it('is required, trimmed, for the external type and refused on every other', () => {
    expect(
      resolveExternalSource(DocumentType.External, null, { ...SOURCE, issuingBody: '  Chính phủ ' }, TODAY),
    ).toEqual(SOURCE);
    expect(fieldsOf(() => resolveExternalSource(DocumentType.External, null, undefined, TODAY))).toEqual([
      'external.issuingBody',
      'external.numberSymbol',
      'external.issuedDate',
    ]);
    for (const type of Object.values(DocumentType).filter((t) => t !== DocumentType.External)) {
      expect(resolveExternalSource(type, null, undefined, TODAY)).toBeNull();
      expect(fieldsOf(() => resolveExternalSource(type, null, { storagePlace: 'Kho' }, TODAY))).toEqual([
        'external',
      ]);
    }
  });

  it('applies an edit over the current source: left out stays, null clears, required stay required', () => {
    expect(
      resolveExternalSource(
        DocumentType.External,
        SOURCE,
        { storagePlace: null, inForceDate: undefined },
        TODAY,
      ),
    ).toEqual({ ...SOURCE, storagePlace: null });
    expect(
      fieldsOf(() => resolveExternalSource(DocumentType.External, SOURCE, { numberSymbol: ' ' }, TODAY)),
    ).toEqual(['external.numberSymbol']);
  });

  it('is not issued after today, nor in force before it is issued', () => {
    expect(
      resolveExternalSource(DocumentType.External, SOURCE, { issuedDate: TODAY, inForceDate: TODAY }, TODAY),
    ).toMatchObject({ issuedDate: TODAY, inForceDate: TODAY });
    expect(
      fieldsOf(() =>
        resolveExternalSource(
          DocumentType.External,
          SOURCE,
          { issuedDate: '2026-12-03', inForceDate: null },
          TODAY,
        ),
      ),
    ).toEqual(['external.issuedDate']);
    expect(
      fieldsOf(() =>
        resolveExternalSource(DocumentType.External, SOURCE, { inForceDate: '2018-04-22' }, TODAY),
      ),
    ).toEqual(['external.inForceDate']);
  });

  it('round-trips through the version columns, null when there is none', () => {
    expect(externalSourceOf(toExternalColumns(SOURCE))).toEqual(SOURCE);
    expect(externalSourceOf(toExternalColumns(null))).toBeNull();
  });
});
