import type { exitSurveyQuestions } from '#server/db/schema/index';

type NewQuestion = typeof exitSurveyQuestions.$inferInsert;

/**
 * The questions a new deployment starts with (inserted on first use when the table is empty; HR
 * edits or deactivates them on /admin/exit-survey). Fixed ids so two first requests at once
 * cannot insert them twice.
 */
export const DEFAULT_SURVEY_QUESTIONS: NewQuestion[] = [
  {
    id: 'default-satisfaction',
    position: 10,
    kind: 'scale',
    scaleMax: 5,
    required: true,
    promptJa: '当社での仕事に、全体としてどのくらい満足していましたか？',
    promptEn: 'Overall, how satisfied were you with working here?',
  },
  {
    id: 'default-recommend',
    position: 20,
    kind: 'scale',
    scaleMax: 5,
    required: true,
    promptJa: '当社を職場として友人や知人に勧めたいと思いますか？',
    promptEn: 'Would you recommend us to a friend as a place to work?',
  },
  {
    id: 'default-main-reason',
    position: 30,
    kind: 'choice',
    required: true,
    promptJa: '退職を決めたいちばんの理由を教えてください。',
    promptEn: 'What is the main reason you decided to leave?',
    options: [
      { value: 'career_growth', ja: 'キャリアの成長・挑戦', en: 'Career growth or a new challenge' },
      { value: 'compensation', ja: '報酬・待遇', en: 'Pay and benefits' },
      { value: 'work_content', ja: '仕事の内容', en: 'The work itself' },
      { value: 'people', ja: '上司・同僚との関係', en: 'Manager or colleagues' },
      { value: 'work_life', ja: '働き方・ワークライフバランス', en: 'Working style and work–life balance' },
      { value: 'life_event', ja: '家庭の事情・ライフイベント', en: 'Family or a life event' },
      { value: 'other', ja: 'その他', en: 'Other' },
    ],
  },
  {
    id: 'default-keep',
    position: 40,
    kind: 'text',
    promptJa: '当社がこれからも大切にすべきだと思うことは何ですか？',
    promptEn: 'What should we keep doing?',
  },
  {
    id: 'default-change',
    position: 50,
    kind: 'text',
    promptJa: '当社が変えるべき・改善すべきだと思うことは何ですか？',
    promptEn: 'What should we change or improve?',
  },
  {
    id: 'default-return',
    position: 60,
    kind: 'choice',
    required: true,
    promptJa: '将来、当社に戻ってくることを考える可能性はありますか？',
    promptEn: 'Would you consider coming back to us one day?',
    options: [
      { value: 'yes', ja: 'はい、ぜひ考えたい', en: 'Yes, I would like to' },
      { value: 'maybe', ja: '状況によっては考えたい', en: 'Maybe, depending on the situation' },
      { value: 'no', ja: 'いいえ', en: 'No' },
    ],
  },
];
