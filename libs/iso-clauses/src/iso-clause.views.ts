/** An edition of ISO 9001 as the API answers it. */
export interface IsoEditionView {
  code: string;
  title: string;
  publishedYear: number;
  isCurrent: boolean;
}

/** A clause of one edition, in the standard's order. */
export interface IsoClauseView {
  edition: string;
  number: string;
  parentNumber: string | null;
  titleVi: string;
  titleEn: string;
  /** 1 for a main clause ("9"), 2 for "9.2", 3 for "9.2.1"… */
  level: number;
}

/** Where a clause of one edition went in another (one row per target clause). */
export interface IsoClauseMappingView {
  fromEdition: string;
  fromNumber: string;
  fromTitleVi: string;
  toEdition: string;
  toNumber: string;
  toTitleVi: string;
  note: string | null;
}
