import { absoluteWebLink, webLink } from './web-links';

describe('web links', () => {
  it('names pages of the web app, not API paths', () => {
    expect(webLink.document('d1')).toBe('/documents/d1');
    expect(webLink.documentVersion('d1', 'v1')).toBe('/documents/d1/versions/v1');
    expect(webLink.record('r1')).toBe('/records/r1');
    expect(webLink.recordsDueForDisposal()).toBe('/records?state=due_for_disposal');
    expect(webLink.disposal('b1')).toBe('/disposals/b1');
    expect(webLink.user('u1')).toBe('/users/u1');
    expect(webLink.profile()).toBe('/me');
    expect(webLink.audit('a1')).toBe('/audits/a1');
    expect(webLink.auditProgramme('p1')).toBe('/audit-programmes/p1');
    expect(webLink.nonconformity('n1')).toBe('/nonconformities/n1');
    expect(webLink.correctiveAction('c1')).toBe('/corrective-actions/c1');
    expect(webLink.overdueCorrectiveActions()).toBe('/corrective-actions?overdue=true');
    const all = [webLink.document('x'), webLink.record('x'), webLink.disposal('x'), webLink.user('x')];
    expect(all.filter((link) => link.startsWith('/api/'))).toEqual([]);
  });

  it('keeps a reverse-proxy prefix of the public address', () => {
    expect(absoluteWebLink(webLink.recordsDueForDisposal(), 'https://dichvu.kontum.gov.vn/eiso/')).toBe(
      'https://dichvu.kontum.gov.vn/eiso/records?state=due_for_disposal',
    );
    expect(absoluteWebLink(webLink.document('d1'), 'http://10.0.0.5:3000/eiso')).toBe(
      'http://10.0.0.5:3000/eiso/documents/d1',
    );
  });

  it('stays relative without a public address', () => {
    expect(absoluteWebLink('/documents/d1', undefined)).toBe('/documents/d1');
  });
});
