import { grayscale, rgb } from 'pdf-lib';

/** The few colours of generated pages; red is the colour of a control stamp on paper. */
export const PdfColors = {
  text: grayscale(0.1),
  muted: grayscale(0.4),
  rule: grayscale(0.55),
  headerFill: grayscale(0.9),
  paper: grayscale(1),
  stamp: rgb(0.75, 0.05, 0.05),
} as const;
