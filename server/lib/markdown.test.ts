import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown and keeps raw HTML as text', () => {
    expect(renderMarkdown('**bold** <script>alert(1)</script>')).toBe(
      '<p><strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });
  it('links only to http, https and mailto, as nofollow noopener ugc in a new tab', () => {
    const html = renderMarkdown(
      '[a](https://example.com) [b](javascript:alert(1)) [c](mailto:x@example.com) [d](data:text/html,x)',
    );
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener ugc" target="_blank">a</a>');
    expect(html).toContain(
      '<a href="mailto:x@example.com" rel="nofollow noopener ugc" target="_blank">c</a>',
    );
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html.match(/<a /g)).toHaveLength(2);
  });
  it('drops images and event handlers whatever the spelling', () => {
    for (const payload of [
      '![x](https://example.com/x.png)',
      '<img src=x onerror=alert(1)>',
      '[x](JaVaScRiPt:alert(1))',
      '[x](  javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload=alert(1)>',
      '`<b onmouseover=alert(1)>`',
    ]) {
      const html = renderMarkdown(payload);
      // Raw HTML stays visible as text; no element or attribute of it survives.
      expect(html, payload).not.toMatch(/<img|<svg|<b |<[^>]*\son\w+=|<a href="\s*javascript/i);
    }
  });
  it('linkifies bare addresses', () => {
    expect(renderMarkdown('see https://example.com/a')).toContain('href="https://example.com/a"');
  });
});

describe('markdownToText', () => {
  it('strips the markup and folds space', () => {
    expect(markdownToText('# Title\n\n**bold** & <b>raw</b>')).toBe('Title bold & <b>raw</b>');
  });
});
