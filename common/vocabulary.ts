import { INDUSTRIES, type Industry } from './reference';
import { normalizeForSearch } from './search-text';

/**
 * One bilingual vocabulary for skills, industries and department names (decision 041). A term has
 * a key — the stored, canonical form: the English label for skills and departments, the code for
 * industries — a Japanese and an English label, and aliases. Member input is matched to a term at
 * write time (`canonicalTerm`: width, case, kana and spacing folded) and stored as its key, so
 * 営業, Sales and ｓａｌｅｓ are one skill everywhere (directory filters and facets, job fit,
 * people to meet, seating). Input matching no term stays free text, as typed.
 *
 * This list seeds the `vocabulary_terms` table (server/db/schema/vocabulary.ts) and is the
 * source of truth until terms can be edited by HR: it is small, reviewed like the kanji-variant
 * table (decision 028), and the browser needs it for labels and autocomplete without a request.
 */
export const VOCABULARY_KINDS = ['skill', 'industry', 'department'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export interface VocabularyTerm {
  kind: VocabularyKind;
  key: string;
  labelJa: string;
  labelEn: string;
  aliases: readonly string[];
}

type Row = readonly [labelEn: string, labelJa: string, ...aliases: string[]];

const SKILLS: readonly Row[] = [
  ['Sales', '営業', 'セールス', 'Sales representative'],
  ['Corporate Sales', '法人営業', 'B2B Sales', 'BtoB営業'],
  ['Solution Sales', 'ソリューション営業'],
  ['Account Management', 'アカウントマネジメント'],
  ['Customer Success', 'カスタマーサクセス', 'CS'],
  ['Business Development', '事業開発', 'BizDev'],
  ['New Business', '新規事業', '新規事業開発'],
  ['Negotiation', '交渉'],
  ['Presentation', 'プレゼンテーション', 'プレゼン'],
  ['Public Speaking', '人前で話すこと', 'スピーチ', '登壇'],
  ['Leadership', 'リーダーシップ'],
  ['Team Building', 'チームビルディング'],
  ['Coaching', 'コーチング'],
  ['Facilitation', 'ファシリテーション'],
  ['Project Management', 'プロジェクトマネジメント', 'PM', 'プロジェクト管理'],
  ['Product Management', 'プロダクトマネジメント', 'プロダクトマネージャー'],
  ['Marketing', 'マーケティング'],
  ['Digital Marketing', 'デジタルマーケティング'],
  ['Content Marketing', 'コンテンツマーケティング'],
  ['Branding', 'ブランディング'],
  ['Public Relations', '広報', 'PR'],
  ['Market Research', '市場調査'],
  ['UX Design', 'UXデザイン'],
  ['UI Design', 'UIデザイン'],
  ['Data Analysis', 'データ分析', 'データアナリティクス'],
  ['Machine Learning', '機械学習', 'ML'],
  ['Statistics', '統計解析', '統計'],
  ['Generative AI', '生成AI', 'GenAI'],
  ['Data Engineering', 'データエンジニアリング'],
  ['Digital Transformation', 'DX推進', 'DX'],
  ['Strategy Consulting', '戦略コンサルティング'],
  ['Business Strategy', '事業戦略', 'Strategy', '戦略立案'],
  ['Corporate Planning', '経営企画'],
  ['Process Improvement', '業務改善'],
  ['Change Management', 'チェンジマネジメント', '変革推進'],
  ['Logical Thinking', 'ロジカルシンキング'],
  ['System Design', 'システム設計'],
  ['Security', 'セキュリティ', '情報セキュリティ'],
  ['Networking', 'ネットワーク'],
  ['Infrastructure', 'インフラ構築', 'インフラ'],
  ['Test Automation', 'テスト自動化'],
  ['Requirements Definition', '要件定義'],
  ['Agile', 'アジャイル'],
  ['Scrum', 'スクラム'],
  ['Financial Analysis', '財務分析'],
  ['Management Accounting', '管理会計'],
  ['Tax', '税務'],
  ['Fundraising', '資金調達'],
  ['Legal', '法務'],
  ['Contract Review', '契約書レビュー'],
  ['Compliance', 'コンプライアンス'],
  ['Intellectual Property', '知的財産', '知財'],
  ['Data Protection', '個人情報保護', 'Privacy'],
  ['HR Policy Design', '人事制度設計'],
  ['Recruiting', '採用', 'Recruitment', 'Hiring'],
  ['Organisation Development', '組織開発', 'Organization Development'],
  ['Talent Development', '人材育成'],
  ['Labour Management', '労務管理', 'Labor Management'],
  ['Talent Management', 'タレントマネジメント'],
  ['Procurement', '調達', '購買'],
  ['International Business', '海外事業'],
  ['Global Management', 'グローバルマネジメント'],
  ['English', '英語'],
  ['Chinese', '中国語'],
  ['Interpreting', '通訳'],
  ['Translation', '翻訳'],
  ['Supply Chain', 'サプライチェーン', 'SCM'],
  ['Logistics', '物流'],
  ['Trade Operations', '貿易実務'],
  ['Sustainability', 'サステナビリティ'],
  ['Quality Control', '品質管理'],
  ['Production Management', '生産管理'],
  ['Lean', 'リーン'],
  ['Six Sigma', 'シックスシグマ'],
  ['Venture Investment', 'ベンチャー投資'],
  ['Healthcare IT', '医療IT'],
  ['Education', '教育'],
  ['Training', '研修講師'],
  ['Writing', '執筆'],
  ['Cloud Architecture', 'クラウドアーキテクチャ'],
  ['Management', 'マネジメント'],
  ['Social Media', 'SNS運用'],
  ['Pricing', '価格戦略'],
  // Names that are the same in both languages still get a term: their katakana spellings are aliases.
  ['TypeScript', 'TypeScript', 'タイプスクリプト'],
  ['JavaScript', 'JavaScript', 'ジャバスクリプト'],
  ['Python', 'Python', 'パイソン'],
  ['Java', 'Java', 'ジャバ'],
  ['Go', 'Go', 'Golang'],
  ['Rust', 'Rust'],
  ['SQL', 'SQL'],
  ['AWS', 'AWS', 'Amazon Web Services'],
  ['Azure', 'Azure'],
  ['Google Cloud', 'Google Cloud', 'GCP'],
  ['Kubernetes', 'Kubernetes', 'k8s'],
  ['Docker', 'Docker'],
  ['Terraform', 'Terraform'],
  ['React', 'React', 'React.js'],
  ['Node.js', 'Node.js', 'Node'],
  ['Excel', 'Excel', 'エクセル'],
  ['Salesforce', 'Salesforce', 'セールスフォース'],
  ['Figma', 'Figma'],
  ['SAP', 'SAP'],
  ['SRE', 'SRE'],
  ['DevOps', 'DevOps'],
];

const DEPARTMENTS: readonly Row[] = [
  ['Sales', '営業部'],
  ['Corporate Sales', '法人営業部'],
  ['Business Development', '事業開発部'],
  ['Customer Success', 'カスタマーサクセス部'],
  ['Marketing', 'マーケティング部'],
  ['Public Relations', '広報部'],
  ['Product Planning', '製品企画部'],
  ['Engineering', '技術開発本部'],
  ['IT', '情報システム部'],
  ['Quality Assurance', '品質保証部'],
  ['Research Lab', '研究所'],
  ['Data Science', 'データサイエンス室'],
  ['Digital Strategy', 'デジタル戦略本部'],
  ['Consulting', 'コンサルティング本部'],
  ['Corporate Planning', '経営企画部'],
  ['Human Resources', '人事部', 'HR'],
  ['Finance', '財務部'],
  ['Accounting', '経理部'],
  ['Legal', '法務部'],
  ['General Affairs', '総務部'],
  ['Procurement', '購買部'],
  ['International Business', '海外事業部'],
];

const INDUSTRY_LABELS: Record<Industry, readonly [string, string]> = {
  it: ['IT & software', 'IT・ソフトウェア'],
  consulting: ['Consulting', 'コンサルティング'],
  finance: ['Finance & insurance', '金融・保険'],
  manufacturing: ['Manufacturing', '製造'],
  retail: ['Retail & consumer', '小売・消費財'],
  healthcare: ['Healthcare', '医療・ヘルスケア'],
  education: ['Education', '教育'],
  public_sector: ['Public sector', '公共・行政'],
  media: ['Media & entertainment', 'メディア・エンタメ'],
  energy: ['Energy', 'エネルギー'],
  logistics: ['Logistics', '物流'],
  real_estate: ['Real estate', '不動産'],
  startup: ['Startup', 'スタートアップ'],
  nonprofit: ['Non-profit', 'NPO・非営利'],
  other: ['Other', 'その他'],
};

const fromRows = (kind: VocabularyKind, rows: readonly Row[]): VocabularyTerm[] =>
  rows.map(([labelEn, labelJa, ...aliases]) => ({ kind, key: labelEn, labelJa, labelEn, aliases }));

export const VOCABULARY: readonly VocabularyTerm[] = [
  ...fromRows('skill', SKILLS),
  ...fromRows('department', DEPARTMENTS),
  ...INDUSTRIES.map((code) => {
    const [labelEn, labelJa] = INDUSTRY_LABELS[code];
    return { kind: 'industry' as const, key: code, labelEn, labelJa, aliases: [] };
  }),
];

/** The matching form: NFKC, lower case, katakana as hiragana, no spaces, dots, hyphens or 中黒. */
export const termMatchKey = (input: string) => normalizeForSearch(input).replace(/[\s.\-_・･/]/g, '');

const byKind = new Map<VocabularyKind, Map<string, VocabularyTerm>>();
const byKey = new Map<VocabularyKind, Map<string, VocabularyTerm>>();
for (const kind of VOCABULARY_KINDS) {
  byKind.set(kind, new Map());
  byKey.set(kind, new Map());
}
for (const term of VOCABULARY) {
  byKey.get(term.kind)?.set(term.key, term);
  const index = byKind.get(term.kind);
  for (const spelling of [term.key, term.labelEn, term.labelJa, ...term.aliases]) {
    const k = termMatchKey(spelling);
    // The first term to claim a spelling keeps it (labels come before later terms' aliases).
    if (k && !index?.has(k)) index?.set(k, term);
  }
}

/** The term this input names (any label, alias or the key; width, case and kana folded), or none. */
export function findTerm(kind: VocabularyKind, input: string): VocabularyTerm | undefined {
  return byKind.get(kind)?.get(termMatchKey(input));
}

/** The stored form of an input: the term's key when it names one, else the input trimmed. */
export function canonicalTerm(kind: VocabularyKind, input: string): string {
  return findTerm(kind, input)?.key ?? input.trim();
}

/** Inputs to stored forms, each once, in the order first given. */
export function canonicalTerms(kind: VocabularyKind, inputs: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const value = canonicalTerm(kind, input);
    const k = termMatchKey(value);
    if (!value || seen.has(k)) continue;
    seen.add(k);
    out.push(value);
  }
  return out;
}

/** A stored value in the viewer's language: the term's label, or free text as stored. */
export function termLabel(kind: VocabularyKind, value: string, locale: 'ja' | 'en'): string {
  const term = byKey.get(kind)?.get(value);
  if (!term) return value;
  return locale === 'ja' ? term.labelJa : term.labelEn;
}

/**
 * Any stored value in the viewer's language: a key, or a value that names a term however written
 * (departments are stored as HR wrote them), shows as the term's label; anything else as stored.
 */
export function displayTerm(kind: VocabularyKind, value: string, locale: 'ja' | 'en'): string {
  const term = byKey.get(kind)?.get(value) ?? findTerm(kind, value);
  if (!term) return value;
  return locale === 'ja' ? term.labelJa : term.labelEn;
}

/** Every spelling of a stored value (both labels, aliases), for search documents in both languages. */
export function termSpellings(kind: VocabularyKind, value: string): string[] {
  const term = byKey.get(kind)?.get(value);
  if (!term) return [value];
  return [...new Set([term.key, term.labelJa, term.labelEn, ...term.aliases])];
}

/** Terms whose label or alias starts with (then contains) the typed text, for autocomplete. */
export function suggestTerms(kind: VocabularyKind, typed: string, limit = 8): VocabularyTerm[] {
  const q = termMatchKey(typed);
  if (!q) return [];
  const starts: VocabularyTerm[] = [];
  const contains: VocabularyTerm[] = [];
  for (const term of VOCABULARY) {
    if (term.kind !== kind) continue;
    const keys = [term.labelEn, term.labelJa, ...term.aliases].map(termMatchKey);
    if (keys.some((k) => k.startsWith(q))) starts.push(term);
    else if (keys.some((k) => k.includes(q))) contains.push(term);
  }
  return [...starts, ...contains].slice(0, limit);
}
