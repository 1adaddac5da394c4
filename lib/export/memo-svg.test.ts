import { describe, expect, it } from 'vitest';
import { MEMO_SIZE } from './memo-size';
import { composeSvg, layoutMemo, layoutSlideImage, type MemoText } from './memo-svg';

const text: MemoText = {
  title: 'Revenue pools by layer, 2024',
  subtitle: 'Revenue · 2024 · calendar years · list “R&D <core>”',
  legend: [
    { label: '1 Infrastructure', colour: '#5b6b7f' },
    { label: 'Gap (required − actual)', colour: '#1b1f27', mark: 'line' },
    { label: '1,800: highly concentrated', colour: '#b5473a', mark: 'dashed' },
  ],
  note: "Stack totals are gross: one layer's revenue is often another's spend.",
  footer: 'Source: Stacklens · company filings and analyst estimates · 3 companies (1 missing) · as of 2026-01-31',
};
const CHART = '<rect x="0" y="0" width="10" height="10" fill="#123456"/>';

const inside = (outer: { width: number; height: number }, box: { x: number; y: number; width: number; height: number }) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= outer.width && box.y + box.height <= outer.height;

describe('the memo layout', () => {
  it('puts the chart between the header and the source line, inside the 1600 × 900 canvas', () => {
    const layout = layoutMemo(text);
    expect(layout.size).toEqual(MEMO_SIZE);
    expect(inside(MEMO_SIZE, layout.chart)).toBe(true);
    expect(layout.chart.height).toBeGreaterThan(450);
    const legendBottom = Math.max(...layout.legend.map((l) => l.y));
    expect(layout.chart.y).toBeGreaterThan(legendBottom);
    expect(layout.chart.y + layout.chart.height).toBeLessThan(layout.note!.top);
    expect(layout.note!.top).toBeLessThan(layout.rule!);
    expect(layout.rule!).toBeLessThan(layout.footer!.top);
  });

  it('wraps a long legend into rows and gives the chart less height', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ label: `Layer number ${i}`, colour: '#000' }));
    const wrapped = layoutMemo({ ...text, legend: many });
    expect(new Set(wrapped.legend.map((l) => l.y)).size).toBeGreaterThan(1);
    expect(Math.max(...wrapped.legend.map((l) => l.x))).toBeLessThan(MEMO_SIZE.width - 64);
    expect(wrapped.chart.height).toBeLessThan(layoutMemo(text).chart.height);
  });

  it('lays out the slide picture around the same chart box, without title or source line', () => {
    const memo = layoutMemo(text);
    const slide = layoutSlideImage(text, memo.chart);
    expect(slide.title).toBeNull();
    expect(slide.footer).toBeNull();
    expect(slide.chart.width).toBe(memo.chart.width);
    expect(slide.chart.height).toBe(memo.chart.height);
    expect(inside(slide.size, slide.chart)).toBe(true);
    expect(slide.size.height).toBeLessThan(MEMO_SIZE.height);
  });
});

describe('the memo SVG', () => {
  const svg = composeSvg(layoutMemo(text), text, CHART);

  it('holds the title, the subtitle, every legend entry, the note and the source line, escaped', () => {
    expect(svg).toContain('<title>Revenue pools by layer, 2024</title>');
    expect(svg).toContain('list “R&amp;D &lt;core&gt;”');
    for (const entry of text.legend) expect(svg).toContain(`>${entry.label}</text>`);
    expect(svg).toContain('Stack totals are gross');
    expect(svg).toContain('3 companies (1 missing) · as of 2026-01-31');
  });

  it('is a 1600 × 900 document on white, with a system font stack and the chart scaled up as a vector', () => {
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1600" height="900" viewBox="0 0 1600 900"/,
    );
    expect(svg).toContain(`font-family="Arial, 'Liberation Sans', 'Helvetica Neue', Helvetica, sans-serif"`);
    expect(svg).toContain('<rect width="1600" height="900" fill="#ffffff"/>');
    expect(svg).toMatch(
      /<g transform="translate\(64 [\d.]+\) scale\(2\)"><rect x="0" y="0" width="10" height="10" fill="#123456"\/><\/g>/,
    );
    expect(svg).toContain('stroke-dasharray="7 5"');
  });

  it('refers to nothing outside itself', () => {
    expect(svg).not.toMatch(/href|url\(|@import|<image|<foreignObject/);
  });
});

describe('the firm’s logo in the memo', () => {
  // A wide logo, 600 × 200 px, as a data URL (the bytes do not matter to the layout).
  const logo = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', width: 600, height: 200 };
  const longFooter = `${text.footer} · ${'a long coverage text '.repeat(6)}`;

  it('sits at the right of the source line, two lines tall at its own proportions, and the line wraps short of it', () => {
    const layout = layoutMemo({ ...text, footer: longFooter, logo });
    expect(layout.logo).toEqual({ x: MEMO_SIZE.width - 64 - 156, y: layout.footer!.top, width: 156, height: 52 });
    expect(inside(MEMO_SIZE, layout.logo!)).toBe(true);
    expect(layout.rule!).toBeLessThan(layout.logo!.y);
    // The text wraps earlier than without the logo, so it never runs under it.
    const without = layoutMemo({ ...text, footer: longFooter });
    expect(layout.footer!.lines[0]!.length).toBeLessThan(without.footer!.lines[0]!.length);
  });

  it('is embedded in the SVG as the data URL itself, and the slide picture leaves it to the slide', () => {
    const svg = composeSvg(layoutMemo({ ...text, logo }), { ...text, logo }, CHART);
    expect(svg).toContain(`<image href="${logo.dataUrl}" x="${MEMO_SIZE.width - 64 - 156}"`);
    expect(svg.match(/href="([^"]*)"/g)).toEqual([`href="${logo.dataUrl}"`]);
    const slide = layoutSlideImage({ ...text, logo }, { width: 1000, height: 500 });
    expect(composeSvg(slide, { ...text, logo }, CHART)).not.toContain('<image');
  });
});
