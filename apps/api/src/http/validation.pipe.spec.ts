import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { DomainException, ErrorCode } from '@eiso/common';
import { CreateAgencyDto } from '../agencies/dto/create-agency.dto';
import { ChangePasswordDto } from '../auth/dto/change-password.dto';
import { CreateDocumentDto } from '../documents/dto/create-document.dto';
import { ListDocumentsQuery } from '../documents/dto/list-documents.query';
import { IssueDto } from '../documents/dto/workflow.dto';
import { UpdateRecordTypeDto } from '../records/dto/record-type.dto';
import { FieldLabel } from './field-labels';
import { createValidationPipe, FieldError, invalidField, labelFieldErrors } from './validation.pipe';

class Item {
  @IsString()
  @FieldLabel('Tên mục')
  name: string;
}

class Holder {
  @ValidateNested({ each: true })
  @Type(() => Item)
  @FieldLabel('Các mục')
  items: Item[];
}

/** The field errors the one validation pipe answers for `value` read as `metatype`. */
async function refusal(metatype: ArgumentMetadata['metatype'], value: unknown): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).code).toBe(ErrorCode.ValidationFailed);
    return (error as DomainException).details!.errors as FieldError[];
  }
  throw new Error('expected a refusal');
}

describe('validation messages', () => {
  it('name the field in Vietnamese and say the form expected, keeping the machine name', async () => {
    expect(await refusal(IssueDto, { password: 'x', effectiveFrom: '2026-13-01' })).toEqual([
      {
        field: 'effectiveFrom',
        label: 'Ngày hiệu lực',
        rules: ['isCalendarDate'],
        message:
          'Ngày hiệu lực phải là ngày có thật theo định dạng YYYY-MM-DD (năm 1900–2199), ví dụ 2026-12-01.',
      },
    ]);
  });

  it('list the allowed values of an enumeration', async () => {
    const [level] = await refusal(CreateAgencyDto, { name: 'Sở Tư pháp', level: 'bộ' });
    expect(level).toMatchObject({ field: 'level', label: 'Cấp hành chính', rules: ['isEnum'] });
    expect(level.message).toBe(
      'Cấp hành chính phải là một trong các giá trị: province, province_department, sub_department, ' +
        'district, commune, public_service_unit, other.',
    );
    const [sort] = await refusal(ListDocumentsQuery, { sort: 'password:asc' });
    expect(sort).toMatchObject({ field: 'sort', label: 'Cách sắp xếp', rules: ['isIn'] });
    expect(sort.message).toContain('code:asc, code:desc, title:asc');
  });

  it('say a required field is missing, and that null is no value, with what each should hold', async () => {
    const errors = await refusal(CreateAgencyDto, { level: 'province' });
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'name',
        label: 'Tên cơ quan',
        message:
          'Tên cơ quan là bắt buộc và phải là chuỗi ký tự, phải có ít nhất 2 ký tự, không được dài quá 300 ký tự.',
      }),
    ]);
    const [nullDate] = await refusal(IssueDto, { password: 'x', effectiveFrom: null });
    expect(nullDate.message).toMatch(/^Ngày hiệu lực không nhận giá trị null và phải là ngày có thật/);
  });

  it('give the limits of numbers and lengths, inherited fields included', async () => {
    const [pageSize] = await refusal(ListDocumentsQuery, { pageSize: '500' });
    expect(pageSize).toEqual({
      field: 'pageSize',
      label: 'Số dòng mỗi trang',
      rules: ['max'],
      message: 'Số dòng mỗi trang không được lớn hơn 100.',
    });
  });

  it('name nested fields after their parents, and say when a rule holds for each item', async () => {
    const [error] = await refusal(CreateDocumentDto, {
      code: 'QT-01',
      title: 'Quy trình thử',
      type: 'procedure',
      distribution: { orgUnitIds: ['khong-phai-uuid'] },
    });
    expect(error).toMatchObject({
      field: 'distribution.orgUnitIds',
      label: 'Danh sách phân phối › Phòng, ban nhận',
      rules: ['isUuid'],
    });
    expect(error.message).toBe(
      'Danh sách phân phối › Phòng, ban nhận có mục không hợp lệ (mỗi mục phải là mã định danh dạng UUID, ' +
        'ví dụ 3fa85f64-5717-4562-b3fc-2c963f66afa6).',
    );
  });

  it('count the items of a list of objects from 1', async () => {
    const [error] = await refusal(Holder, { items: [{ name: 'a' }, { name: 7 }] });
    expect(error).toEqual({
      field: 'items.1.name',
      label: 'Các mục (mục 2) › Tên mục',
      rules: ['isString'],
      message: 'Các mục (mục 2) › Tên mục phải là chuỗi ký tự.',
    });
  });

  it('keep a DTO’s own label through PartialType and OmitType', async () => {
    const [error] = await refusal(UpdateRecordTypeDto, { code: '-HS' });
    expect(error).toMatchObject({ field: 'code', label: 'Mã loại hồ sơ', rules: ['isLocalCode'] });
    expect(error.message).toMatch(/^Mã loại hồ sơ chỉ gồm chữ, số và các dấu/);
  });

  it('word named formats, passwords included, with their rule', async () => {
    const [error] = await refusal(ChangePasswordDto, { currentPassword: 'cu', newPassword: 'ngan' });
    expect(error).toEqual({
      field: 'newPassword',
      label: 'Mật khẩu mới',
      rules: ['isPassword'],
      message: 'Mật khẩu mới phải dài 8–128 ký tự, có ít nhất một chữ cái và một chữ số.',
    });
  });

  it('refuse an unknown field by its machine name', async () => {
    const errors = await refusal(CreateAgencyDto, { name: 'Sở mới', level: 'other', status: 'merged' });
    expect(errors).toEqual([
      {
        field: 'status',
        label: 'status',
        rules: ['whitelistValidation'],
        message: 'Trường "status" không được phép gửi lên (không có trong biểu mẫu này).',
      },
    ]);
  });
});

describe('field errors made outside the pipe', () => {
  it('invalidField words a parameter like the pipe does', () => {
    const error = invalidField('format', 'isIn', [['json', 'xlsx', 'pdf']]);
    expect(error.details).toEqual({
      errors: [
        {
          field: 'format',
          label: 'Định dạng tệp xuất',
          rules: ['isIn'],
          message: 'Định dạng tệp xuất phải là một trong các giá trị: json, xlsx, pdf.',
        },
      ],
    });
  });

  it('labelFieldErrors names a service’s field errors by their path, and leaves labelled ones', () => {
    const details = labelFieldErrors({
      errors: [
        { field: 'validTo', rules: ['validity'], message: 'x' },
        { field: 'external.issuedDate', rules: ['notInFuture'], message: 'y' },
        { field: 'kind', label: 'Đã có', message: 'z' },
        { line: 3, message: 'dòng CSV' },
      ],
    });
    expect(details?.errors).toEqual([
      { field: 'validTo', label: 'Ngày hết hiệu lực', rules: ['validity'], message: 'x' },
      {
        field: 'external.issuedDate',
        label: 'Thông tin tài liệu bên ngoài › Ngày ban hành',
        rules: ['notInFuture'],
        message: 'y',
      },
      { field: 'kind', label: 'Đã có', message: 'z' },
      { line: 3, message: 'dòng CSV' },
    ]);
  });
});
