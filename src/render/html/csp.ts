/** The Content-Security-Policy that admits only the page's own inline style and script. */
import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(style: string, script: string | null): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(style)}`,
    `script-src ${script === null ? "'none'" : sha256(script)}`,
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
