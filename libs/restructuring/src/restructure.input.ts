/** What a restructuring does to the agencies it names (the 2025 reform). */
export enum RestructureKind {
  /** Several agencies become one that exists already (`to`): each is marked merged. */
  Merge = 'merge',
  /** One agency goes on under a new name: a successor is created, the old one marked merged. */
  Rename = 'rename',
  /** Agencies end; the one named `to` takes over their work: each is marked dissolved. */
  Dissolve = 'dissolve',
}

export interface RestructureInput {
  kind: RestructureKind;
  /** The agencies that end. */
  from: string[];
  /** The receiving agency (merge, dissolve). */
  to?: string;
  /** The new name (rename). */
  newName?: string;
  /** The first day under the new organisation (`YYYY-MM-DD`); the old ones end the day before. */
  effectiveDate: string;
  /** Put before a moved document's code the receiving agency already uses, instead of a 409. */
  codePrefix?: string;
}
