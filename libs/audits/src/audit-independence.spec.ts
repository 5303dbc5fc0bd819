import { IndependenceUnit, independenceBreaches } from './audit-independence';

const units: IndependenceUnit[] = [
  { id: 'vp', name: 'Văn phòng', parentId: null },
  { id: 'tcd', name: 'Tổ tiếp công dân', parentId: 'vp' },
  { id: 'mc', name: 'Bộ phận một cửa', parentId: 'tcd' },
  { id: 'tc', name: 'Phòng Tài chính', parentId: null },
];

const auditor = (id: string, orgUnitId: string | null) => ({ id, fullName: `Người ${id}`, orgUnitId });

describe('audit independence', () => {
  it('refuses an auditor whose own unit is in scope, naming the unit', () => {
    expect(independenceBreaches(['vp'], [auditor('a', 'vp')], units)).toEqual([
      {
        auditorId: 'a',
        auditorName: 'Người a',
        orgUnitId: 'vp',
        orgUnitName: 'Văn phòng',
        scopeUnitId: 'vp',
        scopeUnitName: 'Văn phòng',
        relation: 'same',
      },
    ]);
  });

  it('refuses an auditor of a child unit, and of a grandchild unit', () => {
    const breaches = independenceBreaches(['vp'], [auditor('a', 'tcd'), auditor('b', 'mc')], units);
    expect(breaches.map((b) => [b.auditorId, b.orgUnitName, b.scopeUnitName, b.relation])).toEqual([
      ['a', 'Tổ tiếp công dân', 'Văn phòng', 'below'],
      ['b', 'Bộ phận một cửa', 'Văn phòng', 'below'],
    ]);
  });

  it('refuses an auditor of a parent unit, and of a grandparent unit', () => {
    const breaches = independenceBreaches(['mc'], [auditor('a', 'tcd'), auditor('b', 'vp')], units);
    expect(breaches).toEqual([
      {
        auditorId: 'a',
        auditorName: 'Người a',
        orgUnitId: 'tcd',
        orgUnitName: 'Tổ tiếp công dân',
        scopeUnitId: 'mc',
        scopeUnitName: 'Bộ phận một cửa',
        relation: 'above',
      },
      {
        auditorId: 'b',
        auditorName: 'Người b',
        orgUnitId: 'vp',
        orgUnitName: 'Văn phòng',
        scopeUnitId: 'mc',
        scopeUnitName: 'Bộ phận một cửa',
        relation: 'above',
      },
    ]);
  });

  it('accepts auditors of another branch of the tree, or of no unit', () => {
    expect(independenceBreaches(['tcd'], [auditor('b', 'tc'), auditor('c', null)], units)).toEqual([]);
  });

  it('accepts any team when no unit is in scope (clauses only)', () => {
    expect(independenceBreaches([], [auditor('a', 'vp')], units)).toEqual([]);
  });

  it('stops on a cycle in the tree', () => {
    const cyclic: IndependenceUnit[] = [
      { id: 'x', name: 'X', parentId: 'y' },
      { id: 'y', name: 'Y', parentId: 'x' },
    ];
    expect(independenceBreaches(['z'], [auditor('a', 'x')], cyclic)).toEqual([]);
  });

  it('names the nearest unit in scope when both a unit and its parent are in scope', () => {
    const [breach] = independenceBreaches(['vp', 'tcd'], [auditor('a', 'mc')], units);
    expect(breach.scopeUnitName).toBe('Tổ tiếp công dân');
  });
});
