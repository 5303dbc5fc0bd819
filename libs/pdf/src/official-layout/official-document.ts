/**
 * What the official layout (Nghị định 30/2020/NĐ-CP, Phụ lục I) prints of the issuing agency; the
 * same shape as `AgencyHeading` of the organizations domain, which is where callers read it.
 */
export interface OfficialHeading {
  /** Cơ quan chủ quản, in capitals ("UBND TỈNH KON TUM"); null prints no line. */
  governingBody: string | null;
  agencyName: string;
  /** Ký hiệu ("STP"), appended to the number: "01/BB-STP". */
  abbreviation: string | null;
  /** Địa danh ("Kon Tum"); null prints the date alone. */
  place: string | null;
}

/** The top of an official document: heading, number, place and date, title. */
export interface OfficialHeader {
  heading: OfficialHeading;
  /**
   * The document's number: `serial` and the form's symbol ("BB" for a biên bản) make "Số: 01/BB-STP".
   * Omitted for a document without a number (a register): no "Số:" line.
   */
  number?: { serial: number; symbol: string };
  /** Calendar date `YYYY-MM-DD` of the place-and-date line. */
  date: string;
  title: string;
  /** Lines under the title (trích yếu, or what a register holds). */
  subtitle?: readonly string[];
}

/** One signature block: the signer's authority and position, the signature space, the name. */
export interface OfficialSigner {
  /** A role above the position ("NGƯỜI ĐỀ NGHỊ"), for a form signed by several people. */
  caption?: string;
  position: string | null;
  /**
   * Signs in the head's place: a deputy ("Phó Giám đốc") then signs "KT. GIÁM ĐỐC" over
   * "PHÓ GIÁM ĐỐC" (ký thay). A head, or a signer whose position is not a deputy's, signs as is.
   */
  forHead?: boolean;
  name: string;
  /** Printed small in the signature space: an electronic signature's time. */
  note?: string;
}

/** The bottom of an official document: signature blocks and, where the form has one, "Nơi nhận:". */
export interface OfficialClosing {
  signers: readonly OfficialSigner[];
  /** Each recipient, e.g. "Như trên;", "Lưu: VT." (the dash is added). */
  recipients?: readonly string[];
}
