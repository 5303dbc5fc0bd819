export * from './controlled-copy.input';
export * from './controlled-copy.renderer';
export * from './pdf-source.error';
export * from './pdf-fonts';
export * from './pdf-colors';
export * from './text-layout';
export * from './text-block';
export * from './pdf.messages';
