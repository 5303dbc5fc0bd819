import { degrees } from 'pdf-lib';
import type { Color, PDFFont, PDFPage } from 'pdf-lib';

interface FrameTextOptions {
  x: number;
  y: number;
  font: PDFFont;
  size: number;
  color: Color;
  opacity?: number;
  /** Counter-clockwise, as the reader sees the page. */
  angle?: number;
}

interface FrameRectangleOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  color?: Color;
  opacity?: number;
  borderColor?: Color;
  borderWidth?: number;
}

/**
 * A page as the reader sees it: origin at the bottom-left of the visible (crop) box, after the
 * page's /Rotate. Scanned landscape pages are often portrait pages rotated by 90°, and a stamp
 * drawn in raw page space would land sideways on them.
 */
export class PageFrame {
  readonly width: number;
  readonly height: number;
  private readonly turn: 0 | 90 | 180 | 270;
  private readonly box: { x: number; y: number; width: number; height: number };

  constructor(private readonly page: PDFPage) {
    this.box = page.getCropBox();
    const quarterTurns = Math.round(page.getRotation().angle / 90);
    this.turn = ((((quarterTurns % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
    const sideways = this.turn === 90 || this.turn === 270;
    this.width = sideways ? this.box.height : this.box.width;
    this.height = sideways ? this.box.width : this.box.height;
  }

  drawText(text: string, options: FrameTextOptions): void {
    this.page.drawText(text, {
      ...this.toPage(options.x, options.y),
      rotate: degrees(this.turn + (options.angle ?? 0)),
      font: options.font,
      size: options.size,
      color: options.color,
      opacity: options.opacity,
    });
  }

  drawRectangle(options: FrameRectangleOptions): void {
    this.page.drawRectangle({
      ...options,
      ...this.toPage(options.x, options.y),
      rotate: degrees(this.turn),
    });
  }

  /** Maps a point seen by the reader to the page's own coordinates. */
  private toPage(x: number, y: number): { x: number; y: number } {
    const { box } = this;
    switch (this.turn) {
      case 0:
        return { x: box.x + x, y: box.y + y };
      case 90:
        return { x: box.x + box.width - y, y: box.y + x };
      case 180:
        return { x: box.x + box.width - x, y: box.y + box.height - y };
      case 270:
        return { x: box.x + y, y: box.y + box.height - x };
    }
  }
}
