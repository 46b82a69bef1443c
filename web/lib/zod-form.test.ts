import { describe, expect, it } from 'vitest';
import { InvitationCreateSchema } from '#common/invitations';
import { JoinRequestInputSchema } from '#common/verification';
import { validateWithSchema } from './zod-form';

describe('validateWithSchema: the server schema and messages, in the browser', () => {
  it('an empty invitation gives the same per-field messages as the server, in ja and en', () => {
    const body = { email: '', role: 'alumni', locale: 'ja', familyName: '', givenName: '' };
    expect(validateWithSchema(InvitationCreateSchema, body, 'ja')).toEqual({
      ok: false,
      fields: {
        email: ['正しいメールアドレスを入力してください。'],
        familyName: ['必須項目です。'],
        givenName: ['必須項目です。'],
      },
    });
    const en = validateWithSchema(InvitationCreateSchema, body, 'en');
    expect(en.ok).toBe(false);
    if (!en.ok) expect(en.fields.familyName).toEqual(['Required.']);
  });

  it('cross-field rules are reported with the other fields', () => {
    const result = validateWithSchema(
      JoinRequestInputSchema,
      { familyName: '', givenName: '花子', email: 'a@example.com', joinedOn: '2019-04' },
      'en',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fields.familyName).toEqual(['Required.']);
      expect(result.fields.employeeNumber).toEqual([
        'Enter your employee number or the email address you used at the company.',
      ]);
    }
  });

  it('a valid body passes and gives the parsed data', () => {
    const result = validateWithSchema(
      InvitationCreateSchema,
      { email: 'a@example.com', role: 'alumni', familyName: '佐藤', givenName: '健太' },
      'en',
    );
    expect(result).toMatchObject({ ok: true, data: { email: 'a@example.com', locale: 'ja' } });
  });
});
