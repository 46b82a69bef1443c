/**
 * Fake member data: the one source of fake people for tests and the demo seed (STYLE.md).
 * Deterministic for a given seed, and cheap: every list is prepared once at module load, so a
 * member costs a few dozen `r()` calls and string templates (300,000 members in about a second).
 * Every company, person and address here is made up; the lists only mimic what a Japanese
 * company's alumni network looks like (mostly Japanese, a quarter from elsewhere).
 */
import { deriveRomaji } from '#common/names';
import type { VisibilityMap } from '#common/profiles';
import type { Industry } from '#common/reference';
import type { Role } from '#common/roles';
import type { NewMember } from '#server/features/members/members.service';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same people. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

/** The demo's "today": leavers leave after it, alumni left before it. */
export const FAKE_TODAY = '2026-11-24';

/** A picker over `items` where earlier items are likelier (weight 1/(rank+k), roughly Zipf). */
function zipf<T>(items: readonly T[], k: number) {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += 1 / (i + k);
    cumulative.push(total);
  }
  return (r: () => number): T => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

/** A picker over explicit weights: `[[value, weight], …]`. */
function weighted<T>(entries: readonly (readonly [T, number])[]) {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return (r: () => number): T => {
    let x = r() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  };
}

/** `n` distinct items from `list` (n is small; retries on a repeat). */
function distinct<T>(r: () => number, list: readonly T[], n: number, into: T[] = []): T[] {
  const wanted = Math.min(into.length + n, list.length);
  while (into.length < wanted) {
    const item = pick(r, list);
    if (!into.includes(item)) into.push(item);
  }
  return into;
}

const asciiSlug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

// ─── Names ───────────────────────────────────────────────────────────────────────────────────

interface Name {
  text: string;
  kana: string | null;
  /** Lower-case ASCII, for e-mail addresses. */
  slug: string;
}

/** `'田中:たなか'` → a name whose romaji comes from the reading, as the service derives it. */
const japanese = (entry: string): Name => {
  const [text = '', kana = ''] = entry.split(':');
  return { text, kana, slug: asciiSlug(deriveRomaji(text, kana, null) ?? text) };
};
/** `'Smith:スミス'`, `'Wang'` or `'de_Vries'` (a space) → a Latin name, katakana reading optional. */
const latin = (entry: string): Name => {
  const [raw = '', kana] = entry.split(':');
  const text = raw.replaceAll('_', ' ');
  return { text, kana: kana ?? null, slug: asciiSlug(text) };
};
const names = (list: string, make: (entry: string) => Name) => list.trim().split(/\s+/).map(make);

// Roughly by frequency: the first names in the list come up most often.
const JAPANESE_FAMILY = names(
  `佐藤:さとう 鈴木:すずき 高橋:たかはし 田中:たなか 伊藤:いとう 渡辺:わたなべ 山本:やまもと 中村:なかむら
  小林:こばやし 加藤:かとう 吉田:よしだ 山田:やまだ 佐々木:ささき 山口:やまぐち 松本:まつもと 井上:いのうえ
  木村:きむら 林:はやし 斎藤:さいとう 清水:しみず 山崎:やまざき 森:もり 池田:いけだ 橋本:はしもと 阿部:あべ
  石川:いしかわ 山下:やました 中島:なかじま 石井:いしい 小川:おがわ 前田:まえだ 岡田:おかだ 長谷川:はせがわ
  藤田:ふじた 後藤:ごとう 近藤:こんどう 村上:むらかみ 遠藤:えんどう 青木:あおき 坂本:さかもと 斉藤:さいとう
  福田:ふくだ 太田:おおた 西村:にしむら 藤井:ふじい 金子:かねこ 岡本:おかもと 藤原:ふじわら 中野:なかの
  三浦:みうら 原田:はらだ 中川:なかがわ 松田:まつだ 竹内:たけうち 小野:おの 田村:たむら 中山:なかやま
  和田:わだ 石田:いしだ 森田:もりた 上田:うえだ 原:はら 内田:うちだ 柴田:しばた 酒井:さかい 宮崎:みやざき
  横山:よこやま 高木:たかぎ 安藤:あんどう 宮本:みやもと 大野:おおの 小島:こじま 谷口:たにぐち 工藤:くどう
  今井:いまい 高田:たかだ 増田:ますだ 丸山:まるやま 杉山:すぎやま 村田:むらた 大塚:おおつか 新井:あらい
  小山:こやま 平野:ひらの 藤本:ふじもと 河野:こうの 上野:うえの 野口:のぐち 武田:たけだ 松井:まつい
  千葉:ちば 岩崎:いわさき 菅原:すがわら 木下:きのした 久保:くぼ 佐野:さの 野村:のむら 松尾:まつお
  市川:いちかわ 菊地:きくち 杉本:すぎもと 古川:ふるかわ 大西:おおにし 島田:しまだ 水野:みずの 桜井:さくらい
  高野:たかの 渡部:わたなべ 吉川:よしかわ 山内:やまうち 西田:にしだ 飯田:いいだ 菊池:きくち 西川:にしかわ
  小松:こまつ 北村:きたむら 安田:やすだ 五十嵐:いがらし 川口:かわぐち 平田:ひらた 関:せき 中田:なかた
  久保田:くぼた 東:あずま 服部:はっとり 川崎:かわさき 岩田:いわた 土屋:つちや 福島:ふくしま 本田:ほんだ
  辻:つじ 樋口:ひぐち 秋山:あきやま 田口:たぐち 永井:ながい 山中:やまなか 中西:なかにし 吉村:よしむら
  川上:かわかみ 石原:いしはら 大橋:おおはし 松岡:まつおか 馬場:ばば 浅野:あさの 荒木:あらき 大久保:おおくぼ
  野田:のだ 小沢:おざわ 田辺:たなべ 川村:かわむら 星野:ほしの 黒田:くろだ 堀:ほり 尾崎:おざき 望月:もちづき
  永田:ながた 熊谷:くまがい 内藤:ないとう 松村:まつむら 西山:にしやま 大谷:おおたに 平井:ひらい 大島:おおしま
  岩本:いわもと 片山:かたやま 本間:ほんま 早川:はやかわ 横田:よこた 岡崎:おかざき 荒井:あらい 大石:おおいし
  鎌田:かまた 成田:なりた 宮田:みやた 小田:おだ 石橋:いしばし 篠原:しのはら 須藤:すどう 河合:かわい
  大川:おおかわ 高山:たかやま 桑原:くわばら 宮下:みやした 林田:はやしだ 若林:わかばやし 森本:もりもと
  森下:もりした 田島:たじま 小池:こいけ 内山:うちやま 松下:まつした 田代:たしろ 神田:かんだ 緒方:おがた
  長尾:ながお 宇野:うの 徳永:とくなが 泉:いずみ 南:みなみ 西:にし 岸:きし 谷:たに 佐久間:さくま
  宇佐美:うさみ 長谷部:はせべ 阿久津:あくつ 二階堂:にかいどう 小早川:こばやかわ 勅使河原:てしがわら`,
  japanese,
);

const JAPANESE_GIVEN_MALE = names(
  `太郎:たろう 一郎:いちろう 健太:けんた 翔太:しょうた 大輔:だいすけ 拓也:たくや 直樹:なおき 健一:けんいち
  誠:まこと 浩:ひろし 隆:たかし 修:おさむ 学:まなぶ 剛:つよし 亮:りょう 翔:しょう 蓮:れん 大翔:ひろと
  悠真:ゆうま 陽翔:はると 湊:みなと 樹:いつき 颯太:そうた 大和:やまと 陸:りく 悠斗:ゆうと 海斗:かいと
  拓海:たくみ 健:けん 和也:かずや 達也:たつや 哲也:てつや 雄一:ゆういち 裕太:ゆうた 智也:ともや
  康介:こうすけ 慎也:しんや 俊介:しゅんすけ 亮太:りょうた 隼人:はやと 裕介:ゆうすけ 洋平:ようへい
  和彦:かずひこ 正樹:まさき 秀樹:ひでき 博之:ひろゆき 浩二:こうじ 義男:よしお 茂:しげる 清:きよし
  実:みのる 勇気:ゆうき 聡:さとし 勝:まさる 光:ひかる 淳:じゅん 徹:とおる 豊:ゆたか 昭:あきら
  正人:まさと 涼介:りょうすけ 圭:けい 航:わたる 直人:なおと 賢治:けんじ 大地:だいち 創:はじめ
  駿:しゅん 蒼:あおい 陽太:ようた 恭平:きょうへい 翼:つばさ 啓介:けいすけ 卓也:たくや 優斗:ゆうと
  一輝:かずき 雅人:まさと 克也:かつや 純一:じゅんいち 信行:のぶゆき`,
  japanese,
);

const JAPANESE_GIVEN_FEMALE = names(
  `花子:はなこ 美咲:みさき 陽子:ようこ 恵子:けいこ 由美:ゆみ 裕子:ゆうこ 直美:なおみ 久美子:くみこ
  真由美:まゆみ 明美:あけみ 智子:ともこ 幸子:さちこ 和子:かずこ 洋子:ようこ 京子:きょうこ 美穂:みほ
  香織:かおり 愛:あい 彩:あや 舞:まい 麻衣:まい 優子:ゆうこ 千尋:ちひろ 沙織:さおり 美香:みか 恵:めぐみ
  瞳:ひとみ 綾香:あやか 詩織:しおり 遥:はるか 葵:あおい 結衣:ゆい 陽菜:ひな 結菜:ゆいな 凛:りん
  咲良:さくら 芽衣:めい 美月:みづき 莉子:りこ 楓:かえで 紬:つむぎ 杏:あん 結愛:ゆあ 心春:こはる
  七海:ななみ 彩花:あやか 真央:まお 未来:みく 玲奈:れいな 亜美:あみ 絵美:えみ 理恵:りえ 奈々:なな
  梨沙:りさ 愛美:まなみ 麻美:あさみ 由香:ゆか 加奈子:かなこ 友美:ともみ 典子:のりこ 純子:じゅんこ
  美和:みわ 里美:さとみ 由紀:ゆき 夏美:なつみ 桃子:ももこ 彩乃:あやの 沙也加:さやか 千夏:ちなつ
  菜々子:ななこ 春香:はるか 明日香:あすか 日向:ひなた さくら:さくら ひかり:ひかり あかり:あかり 萌:もえ
  茜:あかね 静香:しずか 朱里:あかり 早紀:さき 千春:ちはる 佳奈:かな 美樹:みき`,
  japanese,
);

interface Origin {
  given: Name[];
  family: Name[];
  /** Countries people of this origin live in outside Japan, first = most likely. */
  countries: string[];
  languages: string[];
  locale: 'ja' | 'en';
}

const origin = (
  given: string,
  family: string,
  countries: string,
  languages: string,
  locale: 'ja' | 'en' = 'en',
): Origin => ({
  given: names(given, latin),
  family: names(family, latin),
  countries: countries.split(' '),
  languages: languages.split(' '),
  locale,
});

// Latin names; a katakana reading after ':' where one is usual in Japan (HR does not always record it).
const ORIGINS = {
  english: origin(
    `James:ジェームズ John:ジョン Robert:ロバート Michael:マイケル William:ウィリアム David:デイビッド
    Richard:リチャード Thomas:トーマス Daniel:ダニエル Matthew:マシュー Andrew:アンドリュー Christopher
    Benjamin:ベンジャミン Samuel:サミュエル Oliver:オリバー Jack:ジャック Emma:エマ Olivia:オリビア
    Sophie:ソフィー Charlotte:シャーロット Emily:エミリー Sarah:サラ Jessica:ジェシカ Laura:ローラ
    Hannah:ハンナ Rachel:レイチェル Grace:グレース Lucy:ルーシー Katherine Amelia:アメリア`,
    `Smith:スミス Johnson:ジョンソン Williams:ウィリアムズ Brown:ブラウン Jones:ジョーンズ Miller:ミラー
    Davis:デイビス Wilson:ウィルソン Taylor:テイラー Anderson:アンダーソン Thomas:トーマス Moore:ムーア
    Martin:マーティン Thompson:トンプソン White:ホワイト Harris:ハリス Clark:クラーク Lewis:ルイス
    Walker:ウォーカー Hall:ホール Young:ヤング King:キング Wright:ライト Scott:スコット Green:グリーン
    Baker:ベイカー Adams:アダムス Campbell:キャンベル Mitchell:ミッチェル Roberts Evans:エバンス
    Murphy:マーフィー O'Brien Kelly:ケリー Hughes Cooper:クーパー`,
    'US US US GB GB AU CA NZ IE SG',
    'en',
  ),
  chinese: origin(
    `Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Jie Tao Ming Chao Xiuying Xiaoming Yifan Haoran
    Zihan Yuxuan Jiayi Xinyi Hao Yan Lan Hui Ying`,
    `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo Zheng Liang`,
    'CN CN CN TW SG HK MY',
    'zh',
  ),
  indian: origin(
    `Aarav Vivaan Aditya Arjun Rohan Rahul Amit Vikram Sanjay Karthik Suresh Priya Ananya Divya Kavya
    Neha Pooja Sneha Deepika Anjali Lakshmi Meera`,
    `Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Rao Mehta Shah Joshi Desai Chopra Banerjee Mukherjee
    Menon Pillai Verma Agarwal`,
    'IN IN IN SG US AE GB',
    'hi ta te',
  ),
  brazilian: origin(
    `João:ジョアン Pedro:ペドロ Lucas:ルーカス Gabriel:ガブリエル Rafael:ラファエル Mateus Gustavo:グスタボ
    Felipe:フェリペ Bruno:ブルーノ Thiago:チアゴ Ana:アナ Maria:マリア Juliana:ジュリアナ Fernanda
    Camila:カミラ Beatriz Larissa Mariana:マリアナ Letícia Carolina:カロリーナ`,
    `Silva:シルバ Santos:サントス Oliveira:オリベイラ Souza:ソウザ Lima:リマ Pereira:ペレイラ Costa:コスタ
    Ferreira:フェレイラ Rodrigues Almeida:アルメイダ Nascimento Carvalho Gomes:ゴメス Ribeiro Martins
    Araújo Barbosa Rocha`,
    'BR BR BR PT',
    'pt',
  ),
  // Japanese-Brazilian and Japanese-American families: Latin given names, Japanese surnames.
  nikkei: origin(
    `Lucas:ルーカス Gabriel:ガブリエル Bruno:ブルーノ Thiago:チアゴ Ana:アナ Juliana:ジュリアナ
    Mariana:マリアナ Erika:エリカ Kevin:ケビン Ryan:ライアン Emily:エミリー Kenji:ケンジ Naomi:ナオミ`,
    `Tanaka:タナカ Suzuki:スズキ Nakamura:ナカムラ Yamamoto:ヤマモト Watanabe:ワタナベ Sato:サトウ
    Ito:イトウ Kato:カトウ Kobayashi:コバヤシ Yoshida:ヨシダ Matsumoto:マツモト Inoue:イノウエ
    Kimura:キムラ Hayashi:ハヤシ Shimizu:シミズ Yamada:ヤマダ Higa:ヒガ Oshiro:オオシロ`,
    'BR BR US US PE',
    'pt es en',
  ),
  german: origin(
    `Lukas:ルーカス Jonas:ヨナス Leon:レオン Maximilian Felix:フェリックス Paul:パウル Tobias:トビアス
    Stefan:シュテファン Andreas:アンドレアス Markus:マルクス Jürgen Anna:アンナ Lena:レナ Julia:ユリア
    Sophie:ゾフィー Katharina Sabine:ザビーネ Claudia:クラウディア Johanna:ヨハンナ`,
    `Müller:ミュラー Schmidt:シュミット Schneider:シュナイダー Fischer:フィッシャー Weber:ウェーバー
    Meyer:マイヤー Wagner:ワグナー Becker:ベッカー Schulz:シュルツ Hoffmann:ホフマン Koch:コッホ
    Bauer:バウアー Richter:リヒター Klein:クライン Wolf:ヴォルフ Schröder Neumann:ノイマン Schwarz
    Zimmermann Braun:ブラウン`,
    'DE DE DE AT CH',
    'de',
  ),
  french: origin(
    `Louis:ルイ Hugo:ユーゴ Jules:ジュール Antoine:アントワーヌ Pierre:ピエール Nicolas:ニコラ
    Julien:ジュリアン Mathieu:マチュー François:フランソワ Jean-Baptiste Camille:カミーユ Chloé:クロエ
    Manon:マノン Léa:レア Inès Élise:エリーズ Claire:クレール Margaux:マルゴー Céline:セリーヌ`,
    `Martin:マルタン Bernard:ベルナール Dubois:デュボワ Durand:デュラン Lefebvre Leroy:ルロワ
    Moreau:モロー Simon:シモン Laurent:ローラン Michel:ミシェル Roux:ルー Fournier:フルニエ Girard:ジラール
    Bonnet:ボネ Dupont:デュポン Lambert:ランベール Fontaine:フォンテーヌ Rousseau:ルソー Vincent`,
    'FR FR FR BE CA CH',
    'fr',
  ),
  spanish: origin(
    `Alejandro:アレハンドロ Carlos:カルロス Javier:ハビエル Miguel:ミゲル Diego:ディエゴ Pablo:パブロ
    Sergio:セルヒオ Andrés Mateo:マテオ Lucía:ルシア Sofía:ソフィア Valentina:バレンティナ Isabella
    Martina:マルティナ Carmen:カルメン Elena:エレナ Paula:パウラ`,
    `García:ガルシア Rodríguez:ロドリゲス Martínez:マルティネス López:ロペス González:ゴンサレス
    Hernández:エルナンデス Pérez:ペレス Sánchez:サンチェス Ramírez Torres:トーレス Flores:フローレス
    Rivera:リベラ Gómez:ゴメス Díaz:ディアス Morales:モラレス Jiménez Ruiz:ルイス Álvarez Romero:ロメロ
    Vargas:バルガス`,
    'ES ES MX MX AR CL CO PE US',
    'es',
  ),
  korean: origin(
    `Min-jun Seo-yeon Ji-ho Ha-eun Jae-won Soo-jin Hyun-woo Ji-young Dong-hyun Eun-ji Sung-min Yu-na`,
    `Kim:キム Lee:イ Park:パク Choi:チェ Jung:チョン Kang:カン Cho:チョ Yoon:ユン Jang:チャン Lim:イム
    Han:ハン Shin:シン`,
    'KR KR KR US',
    'ko',
  ),
  vietnamese: origin(
    `Anh Minh Linh Huong Thao Duc Tuan Hoa Quang Trang Hieu Phuong`,
    `Nguyen:グエン Tran:チャン Le:レ Pham:ファム Hoang:ホアン Phan:ファン Vu:ヴー Dang:ダン Bui:ブイ Do:ドー`,
    'VN VN SG',
    'vi',
  ),
  italian: origin(
    `Marco:マルコ Luca:ルカ Alessandro Matteo:マッテオ Giulia:ジュリア Francesca:フランチェスカ Chiara:キアラ
    Sara:サラ`,
    `Rossi:ロッシ Russo:ルッソ Ferrari:フェラーリ Esposito Bianchi:ビアンキ Romano:ロマーノ Colombo Ricci:リッチ`,
    'IT IT CH',
    'it',
  ),
  dutch: origin(
    `Daan Sem Thijs Lotte Sanne Eva:エヴァ Bram Femke`,
    `de_Jong Jansen de_Vries van_den_Berg Bakker Visser Smit Mulder`,
    'NL NL BE',
    'nl',
  ),
  nordic: origin(
    `Erik:エリック Lars:ラース Anders:アンダース Johan:ヨハン Astrid:アストリッド Ingrid:イングリッド
    Karin:カリン Sofia:ソフィア`,
    `Andersson:アンダーソン Johansson:ヨハンソン Karlsson Nilsson:ニルソン Eriksson Larsen Hansen:ハンセン
    Nielsen:ニールセン`,
    'SE SE NO DK FI',
    'sv no da fi',
  ),
  thai: origin(
    `Somchai Suda Niran Ploy Kittipong Nattaya Anan Malee`,
    `Srisuk Saetang Chaiyaporn Wongsawat Rattanakorn Boonmee`,
    'TH',
    'th',
  ),
  indonesian: origin(
    `Budi Siti Agus Dewi Andi Rina Putri Adi`,
    `Santoso Wijaya Pratama Hidayat Saputra Kusuma Setiawan`,
    'ID ID SG',
    'id',
  ),
  filipino: origin(
    `Jose Maria Mark Angelica Christian Kristine`,
    `Reyes Cruz Bautista Ocampo Mendoza Santos Garcia`,
    'PH PH SG',
    'tl',
  ),
} satisfies Record<string, Origin>;

const pickOrigin = weighted<Origin>([
  [ORIGINS.english, 22],
  [ORIGINS.chinese, 16],
  [ORIGINS.indian, 10],
  [ORIGINS.brazilian, 8],
  [ORIGINS.nikkei, 4],
  [ORIGINS.german, 6],
  [ORIGINS.french, 6],
  [ORIGINS.spanish, 6],
  [ORIGINS.korean, 6],
  [ORIGINS.vietnamese, 4],
  [ORIGINS.italian, 2],
  [ORIGINS.dutch, 2],
  [ORIGINS.nordic, 2],
  [ORIGINS.thai, 2],
  [ORIGINS.indonesian, 2],
  [ORIGINS.filipino, 2],
]);
const pickJapaneseFamily = zipf(JAPANESE_FAMILY, 8);
const pickMaleName = zipf(JAPANESE_GIVEN_MALE, 20);
const pickFemaleName = zipf(JAPANESE_GIVEN_FEMALE, 20);

// ─── Work ────────────────────────────────────────────────────────────────────────────────────

type Track = 'eng' | 'data' | 'consulting' | 'sales' | 'marketing' | 'corporate' | 'global';

/** [name, English name for English bios, track] */
const DEPARTMENTS: readonly (readonly [string, string, Track])[] = [
  ['営業部', 'Sales', 'sales'],
  ['法人営業部', 'Corporate Sales', 'sales'],
  ['事業開発部', 'Business Development', 'sales'],
  ['カスタマーサクセス部', 'Customer Success', 'sales'],
  ['マーケティング部', 'Marketing', 'marketing'],
  ['広報部', 'Public Relations', 'marketing'],
  ['製品企画部', 'Product Planning', 'marketing'],
  ['技術開発本部', 'Engineering', 'eng'],
  ['情報システム部', 'IT', 'eng'],
  ['品質保証部', 'Quality Assurance', 'eng'],
  ['研究所', 'Research Lab', 'eng'],
  ['データサイエンス室', 'Data Science', 'data'],
  ['デジタル戦略本部', 'Digital Strategy', 'data'],
  ['コンサルティング本部', 'Consulting', 'consulting'],
  ['経営企画部', 'Corporate Planning', 'consulting'],
  ['人事部', 'Human Resources', 'corporate'],
  ['財務部', 'Finance', 'corporate'],
  ['経理部', 'Accounting', 'corporate'],
  ['法務部', 'Legal', 'corporate'],
  ['総務部', 'General Affairs', 'corporate'],
  ['購買部', 'Procurement', 'corporate'],
  ['海外事業部', 'International Business', 'global'],
];
const pickDepartment = zipf(DEPARTMENTS, 6);

const TITLES: Record<Track, readonly string[]> = {
  eng: [
    'エンジニア',
    'シニアエンジニア',
    'リードエンジニア',
    'テックリード',
    'アーキテクト',
    'エンジニアリングマネージャー',
    'Software Engineer',
    'Senior Engineer',
    '研究員',
    '主任研究員',
  ],
  data: ['データサイエンティスト', 'データアナリスト', 'データエンジニア', 'Data Scientist', 'マネージャー'],
  consulting: [
    'コンサルタント',
    'シニアコンサルタント',
    'マネージャー',
    'シニアマネージャー',
    'プリンシパル',
    'Senior Consultant',
    'Associate',
    'アナリスト',
  ],
  sales: [
    '営業担当',
    '主任',
    '係長',
    '課長',
    'アカウントマネージャー',
    'Account Executive',
    'カスタマーサクセスマネージャー',
    '事業開発マネージャー',
  ],
  marketing: [
    'マーケター',
    'マーケティングマネージャー',
    'プロダクトマネージャー',
    'ブランドマネージャー',
    'Product Manager',
    '広報担当',
  ],
  corporate: [
    '担当',
    '主任',
    '係長',
    '課長代理',
    '課長',
    '次長',
    'スペシャリスト',
    'HRビジネスパートナー',
    'Manager',
  ],
  global: [
    '海外営業担当',
    'カントリーマネージャー',
    'Regional Manager',
    'Business Development Manager',
    '駐在員',
  ],
};
/** Senior titles anyone may have reached. */
const SENIOR_TITLES = ['部長', '本部長', '執行役員', 'ディレクター', 'Director', 'General Manager'];

const CURRENT_TITLES: Record<Track, readonly string[]> = {
  eng: [
    'ソフトウェアエンジニア',
    'Software Engineer',
    'Staff Engineer',
    'CTO',
    'VP of Engineering',
    'エンジニアリングマネージャー',
    'SRE',
    'テックリード',
    'Solutions Architect',
    '研究員',
  ],
  data: [
    'データサイエンティスト',
    'Head of Data',
    'Machine Learning Engineer',
    'データアナリスト',
    'アナリスト',
  ],
  consulting: [
    'コンサルタント',
    'シニアコンサルタント',
    'パートナー',
    'マネージングディレクター',
    'Principal',
    'Engagement Manager',
    '経営企画',
    'COO',
  ],
  sales: [
    'アカウントエグゼクティブ',
    '営業部長',
    'Sales Director',
    'Head of Sales',
    'カスタマーサクセスマネージャー',
    '事業開発',
    'Business Development Manager',
  ],
  marketing: [
    'マーケティングマネージャー',
    'CMO',
    'プロダクトマネージャー',
    'Product Manager',
    'Head of Product',
    'ブランドマネージャー',
    '広報',
  ],
  corporate: [
    'CFO',
    '人事部長',
    'HRBP',
    '法務マネージャー',
    'General Counsel',
    '経理マネージャー',
    'Controller',
    'People Partner',
  ],
  global: ['Country Manager', 'Regional Director', '海外事業部長', 'Managing Director', 'APAC Sales Lead'],
};
const FOUNDER_TITLES = ['代表取締役', 'CEO', 'Founder', '取締役', '顧問', 'フリーランス', '大学教員'];

/** [employer, industry]: all made up; international ones keep their English names. */
const EMPLOYERS: readonly (readonly [string, Industry])[] = [
  ['株式会社ミライテック', 'it'],
  ['Globex Japan', 'it'],
  ['ネクストクラウド株式会社', 'it'],
  ['株式会社ソラリス', 'it'],
  ['データブリッジ株式会社', 'it'],
  ['Brightwave Systems', 'it'],
  ['Northwind Software', 'it'],
  ['株式会社アオバシステムズ', 'it'],
  ['Helix Digital', 'it'],
  ['株式会社ツナグラボ', 'it'],
  ['Kumo Analytics', 'it'],
  ['Lumen Labs', 'it'],
  ['株式会社クロスポイント', 'it'],
  ['Vertex Cloud Japan', 'it'],
  ['株式会社ヒカリネット', 'it'],
  ['Bluepeak Technologies', 'it'],
  ['株式会社イノベートワークス', 'it'],
  ['Pixelforge', 'it'],
  ['Stratos AI', 'it'],
  ['株式会社コードベース', 'it'],
  ['Orbital Data', 'it'],
  ['株式会社フォレストIT', 'it'],
  ['Quantum Leaf', 'it'],
  ['株式会社メガソフト', 'it'],
  ['Acme Software Japan', 'it'],
  ['株式会社シンフォニーデータ', 'it'],
  ['Initech', 'it'],
  ['株式会社ゼニスソリューションズ', 'it'],
  ['CloudHarbor', 'it'],
  ['株式会社ワンダーコード', 'it'],
  ['アクシス・コンサルティング株式会社', 'consulting'],
  ['Meridian Partners', 'consulting'],
  ['株式会社未来戦略研究所', 'consulting'],
  ['Crestline Advisory', 'consulting'],
  ['東京ストラテジーグループ', 'consulting'],
  ['Northstar Consulting', 'consulting'],
  ['株式会社ビジョンアーク', 'consulting'],
  ['Keystone Advisors', 'consulting'],
  ['株式会社タクト・コンサルティング', 'consulting'],
  ['Pinnacle Strategy', 'consulting'],
  ['株式会社リンクアンドグロース', 'consulting'],
  ['Clearview Partners', 'consulting'],
  ['株式会社あすなろ総研', 'consulting'],
  ['Atlas People Consulting', 'consulting'],
  ['株式会社さくらフィナンシャル', 'finance'],
  ['さくらフィナンシャル証券', 'finance'],
  ['ひばり証券株式会社', 'finance'],
  ['Harbor Capital Partners', 'finance'],
  ['東都キャピタル株式会社', 'finance'],
  ['Silverline Asset Management', 'finance'],
  ['株式会社かもめ銀行', 'finance'],
  ['Summit Ventures', 'finance'],
  ['株式会社つばさインベストメント', 'finance'],
  ['Evergreen Capital', 'finance'],
  ['あけぼの生命保険株式会社', 'finance'],
  ['Pacific Rim Capital', 'finance'],
  ['株式会社みのりペイメント', 'finance'],
  ['Lionsgate Securities Asia', 'finance'],
  ['株式会社大和精機', 'manufacturing'],
  ['東洋マテリアル株式会社', 'manufacturing'],
  ['株式会社北斗製作所', 'manufacturing'],
  ['Kessler Automotive', 'manufacturing'],
  ['株式会社光陽電機', 'manufacturing'],
  ['三河工業株式会社', 'manufacturing'],
  ['Nordic Robotics', 'manufacturing'],
  ['株式会社富士見テクノ', 'manufacturing'],
  ['日東ケミカル株式会社', 'manufacturing'],
  ['Ironbridge Industries', 'manufacturing'],
  ['株式会社瀬戸内マシナリー', 'manufacturing'],
  ['オリオン精密株式会社', 'manufacturing'],
  ['株式会社まほろばストア', 'retail'],
  ['Greenleaf Retail', 'retail'],
  ['株式会社ひまわりマート', 'retail'],
  ['Urban Market Asia', 'retail'],
  ['株式会社ことぶき百貨店', 'retail'],
  ['株式会社ルミエールコスメ', 'retail'],
  ['Nomad Apparel', 'retail'],
  ['株式会社こもれびEC', 'retail'],
  ['株式会社すこやかメディカル', 'healthcare'],
  ['MediBridge', 'healthcare'],
  ['株式会社ケアリンク', 'healthcare'],
  ['Helios Pharma', 'healthcare'],
  ['医療法人はなみずき会', 'healthcare'],
  ['株式会社ライフサイエンスラボ', 'healthcare'],
  ['Verdant Health', 'healthcare'],
  ['株式会社まなびば', 'education'],
  ['EduNext', 'education'],
  ['東都大学', 'education'],
  ['北辰大学', 'education'],
  ['Global Learning Institute', 'education'],
  ['株式会社ひらめき塾', 'education'],
  ['国際開発協力機構', 'public_sector'],
  ['日本デジタル推進機構', 'public_sector'],
  ['地方創生推進機構', 'public_sector'],
  ['みなと市役所', 'public_sector'],
  ['株式会社あさひメディア', 'media'],
  ['Bluebird Media', 'media'],
  ['株式会社スタジオこだま', 'media'],
  ['Lantern Games', 'media'],
  ['株式会社ゲームワークス', 'media'],
  ['株式会社ことのは出版', 'media'],
  ['Pulse Publishing', 'media'],
  ['株式会社グリーンエナジー', 'energy'],
  ['Solaris Power', 'energy'],
  ['東邦エネルギー株式会社', 'energy'],
  ['株式会社かぜのちから', 'energy'],
  ['Tidewater Energy', 'energy'],
  ['株式会社はやぶさ物流', 'logistics'],
  ['Oceanic Logistics', 'logistics'],
  ['株式会社ネクストロジ', 'logistics'],
  ['こうのとり運輸株式会社', 'logistics'],
  ['Swift Freight Asia', 'logistics'],
  ['株式会社みどり不動産', 'real_estate'],
  ['Skyline Properties', 'real_estate'],
  ['株式会社ひだまりホーム', 'real_estate'],
  ['東都アーバン開発株式会社', 'real_estate'],
  ['株式会社ポケットラボ', 'startup'],
  ['Tsunagu Inc.', 'startup'],
  ['株式会社ユニコーンラボ', 'startup'],
  ['Hatch Robotics', 'startup'],
  ['株式会社もくれん', 'startup'],
  ['Koi Labs', 'startup'],
  ['株式会社アトリエベース', 'startup'],
  ['Sprout HR', 'startup'],
  ['株式会社ノードワン', 'startup'],
  ['Fable AI', 'startup'],
  ['株式会社しずくテクノロジーズ', 'startup'],
  ['Oddly Finance', 'startup'],
  ['株式会社ハコブネ', 'startup'],
  ['Mochi Health', 'startup'],
  ['株式会社ミチシルベ', 'startup'],
  ['NPO法人つなぐ未来', 'nonprofit'],
  ['Code for Community', 'nonprofit'],
  ['NPO法人まちづくりラボ', 'nonprofit'],
  ['一般社団法人キャリアの架け橋', 'nonprofit'],
  ['Open Futures Foundation', 'nonprofit'],
  ['公益財団法人あおぞら基金', 'nonprofit'],
  ['フリーランス', 'other'],
  ['個人事業主', 'other'],
  ['Independent', 'other'],
  ['株式会社ヤマト商事', 'other'],
  ['丸の内トレーディング株式会社', 'other'],
  ['Sakura Trading', 'other'],
  ['株式会社さんかく農園', 'other'],
  ['株式会社はれのひ旅行', 'other'],
  ['Tokyo Bay Hospitality', 'other'],
  ['株式会社つむぎ設計事務所', 'other'],
  ['Meridian Law Office', 'other'],
  ['あさひ法律事務所', 'other'],
  ['みらい監査法人', 'other'],
];
const pickEmployer = zipf(EMPLOYERS, 40);

const SKILLS_BY_TRACK: Record<Track, readonly string[]> = {
  eng: [
    'TypeScript',
    'JavaScript',
    'Python',
    'Java',
    'Go',
    'Rust',
    'C#',
    'SQL',
    'AWS',
    'Azure',
    'Google Cloud',
    'Kubernetes',
    'Docker',
    'Terraform',
    'React',
    'Node.js',
    'システム設計',
    'セキュリティ',
    'ネットワーク',
    'インフラ構築',
    'SRE',
    'DevOps',
    'テスト自動化',
    'QA',
    '要件定義',
    'アジャイル',
    'スクラム',
  ],
  data: [
    'データ分析',
    '機械学習',
    '統計解析',
    '生成AI',
    'LLM',
    'データエンジニアリング',
    'BI',
    'Tableau',
    'Power BI',
    'Python',
    'SQL',
    'Excel',
    'Data Analysis',
    'Machine Learning',
    'DX推進',
  ],
  consulting: [
    '戦略コンサルティング',
    '事業戦略',
    '経営企画',
    'M&A',
    'PMI',
    '業務改善',
    'BPR',
    'PMO',
    'プロジェクトマネジメント',
    'Change Management',
    'Strategy',
    'ロジカルシンキング',
    'ファシリテーション',
    'SAP',
    'ERP導入',
    'DX推進',
  ],
  sales: [
    '営業',
    '法人営業',
    'ソリューション営業',
    'アカウントマネジメント',
    'カスタマーサクセス',
    '事業開発',
    '新規事業',
    'Salesforce',
    '交渉',
    'プレゼンテーション',
    'Sales',
    'Business Development',
    'Negotiation',
  ],
  marketing: [
    'マーケティング',
    'デジタルマーケティング',
    'SEO',
    'コンテンツマーケティング',
    'ブランディング',
    '広報',
    'PR',
    'SNS運用',
    '市場調査',
    '価格戦略',
    'Product Management',
    'プロダクトマネジメント',
    'UXデザイン',
    'UIデザイン',
    'Figma',
    'Marketing',
  ],
  corporate: [
    '財務分析',
    '管理会計',
    'IFRS',
    '税務',
    'IR',
    '資金調達',
    '法務',
    '契約書レビュー',
    'コンプライアンス',
    '知的財産',
    '個人情報保護',
    '人事制度設計',
    '採用',
    '組織開発',
    '人材育成',
    '労務管理',
    'タレントマネジメント',
    'HR Tech',
    '調達',
    'ISMS',
  ],
  global: [
    '海外事業',
    'グローバルマネジメント',
    '英語',
    '中国語',
    '通訳',
    '翻訳',
    '交渉',
    'サプライチェーン',
    '物流',
    '貿易実務',
  ],
};
const GENERAL_SKILLS = [
  'リーダーシップ',
  'チームビルディング',
  'コーチング',
  'ファシリテーション',
  'プロジェクトマネジメント',
  'プレゼンテーション',
  'Leadership',
  'Public Speaking',
  'ESG',
  'サステナビリティ',
  '品質管理',
  '生産管理',
  'リーン',
  'シックスシグマ',
  'ベンチャー投資',
  '医療IT',
  '教育',
  '研修講師',
  '執筆',
  'Cloud Architecture',
  'Excel',
  '英語',
] as const;
const ALL_SKILLS = [...new Set([...Object.values(SKILLS_BY_TRACK).flat(), ...GENERAL_SKILLS])];

const OFFICES = weighted<readonly [string, string]>([
  [['東京本社', 'JP'], 60],
  [['大阪支社', 'JP'], 12],
  [['名古屋支社', 'JP'], 6],
  [['福岡支社', 'JP'], 4],
  [['札幌営業所', 'JP'], 2],
  [['Singapore Office', 'SG'], 4],
  [['London Office', 'GB'], 2],
  [['New York Office', 'US'], 3],
  [['上海支店', 'CN'], 3],
  [['Bangalore Development Center', 'IN'], 2],
  [['Frankfurt Office', 'DE'], 1],
  [['São Paulo Office', 'BR'], 1],
]);

const CITIES: Record<string, readonly string[]> = {
  JP: [
    '東京',
    '東京',
    '東京',
    '東京',
    '横浜',
    '川崎',
    'さいたま',
    '千葉',
    '大阪',
    '大阪',
    '京都',
    '神戸',
    '名古屋',
    '福岡',
    '札幌',
    '仙台',
    '広島',
    '金沢',
    '静岡',
    '那覇',
    'つくば',
  ],
  US: ['New York', 'San Francisco', 'Seattle', 'Los Angeles', 'Boston', 'Chicago', 'Austin', 'Honolulu'],
  SG: ['Singapore'],
  GB: ['London', 'London', 'Manchester', 'Edinburgh'],
  DE: ['Berlin', 'Munich', 'Frankfurt', 'Düsseldorf', 'Hamburg'],
  BR: ['São Paulo', 'São Paulo', 'Rio de Janeiro', 'Curitiba'],
  CN: ['Shanghai', 'Beijing', 'Shenzhen', 'Dalian', 'Guangzhou'],
  IN: ['Bengaluru', 'Mumbai', 'New Delhi', 'Hyderabad', 'Chennai', 'Pune'],
  AU: ['Sydney', 'Melbourne', 'Brisbane'],
  FR: ['Paris', 'Paris', 'Lyon'],
  CA: ['Toronto', 'Vancouver', 'Montréal'],
  NZ: ['Auckland'],
  IE: ['Dublin'],
  PT: ['Lisbon', 'Porto'],
  TW: ['Taipei'],
  HK: ['Hong Kong'],
  MY: ['Kuala Lumpur'],
  AE: ['Dubai'],
  AT: ['Vienna'],
  CH: ['Zurich', 'Geneva'],
  BE: ['Brussels'],
  ES: ['Madrid', 'Barcelona'],
  MX: ['Mexico City', 'Monterrey'],
  AR: ['Buenos Aires'],
  CL: ['Santiago'],
  CO: ['Bogotá'],
  PE: ['Lima'],
  KR: ['Seoul', 'Busan'],
  VN: ['Ho Chi Minh City', 'Hanoi'],
  TH: ['Bangkok'],
  ID: ['Jakarta'],
  PH: ['Manila'],
  NL: ['Amsterdam', 'Rotterdam'],
  SE: ['Stockholm'],
  IT: ['Milan', 'Rome'],
  DK: ['Copenhagen'],
  NO: ['Oslo'],
  FI: ['Helsinki'],
};

/** Where Japanese alumni live when not in Japan. */
const JAPANESE_ABROAD = weighted<string>([
  ['US', 30],
  ['SG', 20],
  ['GB', 10],
  ['DE', 8],
  ['CN', 8],
  ['AU', 6],
  ['TH', 5],
  ['FR', 4],
  ['HK', 3],
  ['CA', 3],
  ['VN', 3],
  ['NL', 2],
]);

const ROLE_MIX = weighted<Role>([
  ['alumni', 70],
  ['employee', 22],
  ['leaver', 3],
  ['alumni_manager', 4],
  ['admin', 1],
]);

// ─── Dates ───────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (d: number) => new Date(Math.floor(d) * DAY).toISOString().slice(0, 10);
const FIRST_JOIN = day('1985-04-01');
const LAST_JOIN = day('2024-12-31');
const LAST_ALUMNI_DAY = day(FAKE_TODAY) - 24;
const NEXT_MONTHS_END = day(FAKE_TODAY) + 130;

// ─── Bios ────────────────────────────────────────────────────────────────────────────────────

interface BioFacts {
  years: number;
  joinYear: number;
  department: readonly [string, string, Track];
  lastTitle: string;
  employer: string | null;
  currentTitle: string | null;
  skills: string[];
  location: string;
  mentoring: boolean;
}

const JA_BIOS: ((f: BioFacts) => string)[] = [
  (f) =>
    `${f.department[0]}で${f.years}年、${f.lastTitle}として${f.skills[0]}に携わりました。` +
    (f.employer ? `現在は${f.employer}で${f.currentTitle}をしています。` : ''),
  (f) =>
    `${f.employer ? `${f.employer}で${f.currentTitle}。` : ''}${f.skills[0]}と${f.skills[1] ?? f.skills[0]}が専門です。` +
    (f.mentoring ? 'キャリア相談、いつでも歓迎です。' : ''),
  (f) =>
    `${f.joinYear}年入社、${f.department[0]}に在籍。${f.skills.slice(0, 3).join('・')}の経験があります。`,
  (f) => `${f.location}在住。${f.skills[0]}が得意です。お気軽にご連絡ください。`,
  (f) =>
    `${f.lastTitle}として${f.department[0]}で働いていました。最近は${f.skills[1] ?? f.skills[0]}を勉強中です。`,
];
const EN_BIOS: ((f: BioFacts) => string)[] = [
  (f) =>
    `Spent ${f.years} years in ${f.department[1]} as ${f.lastTitle}.` +
    (f.employer ? ` Now ${f.currentTitle} at ${f.employer}, focusing on ${f.skills[0]}.` : ''),
  (f) =>
    `Based in ${f.location}. Happy to talk about ${f.skills[0]} and ${f.skills[1] ?? 'careers'}.` +
    (f.mentoring ? ' Always glad to mentor.' : ''),
  (f) =>
    `Joined in ${f.joinYear} (${f.department[1]}).` +
    (f.employer ? ` I work on ${f.skills[0]} at ${f.employer}.` : ` I work on ${f.skills[0]}.`),
];
const EMPLOYEE_BIOS: ((f: BioFacts) => string)[] = [
  (f) => `${f.department[0]}の${f.lastTitle}です。${f.skills[0]}を担当しています。`,
  (f) => `${f.joinYear}年入社。${f.skills.slice(0, 2).join('と')}が得意です。社内外の交流歓迎です。`,
  (f) => `${f.lastTitle} in ${f.department[1]} since ${f.joinYear}. Ask me about ${f.skills[0]}.`,
];

// ─── The member ──────────────────────────────────────────────────────────────────────────────

const uuid = (r: () => number) => {
  const hex = (n: number) =>
    Math.floor(r() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(r() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
};

const isStillEmployed = (role: Role) => role !== 'alumni';

/**
 * One fake member. `i` makes the e-mail and employee number unique (`E` + 6 digits).
 * `overrides` replace whole top-level keys — a test that passes `profile` gets exactly that
 * profile (no random visibility or flags), which keeps assertions about fields deterministic.
 * `overrides.role` is read first, so the generated profile fits it (only alumni have a
 * current employer; leavers leave in the coming months; staff have no `leftOn`).
 */
export function fakeMember(r: () => number, i: number, overrides: Partial<NewMember> = {}): NewMember {
  const role = overrides.role ?? ROLE_MIX(r);
  const isJapanese = r() < 0.75;

  let familyName: Name;
  let givenName: Name;
  let country: string;
  let languages: string[];
  let locale: 'ja' | 'en';
  if (isJapanese) {
    familyName = pickJapaneseFamily(r);
    givenName = r() < 0.5 ? pickMaleName(r) : pickFemaleName(r);
    const abroad = role === 'alumni' ? 0.12 : 0.04;
    country = r() < abroad ? JAPANESE_ABROAD(r) : 'JP';
    languages = ['ja'];
    if (r() < 0.35) languages.push('en');
    if (r() < 0.06) languages.push(pick(r, ['zh', 'ko', 'fr', 'de', 'es', 'th']));
    locale = r() < 0.93 ? 'ja' : 'en';
  } else {
    const from = pickOrigin(r);
    familyName = pick(r, from.family);
    givenName = pick(r, from.given);
    country = r() < 0.4 ? 'JP' : pick(r, from.countries);
    languages = [pick(r, from.languages)];
    if (languages[0] !== 'en' && r() < 0.8) languages.push('en');
    if (r() < 0.55) languages.push('ja');
    locale = r() < 0.8 ? from.locale : 'ja';
  }
  // HR does not always record a reading for a Latin name.
  const withKana = isJapanese || r() < 0.6;

  const department = pickDepartment(r);
  const track = department[2];
  const departments = [department[0]];
  if (r() < 0.3) {
    const previous = pick(r, DEPARTMENTS)[0];
    if (previous !== department[0]) departments.push(previous);
  }
  const lastTitle = r() < 0.1 ? pick(r, SENIOR_TITLES) : pick(r, TITLES[track]);
  const [office, companyCountry] = OFFICES(r);

  // Joins skew towards recent years (more hiring, more recent alumni).
  const joined = FIRST_JOIN + (LAST_JOIN - FIRST_JOIN) * Math.sqrt(r());
  let left: number | null = null;
  if (role === 'alumni') {
    const tenure = 180 + 365 * 12 * r() * r();
    left = Math.min(joined + tenure, LAST_ALUMNI_DAY - 30 * r());
  } else if (role === 'leaver') {
    left = day(FAKE_TODAY) + 7 + (NEXT_MONTHS_END - day(FAKE_TODAY)) * r();
  }

  const hasEmployer = role === 'alumni' ? r() < 0.9 : role === 'leaver' && r() < 0.4;
  let currentEmployer: string | null = null;
  let industry: Industry | null = null;
  let currentTitle: string | null = null;
  if (hasEmployer) {
    [currentEmployer, industry] = pickEmployer(r);
    currentTitle =
      industry === 'startup' || industry === 'other'
        ? r() < 0.4
          ? pick(r, FOUNDER_TITLES)
          : pick(r, CURRENT_TITLES[track])
        : pick(r, CURRENT_TITLES[r() < 0.8 ? track : pick(r, Object.keys(CURRENT_TITLES) as Track[])]);
  }

  const skills = distinct(r, SKILLS_BY_TRACK[track], 1 + Math.floor(r() * 4));
  distinct(r, ALL_SKILLS, 1 + Math.floor(r() * 4), skills);
  const location = pick(r, CITIES[country] ?? CITIES.JP ?? []);

  const isAlumni = role === 'alumni';
  const openToReturn = isAlumni && r() < 0.15;
  const sideWork = r() < 0.2;
  const mentoring = r() < 0.2;
  const speaking = r() < 0.1;

  let bio: string | null = null;
  if (r() < 0.7) {
    const facts: BioFacts = {
      years: Math.max(1, Math.round(((left ?? day(FAKE_TODAY)) - joined) / 365.25)),
      joinYear: new Date(Math.floor(joined) * DAY).getUTCFullYear(),
      department,
      lastTitle,
      employer: currentEmployer,
      currentTitle,
      skills,
      location,
      mentoring,
    };
    const templates = isStillEmployed(role)
      ? EMPLOYEE_BIOS
      : locale === 'en' || (!isJapanese && r() < 0.7)
        ? EN_BIOS
        : JA_BIOS;
    bio = pick(r, templates)(facts);
  }

  const visibility: VisibilityMap = {};
  if (currentEmployer && r() < 0.1) visibility.currentEmployer = 'employees';
  if (bio && r() < 0.05) visibility.bio = 'admins';
  if (r() < 0.04) visibility.location = 'employees';
  if (openToReturn && r() < 0.4) visibility.openToReturn = r() < 0.5 ? 'employees' : 'members';

  const links =
    r() < 0.15
      ? [{ label: 'Portfolio', url: `https://${givenName.slug}-${familyName.slug}.example.com` }]
      : [];
  const domain = isAlumni ? 'alumni.example' : 'kizuna.example';

  return {
    id: uuid(r),
    email: `${givenName.slug}.${familyName.slug}.${i}@${domain}`,
    locale,
    names: {
      familyName: familyName.text,
      givenName: givenName.text,
      familyNameKana: withKana ? familyName.kana : null,
      givenNameKana: withKana ? givenName.kana : null,
    },
    profile: {
      employeeNumber: `E${String(i).padStart(6, '0')}`,
      joinedOn: iso(joined),
      leftOn: left === null ? null : iso(left),
      departments,
      lastTitle,
      office,
      companyCountry,
      currentEmployer,
      currentTitle,
      industry,
      location,
      country,
      languages,
      skills,
      bio,
      links,
      openToReturn,
      sideWork,
      mentoring,
      speaking,
      visibility,
    },
    ...overrides,
    role,
  };
}
