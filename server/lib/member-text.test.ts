import { describe, expect, it } from 'vitest';
import { parseMemberText, renderMemberText } from './member-text';

describe('parseMemberText', () => {
  it('finds mentions and topics, normalised and unique, but not in code', () => {
    const source =
      '@[Sato](member:u1) と #ＡＩ #ai の話。(#DX) `#notTopic @[X](member:u9)`\n```\n#no\n```\n#Ok';
    expect(parseMemberText(source)).toEqual({ mentionIds: ['u1'], topics: ['ai', 'dx', 'ok'] });
  });
  it('ignores a # inside a word or an address', () => {
    expect(parseMemberText('see https://example.com/#anchor and C#').topics).toEqual([]);
  });
});

describe('renderMemberText', () => {
  it('links allowed mentions with the current name and topics to their page', () => {
    const html = renderMemberText(
      'Hi @[old name](member:u1) and @[Eve](member:u2) #AI',
      new Map([['u1', '佐藤 花子']]),
    );
    expect(html).toBe(
      '<p>Hi <a href="/members/u1">@佐藤 花子</a> and @Eve <a href="/topics/ai">#AI</a></p>\n',
    );
  });
  it('a name cannot inject markup', () => {
    const html = renderMemberText(
      '@[x](member:u1)',
      new Map([['u1', '](javascript:alert(1)) <img src=x onerror=alert(1)>']]),
    );
    expect(html).not.toMatch(/<img|href="javascript|<[^>]*\son\w+=/i);
    expect(html).toContain('href="/members/u1"');
  });
  it('keeps other relative links out', () => {
    expect(renderMemberText('[x](/admin/settings) [y](//evil.example)', new Map())).not.toContain('href=');
  });
});
