import { formatDateVi } from '@eiso/common';
import type { ControlledCopyInput } from './controlled-copy.input';
import { PdfMessages } from './pdf.messages';

/** What a controlled copy says about its own validity, on every page, the cover and the signature page. */
export interface CopyStatus {
  /** The band's status and the cover's box: "BẢN CÓ KIỂM SOÁT", "CHƯA CÓ HIỆU LỰC — …", "HẾT HIỆU LỰC". */
  label: string;
  /** Printed large across every page when the copy may not be used as the version in force. */
  watermark?: string;
  /** The signature page's status line. */
  stateLine?: string;
}

export function copyStatusOf(input: Pick<ControlledCopyInput, 'state' | 'effectiveFrom'>): CopyStatus {
  switch (input.state) {
    case 'effective':
      return { label: PdfMessages.controlledCopy };
    case 'scheduled': {
      const label = PdfMessages.notYetEffective(formatDateVi(input.effectiveFrom));
      return { label, watermark: PdfMessages.notYetEffectiveMark, stateLine: PdfMessages.state(label) };
    }
    case 'superseded':
    case 'obsolete':
      return {
        label: PdfMessages.expired,
        watermark: PdfMessages.expired,
        stateLine: PdfMessages.state(PdfMessages.expired),
      };
  }
}
