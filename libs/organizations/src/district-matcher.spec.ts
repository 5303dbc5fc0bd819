import { districtKey, matchDistrict } from './district-matcher';

const DISTRICTS = [
  { id: 'kon-tum', name: 'Ủy ban nhân dân thành phố Kon Tum' },
  { id: 'dak-glei', name: 'Ủy ban nhân dân huyện Đăk Glei' },
  { id: 'dak-ha', name: 'Ủy ban nhân dân huyện Đăk Hà' },
  { id: 'dak-to', name: 'Ủy ban nhân dân huyện Đăk Tô' },
  { id: 'ia-hdrai', name: 'Ủy ban nhân dân huyện Ia H’Drai' },
];

describe('districtKey', () => {
  it('drops accents, case and the People’s Committee prefix', () => {
    expect(districtKey('Ủy ban nhân dân huyện Đăk Glei')).toBe('huyen dak glei');
    expect(districtKey('Huyện Đăk Glei')).toBe('huyen dak glei');
    expect(districtKey('UBND  thành phố   Kon Tum')).toBe('thanh pho kon tum');
  });

  it('treats old and new tone placement and decomposed text alike', () => {
    expect(districtKey('Uỷ ban nhân dân huyện Đắk Hà')).toBe(districtKey('Ủy ban nhân dân huyện Đăk Hà'));
    expect(districtKey('Huyện Đăk Hà'.normalize('NFD'))).toBe('huyen dak ha');
  });

  it('expands the usual abbreviations of city and town', () => {
    expect(districtKey('TP. Kon Tum')).toBe('thanh pho kon tum');
    expect(districtKey('TP Kon Tum')).toBe('thanh pho kon tum');
    expect(districtKey('TX. Ayun Pa')).toBe('thi xa ayun pa');
  });
});

describe('matchDistrict', () => {
  it('finds the district agency named in a CSV row', () => {
    expect(matchDistrict('Huyện Đăk Glei', DISTRICTS).map((d) => d.id)).toEqual(['dak-glei']);
    expect(matchDistrict('Thành phố Kon Tum', DISTRICTS).map((d) => d.id)).toEqual(['kon-tum']);
    expect(matchDistrict("Huyện Ia H'Drai", DISTRICTS).map((d) => d.id)).toEqual(['ia-hdrai']);
  });

  it('does not confuse a district with one whose name only starts the same', () => {
    expect(matchDistrict('Huyện Đăk', DISTRICTS)).toEqual([]);
    expect(matchDistrict('Huyện Đăk Tô Mới', DISTRICTS)).toEqual([]);
  });

  it('does not take a city for a district of the same name', () => {
    expect(matchDistrict('Huyện Kon Tum', DISTRICTS)).toEqual([]);
  });

  it('answers every match, so that the caller can tell an ambiguous name', () => {
    const twice = [...DISTRICTS, { id: 'dak-ha-2', name: 'Huyện Đắk Hà' }];
    expect(matchDistrict('Huyện Đăk Hà', twice).map((d) => d.id)).toEqual(['dak-ha', 'dak-ha-2']);
  });
});
