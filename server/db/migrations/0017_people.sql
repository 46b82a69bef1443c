CREATE TABLE "advice_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"hopes" text NOT NULL,
	"time_frame" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_message" text,
	"conversation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "advice_requests_not_self" CHECK ("advice_requests"."from_id" <> "advice_requests"."to_id")
);
--> statement-breakpoint
CREATE TABLE "people_suggestion_impressions" (
	"member_id" text NOT NULL,
	"candidate_id" text NOT NULL,
	"shown" integer DEFAULT 0 NOT NULL,
	"last_shown_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	CONSTRAINT "people_suggestion_impressions_member_id_candidate_id_pk" PRIMARY KEY("member_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "people_suggestion_runs" (
	"member_id" text PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_suggestions" (
	"member_id" text NOT NULL,
	"candidate_id" text NOT NULL,
	"list" text NOT NULL,
	"score" real NOT NULL,
	"terms" jsonb NOT NULL,
	"facets" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "people_suggestions_member_id_list_candidate_id_pk" PRIMARY KEY("member_id","list","candidate_id"),
	CONSTRAINT "people_suggestions_not_self" CHECK ("people_suggestions"."member_id" <> "people_suggestions"."candidate_id")
);
--> statement-breakpoint
CREATE TABLE "profile_photos" (
	"user_id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"large" "bytea" NOT NULL,
	"small" "bytea" NOT NULL,
	"side" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"employer" text NOT NULL,
	"title" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_positions_dates" CHECK ("profile_positions"."ended_on" is null or "profile_positions"."ended_on" >= "profile_positions"."started_on")
);
--> statement-breakpoint
CREATE TABLE "vocabulary_terms" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"label_ja" text NOT NULL,
	"label_en" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "vocabulary_terms_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_from_id_users_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_to_id_users_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestion_impressions" ADD CONSTRAINT "people_suggestion_impressions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestion_impressions" ADD CONSTRAINT "people_suggestion_impressions_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestion_runs" ADD CONSTRAINT "people_suggestion_runs_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestions" ADD CONSTRAINT "people_suggestions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestions" ADD CONSTRAINT "people_suggestions_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_photos" ADD CONSTRAINT "profile_photos_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_positions" ADD CONSTRAINT "profile_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advice_requests_pending_idx" ON "advice_requests" USING btree ("from_id","to_id","kind") WHERE "advice_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "advice_requests_to_idx" ON "advice_requests" USING btree ("to_id","created_at");--> statement-breakpoint
CREATE INDEX "advice_requests_from_idx" ON "advice_requests" USING btree ("from_id","created_at");--> statement-breakpoint
CREATE INDEX "advice_requests_created_idx" ON "advice_requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "people_suggestion_impressions_candidate_idx" ON "people_suggestion_impressions" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "people_suggestions_candidate_idx" ON "people_suggestions" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "profile_positions_user_idx" ON "profile_positions" USING btree ("user_id","started_on");--> statement-breakpoint
-- The seed of the vocabulary (common/vocabulary.ts, decision 041).
INSERT INTO "vocabulary_terms" ("kind", "key", "label_ja", "label_en", "aliases") VALUES
('skill', 'Sales', '営業', 'Sales', ARRAY['セールス', 'Sales representative']::text[]),
('skill', 'Corporate Sales', '法人営業', 'Corporate Sales', ARRAY['B2B Sales', 'BtoB営業']::text[]),
('skill', 'Solution Sales', 'ソリューション営業', 'Solution Sales', ARRAY[]::text[]),
('skill', 'Account Management', 'アカウントマネジメント', 'Account Management', ARRAY[]::text[]),
('skill', 'Customer Success', 'カスタマーサクセス', 'Customer Success', ARRAY['CS']::text[]),
('skill', 'Business Development', '事業開発', 'Business Development', ARRAY['BizDev']::text[]),
('skill', 'New Business', '新規事業', 'New Business', ARRAY['新規事業開発']::text[]),
('skill', 'Negotiation', '交渉', 'Negotiation', ARRAY[]::text[]),
('skill', 'Presentation', 'プレゼンテーション', 'Presentation', ARRAY['プレゼン']::text[]),
('skill', 'Public Speaking', '人前で話すこと', 'Public Speaking', ARRAY['スピーチ', '登壇']::text[]),
('skill', 'Leadership', 'リーダーシップ', 'Leadership', ARRAY[]::text[]),
('skill', 'Team Building', 'チームビルディング', 'Team Building', ARRAY[]::text[]),
('skill', 'Coaching', 'コーチング', 'Coaching', ARRAY[]::text[]),
('skill', 'Facilitation', 'ファシリテーション', 'Facilitation', ARRAY[]::text[]),
('skill', 'Project Management', 'プロジェクトマネジメント', 'Project Management', ARRAY['PM', 'プロジェクト管理']::text[]),
('skill', 'Product Management', 'プロダクトマネジメント', 'Product Management', ARRAY['プロダクトマネージャー']::text[]),
('skill', 'Marketing', 'マーケティング', 'Marketing', ARRAY[]::text[]),
('skill', 'Digital Marketing', 'デジタルマーケティング', 'Digital Marketing', ARRAY[]::text[]),
('skill', 'Content Marketing', 'コンテンツマーケティング', 'Content Marketing', ARRAY[]::text[]),
('skill', 'Branding', 'ブランディング', 'Branding', ARRAY[]::text[]),
('skill', 'Public Relations', '広報', 'Public Relations', ARRAY['PR']::text[]),
('skill', 'Market Research', '市場調査', 'Market Research', ARRAY[]::text[]),
('skill', 'UX Design', 'UXデザイン', 'UX Design', ARRAY[]::text[]),
('skill', 'UI Design', 'UIデザイン', 'UI Design', ARRAY[]::text[]),
('skill', 'Data Analysis', 'データ分析', 'Data Analysis', ARRAY['データアナリティクス']::text[]),
('skill', 'Machine Learning', '機械学習', 'Machine Learning', ARRAY['ML']::text[]),
('skill', 'Statistics', '統計解析', 'Statistics', ARRAY['統計']::text[]),
('skill', 'Generative AI', '生成AI', 'Generative AI', ARRAY['GenAI']::text[]),
('skill', 'Data Engineering', 'データエンジニアリング', 'Data Engineering', ARRAY[]::text[]),
('skill', 'Digital Transformation', 'DX推進', 'Digital Transformation', ARRAY['DX']::text[]),
('skill', 'Strategy Consulting', '戦略コンサルティング', 'Strategy Consulting', ARRAY[]::text[]),
('skill', 'Business Strategy', '事業戦略', 'Business Strategy', ARRAY['Strategy', '戦略立案']::text[]),
('skill', 'Corporate Planning', '経営企画', 'Corporate Planning', ARRAY[]::text[]),
('skill', 'Process Improvement', '業務改善', 'Process Improvement', ARRAY[]::text[]),
('skill', 'Change Management', 'チェンジマネジメント', 'Change Management', ARRAY['変革推進']::text[]),
('skill', 'Logical Thinking', 'ロジカルシンキング', 'Logical Thinking', ARRAY[]::text[]),
('skill', 'System Design', 'システム設計', 'System Design', ARRAY[]::text[]),
('skill', 'Security', 'セキュリティ', 'Security', ARRAY['情報セキュリティ']::text[]),
('skill', 'Networking', 'ネットワーク', 'Networking', ARRAY[]::text[]),
('skill', 'Infrastructure', 'インフラ構築', 'Infrastructure', ARRAY['インフラ']::text[]),
('skill', 'Test Automation', 'テスト自動化', 'Test Automation', ARRAY[]::text[]),
('skill', 'Requirements Definition', '要件定義', 'Requirements Definition', ARRAY[]::text[]),
('skill', 'Agile', 'アジャイル', 'Agile', ARRAY[]::text[]),
('skill', 'Scrum', 'スクラム', 'Scrum', ARRAY[]::text[]),
('skill', 'Financial Analysis', '財務分析', 'Financial Analysis', ARRAY[]::text[]),
('skill', 'Management Accounting', '管理会計', 'Management Accounting', ARRAY[]::text[]),
('skill', 'Tax', '税務', 'Tax', ARRAY[]::text[]),
('skill', 'Fundraising', '資金調達', 'Fundraising', ARRAY[]::text[]),
('skill', 'Legal', '法務', 'Legal', ARRAY[]::text[]),
('skill', 'Contract Review', '契約書レビュー', 'Contract Review', ARRAY[]::text[]),
('skill', 'Compliance', 'コンプライアンス', 'Compliance', ARRAY[]::text[]),
('skill', 'Intellectual Property', '知的財産', 'Intellectual Property', ARRAY['知財']::text[]),
('skill', 'Data Protection', '個人情報保護', 'Data Protection', ARRAY['Privacy']::text[]),
('skill', 'HR Policy Design', '人事制度設計', 'HR Policy Design', ARRAY[]::text[]),
('skill', 'Recruiting', '採用', 'Recruiting', ARRAY['Recruitment', 'Hiring']::text[]),
('skill', 'Organisation Development', '組織開発', 'Organisation Development', ARRAY['Organization Development']::text[]),
('skill', 'Talent Development', '人材育成', 'Talent Development', ARRAY[]::text[]),
('skill', 'Labour Management', '労務管理', 'Labour Management', ARRAY['Labor Management']::text[]),
('skill', 'Talent Management', 'タレントマネジメント', 'Talent Management', ARRAY[]::text[]),
('skill', 'Procurement', '調達', 'Procurement', ARRAY['購買']::text[]),
('skill', 'International Business', '海外事業', 'International Business', ARRAY[]::text[]),
('skill', 'Global Management', 'グローバルマネジメント', 'Global Management', ARRAY[]::text[]),
('skill', 'English', '英語', 'English', ARRAY[]::text[]),
('skill', 'Chinese', '中国語', 'Chinese', ARRAY[]::text[]),
('skill', 'Interpreting', '通訳', 'Interpreting', ARRAY[]::text[]),
('skill', 'Translation', '翻訳', 'Translation', ARRAY[]::text[]),
('skill', 'Supply Chain', 'サプライチェーン', 'Supply Chain', ARRAY['SCM']::text[]),
('skill', 'Logistics', '物流', 'Logistics', ARRAY[]::text[]),
('skill', 'Trade Operations', '貿易実務', 'Trade Operations', ARRAY[]::text[]),
('skill', 'Sustainability', 'サステナビリティ', 'Sustainability', ARRAY[]::text[]),
('skill', 'Quality Control', '品質管理', 'Quality Control', ARRAY[]::text[]),
('skill', 'Production Management', '生産管理', 'Production Management', ARRAY[]::text[]),
('skill', 'Lean', 'リーン', 'Lean', ARRAY[]::text[]),
('skill', 'Six Sigma', 'シックスシグマ', 'Six Sigma', ARRAY[]::text[]),
('skill', 'Venture Investment', 'ベンチャー投資', 'Venture Investment', ARRAY[]::text[]),
('skill', 'Healthcare IT', '医療IT', 'Healthcare IT', ARRAY[]::text[]),
('skill', 'Education', '教育', 'Education', ARRAY[]::text[]),
('skill', 'Training', '研修講師', 'Training', ARRAY[]::text[]),
('skill', 'Writing', '執筆', 'Writing', ARRAY[]::text[]),
('skill', 'Cloud Architecture', 'クラウドアーキテクチャ', 'Cloud Architecture', ARRAY[]::text[]),
('skill', 'Management', 'マネジメント', 'Management', ARRAY[]::text[]),
('skill', 'Social Media', 'SNS運用', 'Social Media', ARRAY[]::text[]),
('skill', 'Pricing', '価格戦略', 'Pricing', ARRAY[]::text[]),
('skill', 'TypeScript', 'TypeScript', 'TypeScript', ARRAY['タイプスクリプト']::text[]),
('skill', 'JavaScript', 'JavaScript', 'JavaScript', ARRAY['ジャバスクリプト']::text[]),
('skill', 'Python', 'Python', 'Python', ARRAY['パイソン']::text[]),
('skill', 'Java', 'Java', 'Java', ARRAY['ジャバ']::text[]),
('skill', 'Go', 'Go', 'Go', ARRAY['Golang']::text[]),
('skill', 'Rust', 'Rust', 'Rust', ARRAY[]::text[]),
('skill', 'SQL', 'SQL', 'SQL', ARRAY[]::text[]),
('skill', 'AWS', 'AWS', 'AWS', ARRAY['Amazon Web Services']::text[]),
('skill', 'Azure', 'Azure', 'Azure', ARRAY[]::text[]),
('skill', 'Google Cloud', 'Google Cloud', 'Google Cloud', ARRAY['GCP']::text[]),
('skill', 'Kubernetes', 'Kubernetes', 'Kubernetes', ARRAY['k8s']::text[]),
('skill', 'Docker', 'Docker', 'Docker', ARRAY[]::text[]),
('skill', 'Terraform', 'Terraform', 'Terraform', ARRAY[]::text[]),
('skill', 'React', 'React', 'React', ARRAY['React.js']::text[]),
('skill', 'Node.js', 'Node.js', 'Node.js', ARRAY['Node']::text[]),
('skill', 'Excel', 'Excel', 'Excel', ARRAY['エクセル']::text[]),
('skill', 'Salesforce', 'Salesforce', 'Salesforce', ARRAY['セールスフォース']::text[]),
('skill', 'Figma', 'Figma', 'Figma', ARRAY[]::text[]),
('skill', 'SAP', 'SAP', 'SAP', ARRAY[]::text[]),
('skill', 'SRE', 'SRE', 'SRE', ARRAY[]::text[]),
('skill', 'DevOps', 'DevOps', 'DevOps', ARRAY[]::text[]),
('department', 'Sales', '営業部', 'Sales', ARRAY[]::text[]),
('department', 'Corporate Sales', '法人営業部', 'Corporate Sales', ARRAY[]::text[]),
('department', 'Business Development', '事業開発部', 'Business Development', ARRAY[]::text[]),
('department', 'Customer Success', 'カスタマーサクセス部', 'Customer Success', ARRAY[]::text[]),
('department', 'Marketing', 'マーケティング部', 'Marketing', ARRAY[]::text[]),
('department', 'Public Relations', '広報部', 'Public Relations', ARRAY[]::text[]),
('department', 'Product Planning', '製品企画部', 'Product Planning', ARRAY[]::text[]),
('department', 'Engineering', '技術開発本部', 'Engineering', ARRAY[]::text[]),
('department', 'IT', '情報システム部', 'IT', ARRAY[]::text[]),
('department', 'Quality Assurance', '品質保証部', 'Quality Assurance', ARRAY[]::text[]),
('department', 'Research Lab', '研究所', 'Research Lab', ARRAY[]::text[]),
('department', 'Data Science', 'データサイエンス室', 'Data Science', ARRAY[]::text[]),
('department', 'Digital Strategy', 'デジタル戦略本部', 'Digital Strategy', ARRAY[]::text[]),
('department', 'Consulting', 'コンサルティング本部', 'Consulting', ARRAY[]::text[]),
('department', 'Corporate Planning', '経営企画部', 'Corporate Planning', ARRAY[]::text[]),
('department', 'Human Resources', '人事部', 'Human Resources', ARRAY['HR']::text[]),
('department', 'Finance', '財務部', 'Finance', ARRAY[]::text[]),
('department', 'Accounting', '経理部', 'Accounting', ARRAY[]::text[]),
('department', 'Legal', '法務部', 'Legal', ARRAY[]::text[]),
('department', 'General Affairs', '総務部', 'General Affairs', ARRAY[]::text[]),
('department', 'Procurement', '購買部', 'Procurement', ARRAY[]::text[]),
('department', 'International Business', '海外事業部', 'International Business', ARRAY[]::text[]),
('industry', 'it', 'IT・ソフトウェア', 'IT & software', ARRAY[]::text[]),
('industry', 'consulting', 'コンサルティング', 'Consulting', ARRAY[]::text[]),
('industry', 'finance', '金融・保険', 'Finance & insurance', ARRAY[]::text[]),
('industry', 'manufacturing', '製造', 'Manufacturing', ARRAY[]::text[]),
('industry', 'retail', '小売・消費財', 'Retail & consumer', ARRAY[]::text[]),
('industry', 'healthcare', '医療・ヘルスケア', 'Healthcare', ARRAY[]::text[]),
('industry', 'education', '教育', 'Education', ARRAY[]::text[]),
('industry', 'public_sector', '公共・行政', 'Public sector', ARRAY[]::text[]),
('industry', 'media', 'メディア・エンタメ', 'Media & entertainment', ARRAY[]::text[]),
('industry', 'energy', 'エネルギー', 'Energy', ARRAY[]::text[]),
('industry', 'logistics', '物流', 'Logistics', ARRAY[]::text[]),
('industry', 'real_estate', '不動産', 'Real estate', ARRAY[]::text[]),
('industry', 'startup', 'スタートアップ', 'Startup', ARRAY[]::text[]),
('industry', 'nonprofit', 'NPO・非営利', 'Non-profit', ARRAY[]::text[]),
('industry', 'other', 'その他', 'Other', ARRAY[]::text[])
ON CONFLICT DO NOTHING;
