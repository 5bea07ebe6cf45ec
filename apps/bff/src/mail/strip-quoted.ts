/**
 * The new part of a reply: everything above the quoted original. Mail clients mark it with "> " lines
 * or an attribution line ("Em … escreveu:", "On … wrote:", "-----Original Message-----").
 */
const ATTRIBUTION = [/^(em|on)\s.+(escreveu|wrote):\s*$/i, /^-{2,}\s*(original message|mensagem original)\s*-{2,}$/i, /^_{5,}$/, /^(de|from):\s.+@/i];

export function stripQuoted(text: string): string {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('>') || ATTRIBUTION.some((re) => re.test(trimmed))) break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
