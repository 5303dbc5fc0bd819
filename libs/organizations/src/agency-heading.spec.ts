import { AgencyLevel } from './agency-level';
import { agencyHeadingOf, governingBodyLine } from './agency-heading';

const province = {
  name: 'Ủy ban nhân dân tỉnh Kon Tum',
  level: AgencyLevel.Province,
  abbreviation: 'UBND',
  place: 'Kon Tum',
};
const district = {
  name: 'Ủy ban nhân dân huyện Đăk Hà',
  level: AgencyLevel.District,
  abbreviation: 'UBND',
  place: 'Đăk Hà',
};

describe('agency heading', () => {
  it('takes the governing body from the parent, shortened as headings write it', () => {
    const stp = {
      name: 'Sở Tư pháp',
      level: AgencyLevel.ProvinceDepartment,
      abbreviation: 'STP',
      place: null,
    };
    expect(agencyHeadingOf([stp, province])).toEqual({
      governingBody: 'UBND TỈNH KON TUM',
      agencyName: 'Sở Tư pháp',
      abbreviation: 'STP',
      // No place of its own: the province's.
      place: 'Kon Tum',
    });
  });

  it('gives a People’s Committee no governing body and keeps its own place', () => {
    expect(agencyHeadingOf([district, province])).toEqual({
      governingBody: null,
      agencyName: 'Ủy ban nhân dân huyện Đăk Hà',
      abbreviation: 'UBND',
      place: 'Đăk Hà',
    });
  });

  it('takes the nearest place up the tree, and none when nobody has one', () => {
    const unit = { name: 'Phòng Tư pháp', level: AgencyLevel.Other, abbreviation: null, place: null };
    expect(agencyHeadingOf([unit, district, province]).place).toBe('Đăk Hà');
    expect(agencyHeadingOf([unit])).toEqual({
      governingBody: null,
      agencyName: 'Phòng Tư pháp',
      abbreviation: null,
      place: null,
    });
  });

  it('writes any other parent in capitals as it is', () => {
    expect(governingBodyLine('Sở Nông nghiệp và Phát triển Nông thôn')).toBe(
      'SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN',
    );
    expect(governingBodyLine('Uỷ ban nhân dân huyện Đăk Hà'.normalize('NFD'))).toBe('UBND HUYỆN ĐĂK HÀ');
    expect(governingBodyLine('Ủy ban nhân dân')).toBe('ỦY BAN NHÂN DÂN');
  });
});
