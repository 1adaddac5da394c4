/**
 * Text widths estimated from Arial's advance widths (per 1,000 units of the em), the first font of the memo stack and
 * metric-compatible with Liberation Sans, Arimo and Helvetica: close enough to wrap titles and lay out the legend
 * without a DOM, so the composition stays a pure function and renders the same wherever the SVG is opened.
 */
const WIDTHS: Record<string, number> = {};
const assign = (chars: string, width: number) => {
  for (const c of chars) WIDTHS[c] = width;
};
assign(" .,:;!|'ijlI·", 250);
assign('ftr()[]-“”‘’"/\\', 333);
assign('abcdeghknopqsuvxyz0123456789$#_?±–', 540);
assign('ABEKPSVXY&×÷=+<>≈', 667);
assign('CDGHNOQRUw', 722);
assign('FTLZJ', 611);
assign('mMW%', 860);
assign('—', 1000);
const DEFAULT_WIDTH = 600;
/** Bold Arial runs about 6% wider. */
const BOLD_FACTOR = 1.06;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const c of text) units += WIDTHS[c] ?? DEFAULT_WIDTH;
  return (units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1);
}

/**
 * Greedy word wrap into lines no wider than `maxWidth`; a word wider than a line keeps a line of its own. At most
 * `maxLines`: the last line then ends in an ellipsis, so a long text is cut visibly, never silently.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, options: { bold?: boolean; maxLines?: number } = {}) {
  const { bold = false, maxLines = Infinity } = options;
  const fits = (line: string) => textWidth(line, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate) || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines[maxLines]}`;
  while (last.includes(' ') && !fits(`${last}…`)) last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last}…`;
  return kept;
}
