import { DomainException, ErrorCode } from '@eiso/common';
import { compareClauseNumbers, IsoClauseDirectory } from './iso-clause-directory';
import { toClauseView } from './iso-clauses.service';

describe('IsoClauseDirectory.sortNumbers', () => {
  const directory = new IsoClauseDirectory(null as never, null as never);

  it('sorts as the standard numbers: 9.2 before 10, 7.1.2 before 7.1.10, a parent before its children', () => {
    expect(
      directory.sortNumbers(['10', '9.2', '7.1.10', '7.1.2', '7.1', '4', '10.2.1', '10.2', '9.2.1', '8.3.6']),
    ).toEqual(['4', '7.1', '7.1.2', '7.1.10', '8.3.6', '9.2', '9.2.1', '10', '10.2', '10.2.1']);
  });

  it('drops duplicates and leaves the input alone', () => {
    const input = ['9.2', '9.1.3', '9.2', '7.5.3.2', '7.5.3.1'];
    expect(directory.sortNumbers(input)).toEqual(['7.5.3.1', '7.5.3.2', '9.1.3', '9.2']);
    expect(input).toEqual(['9.2', '9.1.3', '9.2', '7.5.3.2', '7.5.3.1']);
    expect(directory.sortNumbers([])).toEqual([]);
  });
});

describe('compareClauseNumbers', () => {
  it('orders clauses as the standard does (the report groups its findings with it)', () => {
    expect(['10.2', '7.1.10', '7.1.2', '4.4', '7.5'].sort(compareClauseNumbers)).toEqual([
      '4.4',
      '7.1.2',
      '7.1.10',
      '7.5',
      '10.2',
    ]);
  });
});

describe('IsoClauseDirectory.currentEdition', () => {
  it('answers 404 ISO_EDITION_NOT_FOUND, not a 500, when no edition is current', async () => {
    const db = { getRepository: () => ({ findOneBy: () => Promise.resolve(null) }) };
    const directory = new IsoClauseDirectory(null as never, null as never);
    const refusal = await directory.currentEdition(db as never).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainException);
    expect((refusal as DomainException).code).toBe(ErrorCode.IsoEditionNotFound);
  });
});

describe('clause views', () => {
  it('gives the level from the number', () => {
    const view = (number: string) =>
      toClauseView({
        edition: 'E',
        number,
        parentNumber: null,
        titleVi: 't',
        titleEn: 't',
        sortKey: number.split('.').map(Number),
      }).level;
    expect([view('9'), view('9.2'), view('9.2.1'), view('7.1.5.1')]).toEqual([1, 2, 3, 4]);
  });
});
