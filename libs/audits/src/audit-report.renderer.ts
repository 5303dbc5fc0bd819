import { PDFDocument, type PDFPage } from 'pdf-lib';
import { formatDateTimeVi } from '@eiso/common';
import { compareClauseNumbers } from '@eiso/iso-clauses';
import {
  drawLines,
  drawOfficialClosing,
  drawOfficialHeader,
  embedPdfFonts,
  lineHeightOf,
  officialClosingHeight,
  PdfColors,
  wrapText,
  type OfficialClosing,
  type OfficialHeading,
  type PdfFonts,
  type TextBlockStyle,
} from '@eiso/pdf';
import { AUDIT_REPORT_MESSAGES, findingCountsText } from './audit-report.messages';
import { FINDING_TYPE_LABELS, FindingType } from './audit-state';

/** A finding as the report prints it. */
export interface ReportFindingLine {
  serial: number;
  type: FindingType;
  clause: string;
  /** The clause's Vietnamese title in the audit's edition. */
  clauseTitle: string | null;
  /** The org unit's name; null for a finding not tied to a unit. */
  unit: string | null;
  statement: string;
  evidence: string | null;
  /** The nonconformity raised from it ("03/2026"), for major and minor nonconformities. */
  nonconformityNumber: string | null;
}

export interface ReportPerson {
  name: string;
  position: string | null;
}

export interface AuditReportInput {
  heading: OfficialHeading;
  /** The audit's serial in the agency's year: the report's number "01/BC-ĐGNB-STP". */
  serial: number;
  /** Calendar date of the report (the day it was signed, in Vietnam). */
  date: string;
  /** "01/2026". */
  auditNumber: string;
  title: string;
  objectives: string;
  criteria: string;
  edition: string;
  units: readonly string[];
  clauses: readonly { number: string; title: string | null }[];
  procedures: readonly string[];
  lead: ReportPerson;
  team: readonly ReportPerson[];
  startDate: string;
  endDate: string;
  findings: readonly ReportFindingLine[];
  conclusion: string;
  /** The lead auditor's signature as made. */
  signature: { name: string; signedAt: Date; contentHash: string };
  generatedAt: Date;
}

export type FindingCounts = Record<FindingType, number>;

export interface FindingGroup {
  /** The clause number, or the unit's name (null: findings tied to no unit). */
  key: string | null;
  counts: FindingCounts;
  findings: ReportFindingLine[];
}

/** How many findings of each type. */
export function countByType(findings: readonly Pick<ReportFindingLine, 'type'>[]): FindingCounts {
  const counts = Object.fromEntries(Object.values(FindingType).map((t) => [t, 0])) as FindingCounts;
  for (const f of findings) counts[f.type] += 1;
  return counts;
}

function group(
  findings: readonly ReportFindingLine[],
  keyOf: (f: ReportFindingLine) => string | null,
): FindingGroup[] {
  const groups = new Map<string | null, ReportFindingLine[]>();
  for (const f of [...findings].sort((a, b) => a.serial - b.serial)) {
    const key = keyOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups].map(([key, items]) => ({ key, counts: countByType(items), findings: items }));
}

/** Findings grouped by clause, in the standard's order; each group's findings by serial. */
export function findingsByClause(findings: readonly ReportFindingLine[]): FindingGroup[] {
  return group(findings, (f) => f.clause).sort((a, b) => compareClauseNumbers(a.key!, b.key!));
}

/**
 * Findings grouped by org unit, in the order of the units given (the scope's), other units after
 * them by name, and the findings tied to no unit last.
 */
export function findingsByUnit(
  findings: readonly ReportFindingLine[],
  unitOrder: readonly string[],
): FindingGroup[] {
  const rank = (key: string | null) => {
    if (key === null) return Number.MAX_SAFE_INTEGER;
    const i = unitOrder.indexOf(key);
    return i < 0 ? unitOrder.length : i;
  };
  return group(findings, (f) => f.unit).sort(
    (a, b) => rank(a.key) - rank(b.key) || (a.key ?? '').localeCompare(b.key ?? '', 'vi'),
  );
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = PAGE[0] - 2 * MARGIN;
const FOOTER = 24;
const INDENT = 14;
const R = AUDIT_REPORT_MESSAGES.report;

/**
 * Báo cáo đánh giá nội bộ: A4 portrait in the official layout (Nghị định 30/2020/NĐ-CP: heading,
 * "Số: 01/BC-ĐGNB-STP", place and date, title), sections 1–7 (objectives, scope, criteria, team,
 * dates, findings by clause and by unit with counts per type and the nonconformities raised, the
 * conclusion), and the lead auditor's signature with its time and hash. DejaVu Sans is embedded,
 * so every Vietnamese letter survives `pdftotext`.
 */
export async function renderAuditReport(input: AuditReportInput): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  const layout = new ReportLayout(doc, fonts);
  layout.write(input);
  layout.footers(input.generatedAt);
  doc.setTitle(`${R.title} ${input.auditNumber}`.normalize('NFC'));
  doc.setProducer('eISO');
  doc.setCreator('eISO');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  return Buffer.from(await doc.save());
}

class ReportLayout {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.newPage();
  }

  write(input: AuditReportInput): void {
    this.y = drawOfficialHeader(
      this.page,
      this.fonts,
      {
        heading: input.heading,
        number: { serial: input.serial, symbol: R.numberSymbol },
        date: input.date,
        title: R.title,
        subtitle: [R.subtitle(input.auditNumber, input.title)],
      },
      { x: MARGIN, width: WIDTH },
      this.y,
    );
    this.y -= 6;
    const body = this.style(this.fonts.regular, 10);
    const item = { ...body, x: MARGIN + INDENT, width: WIDTH - INDENT };

    this.heading(R.sections.objectives);
    this.paragraph(input.objectives, body);

    this.heading(R.sections.scope);
    this.paragraph(`${R.scope.units} ${input.units.length ? '' : R.scope.none}`.trim(), body);
    for (const unit of input.units) this.paragraph(`- ${unit}`, item);
    this.paragraph(`${R.scope.clauses} ${input.clauses.length ? '' : R.scope.none}`.trim(), body);
    for (const c of input.clauses) this.paragraph(`- ${c.number}${c.title ? ` ${c.title}` : ''}`, item);
    if (input.procedures.length) {
      this.paragraph(R.scope.procedures, body);
      for (const p of input.procedures) this.paragraph(`- ${p}`, item);
    }

    this.heading(R.sections.criteria);
    this.paragraph(input.criteria, body);
    this.paragraph(R.edition(input.edition), body);

    this.heading(R.sections.team);
    this.paragraph(R.lead(input.lead.name, input.lead.position), body);
    for (const m of input.team) this.paragraph(R.member(m.name, m.position), body);

    this.heading(R.sections.dates);
    this.paragraph(R.dates(input.startDate, input.endDate), body);

    this.results(input, body, item);

    this.heading(R.sections.conclusion);
    this.paragraph(input.conclusion, body);

    this.closing(input);
  }

  private results(input: AuditReportInput, body: TextBlockStyle, item: TextBlockStyle): void {
    this.heading(R.sections.results);
    this.paragraph(R.total(input.findings.length, findingCountsText(countByType(input.findings))), body);
    if (!input.findings.length) return;
    const sub = this.style(this.fonts.bold, 10);
    const text = { ...body, x: MARGIN + 2 * INDENT, width: WIDTH - 2 * INDENT };
    const note = { ...this.style(this.fonts.italic, 9), x: MARGIN + 2 * INDENT, width: WIDTH - 2 * INDENT };
    this.paragraph(R.byClause, sub, 6);
    for (const g of findingsByClause(input.findings)) {
      const title = g.findings[0].clauseTitle;
      this.paragraph(
        R.clauseGroup(g.key!, title, findingCountsText(g.counts)),
        this.style(this.fonts.bold, 9.5),
        4,
      );
      for (const f of g.findings) {
        const number = AUDIT_REPORT_MESSAGES.findingNumber(f.serial);
        this.paragraph(R.finding(number, FINDING_TYPE_LABELS[f.type], f.unit), item, 3);
        this.paragraph(f.statement, text);
        if (f.evidence) this.paragraph(R.evidence(f.evidence), note);
        if (f.nonconformityNumber) this.paragraph(R.nonconformity(f.nonconformityNumber), note);
      }
    }
    this.paragraph(R.byUnit, sub, 6);
    for (const g of findingsByUnit(input.findings, input.units)) {
      const numbers = g.findings.map((f) => AUDIT_REPORT_MESSAGES.findingNumber(f.serial));
      this.paragraph(R.unitGroup(g.key ?? R.noUnit, findingCountsText(g.counts), numbers), item, 2);
    }
  }

  private closing(input: AuditReportInput): void {
    const closing: OfficialClosing = {
      signers: [
        {
          caption: R.signer,
          position: null,
          name: input.signature.name,
          note: R.signedAt(formatDateTimeVi(input.signature.signedAt)),
        },
      ],
      recipients: R.recipients,
    };
    const area = { x: MARGIN, width: WIDTH };
    const hash = this.style(this.fonts.regular, 8, { color: PdfColors.muted });
    const hashLine = R.contentHash(input.signature.contentHash);
    // The signature and its hash stay together on one page.
    const needed = 16 + officialClosingHeight(this.fonts, closing, area) + 14 + this.heightOf(hashLine, hash);
    if (this.y - needed < MARGIN + FOOTER) this.newPage();
    const bottom = drawOfficialClosing(this.page, this.fonts, closing, area, this.y - 16);
    this.y = bottom - 14;
    this.paragraph(hashLine, hash);
  }

  footers(generatedAt: Date): void {
    const pages = this.doc.getPages();
    const style = this.style(this.fonts.regular, 7.5, { color: PdfColors.muted });
    pages.forEach((page, index) => {
      drawLines(page, [R.generatedAt(formatDateTimeVi(generatedAt))], MARGIN - 8, style);
      drawLines(page, [R.page(index + 1, pages.length)], MARGIN - 8, { ...style, align: 'right' });
    });
  }

  /** A section heading, kept on a page with at least two lines after it. */
  private heading(text: string): void {
    const style = this.style(this.fonts.bold, 11);
    if (this.y - 10 - lineHeightOf(style) * 3 < MARGIN + FOOTER) this.newPage();
    this.paragraph(text, style, 10);
  }

  /** Wrapped text, line by line onto as many pages as it takes. */
  private paragraph(text: string, style: TextBlockStyle, gapBefore = 2): void {
    this.y -= gapBefore;
    const lineHeight = lineHeightOf(style);
    for (const line of wrapText(text, style.font, style.size, style.width)) {
      if (this.y - lineHeight < MARGIN + FOOTER) this.newPage();
      this.y = drawLines(this.page, [line], this.y, style);
    }
  }

  private heightOf(text: string, style: TextBlockStyle): number {
    return wrapText(text, style.font, style.size, style.width).length * lineHeightOf(style);
  }

  private newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  private style(
    font: TextBlockStyle['font'],
    size: number,
    overrides: Partial<TextBlockStyle> = {},
  ): TextBlockStyle {
    return { x: MARGIN, width: WIDTH, font, size, color: PdfColors.text, ...overrides };
  }
}
