import type { Reporter } from './reporter.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit', 'csv', 'html', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

/** The reporter for a format, loaded on demand (the text reporter's colours are not free to load). */
export async function loadReporter(format: Format): Promise<Reporter> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).textReporter;
    case 'json':
      return (await import('./json.js')).jsonReporter;
    case 'sarif':
      return (await import('./sarif.js')).sarifReporter;
    case 'github':
      return (await import('./github.js')).githubReporter;
    case 'markdown':
      return (await import('./markdown.js')).markdownReporter;
    case 'junit':
      return (await import('./junit.js')).junitReporter;
    case 'csv':
      return (await import('./csv.js')).csvReporter;
    case 'html':
      return (await import('./html.js')).htmlReporter;
    case 'gitlab':
      return (await import('./gitlab.js')).gitlabReporter;
  }
}
