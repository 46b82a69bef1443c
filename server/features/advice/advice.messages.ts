import { defineMessages, translator } from '#server/lib/i18n';

/** Texts the server writes: the request as it is put into the conversation an acceptance opens. */
export const messages = defineMessages({
  en: {
    'advice.message.heading': 'Advice request — {kind}',
    'advice.message.topic': 'Topic',
    'advice.message.hopes': 'What I hope for',
    'advice.message.timeFrame': 'Time frame',
    'advice.kind.mentoring': 'Mentoring',
    'advice.kind.side_work': 'Side work',
    'advice.kind.speaking': 'Speaking',
    'advice.kind.career_path': 'Your path after the company',
    'advice.timeFrame.this_week': 'This week',
    'advice.timeFrame.this_month': 'This month',
    'advice.timeFrame.this_quarter': 'This quarter',
    'advice.timeFrame.flexible': 'Flexible',
  },
  ja: {
    'advice.message.heading': '相談のリクエスト — {kind}',
    'advice.message.topic': 'テーマ',
    'advice.message.hopes': '期待していること',
    'advice.message.timeFrame': '希望の時期',
    'advice.kind.mentoring': 'メンタリング',
    'advice.kind.side_work': '副業',
    'advice.kind.speaking': '登壇',
    'advice.kind.career_path': '退職後のキャリア',
    'advice.timeFrame.this_week': '今週中',
    'advice.timeFrame.this_month': '今月中',
    'advice.timeFrame.this_quarter': '3か月以内',
    'advice.timeFrame.flexible': 'いつでも',
  },
});

export const t = translator(messages);
