import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgencyLevel, isAgencyAbbreviation, parseAgencyCsv } from '@eiso/organizations';
import { demoAbbreviation, demoPlace, withDemoHeadings } from './demo-agency-headings';
import { DEMO_AGENCY_LIST } from './demo-province';

describe('demo agency headings', () => {
  it('derives the ký hiệu from the name as the province writes it', () => {
    const department = AgencyLevel.ProvinceDepartment;
    expect(demoAbbreviation('Sở Tư pháp', department)).toBe('STP');
    expect(demoAbbreviation('Sở Khoa học và Công nghệ', department)).toBe('SKHCN');
    expect(demoAbbreviation('Sở Kế hoạch và Đầu tư', department)).toBe('SKHĐT');
    expect(demoAbbreviation('Sở Văn hóa, Thể thao và Du lịch', department)).toBe('SVHTTDL');
    expect(demoAbbreviation('Sở Lao động - Thương binh và Xã hội', department)).toBe('SLĐTBXH');
    expect(demoAbbreviation('Văn phòng Ủy ban nhân dân tỉnh', department)).toBe('VPUBND');
    expect(demoAbbreviation('Ban Quản lý Khu kinh tế tỉnh', department)).toBe('BQLKKT');
    expect(demoAbbreviation('Thanh tra tỉnh', department)).toBe('TTr');
    expect(demoAbbreviation('Chi cục An toàn vệ sinh thực phẩm', AgencyLevel.SubDepartment)).toBe('CCATVSTP');
    expect(demoAbbreviation('Ủy ban nhân dân huyện Đăk Hà', AgencyLevel.District)).toBe('UBND');
    expect(demoAbbreviation('Xã Đắk Long', AgencyLevel.Commune)).toBe('UBND');
  });

  it('places districts and communes by their own name, the rest in the province', () => {
    expect(demoPlace('Sở Tư pháp', AgencyLevel.ProvinceDepartment)).toBe('Kon Tum');
    expect(demoPlace('Ủy ban nhân dân huyện Đăk Hà', AgencyLevel.District)).toBe('Đăk Hà');
    expect(demoPlace('Ủy ban nhân dân thành phố Kon Tum', AgencyLevel.District)).toBe('Kon Tum');
    expect(demoPlace('Ủy ban nhân dân phường Quyết Thắng', AgencyLevel.Commune)).toBe('Quyết Thắng');
    expect(demoPlace('Thị trấn Đăk Rve', AgencyLevel.Commune)).toBe('Đăk Rve');
  });

  it('fills both columns for every agency of the list, valid for the import', () => {
    const csv = readFileSync(join(__dirname, '../../../..', DEMO_AGENCY_LIST));
    const rows = parseAgencyCsv(withDemoHeadings(csv));
    expect(rows).toHaveLength(147);
    for (const row of rows) {
      expect({ name: row.name, valid: isAgencyAbbreviation(row.abbreviation ?? '') }).toEqual({
        name: row.name,
        valid: true,
      });
      expect(row.place).toBeTruthy();
    }
    const stp = rows.find((r) => r.name === 'Sở Tư pháp');
    expect(stp).toMatchObject({ abbreviation: 'STP', place: 'Kon Tum' });
    // A name with a comma survives the round trip.
    expect(rows.find((r) => r.abbreviation === 'SVHTTDL')?.name).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });
});
