"""Realistic, reproducible demo data: Japanese prospects, their people and ~18 months of calls.

:func:`generate_demo` is what ``salesdesk demo`` runs. It builds 100k prospects (300k
contacts, 1M calls) in well under a minute: rows are plain tuples written with
multi-row ``INSERT`` statements on the DB-API connection, batch by batch, in one
transaction (no ORM objects). The prospect's derived columns (search texts, sort key,
last contact, next follow-up) are filled with the same functions and rules the
services use, so the data behaves exactly like data the rep typed.

Everything comes from one ``random.Random(seed)`` (ids included) and an injectable
``now``, so a seed always gives the same rows on the same machine. Times of day are
office hours in the machine's local time zone, like a rep's own log would be.

Company readings (``company_kana``) leave out the legal form (株式会社 …), as Japanese
address books and CRMs do, so the list sorts by the name itself.
"""

from __future__ import annotations

import random
import sqlite3
from bisect import bisect
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from itertools import accumulate, chain
from typing import Any, Generic, NamedTuple, TypeVar

from salesdesk.core.clock import utc_now
from salesdesk.core.db import Database
from salesdesk.core.enums import Channel, FollowUpStatus, InteractionKind, Outcome, Stage
from salesdesk.core.text import prospect_search_texts, sort_key

#: (kanji, katakana reading, romaji) — the reading always belongs to the kanji beside it.
Word = tuple[str, str, str]
T = TypeVar("T")


class Prefecture(NamedTuple):
    """A prefecture with its cities (and their telephone area codes) and the regional
    place words (old province and area names) local companies put into their names."""

    name: str
    cities: tuple[tuple[str, str], ...]
    places: tuple[Word, ...]


def _words(spec: str) -> tuple[Word, ...]:
    """Parse ``"漢字/カナ/romaji ..."`` into tuples; ``_`` in a name stands for a space."""
    out: list[Word] = []
    for item in spec.split():
        name, kana, romaji = item.split("/")
        out.append((name.replace("_", " "), kana, romaji))
    return tuple(out)


def _cities(spec: str) -> tuple[tuple[str, str], ...]:
    """Parse ``"市:area-code ..."``."""
    return tuple((city, area) for city, area in (item.split(":") for item in spec.split()))


_PREFECTURES: tuple[Prefecture, ...] = tuple(
    Prefecture(name, _cities(cities), _words(places))
    for name, cities, places in (
        ("北海道", "札幌市中央区:011 旭川市:0166 帯広市:0155 函館市:0138",
         "北海/ホッカイ/hokkai 十勝/トカチ/tokachi 札幌/サッポロ/sapporo 道南/ドウナン/donan"),
        ("青森県", "青森市:017 弘前市:0172 八戸市:0178",
         "津軽/ツガル/tsugaru 陸奥/ムツ/mutsu 八戸/ハチノヘ/hachinohe"),
        ("岩手県", "盛岡市:019 花巻市:0198",
         "南部/ナンブ/nanbu 盛岡/モリオカ/morioka 岩手/イワテ/iwate"),
        ("宮城県", "仙台市青葉区:022 石巻市:0225",
         "仙台/センダイ/sendai 陸前/リクゼン/rikuzen 宮城/ミヤギ/miyagi"),
        ("秋田県", "秋田市:018 横手市:0182", "秋田/アキタ/akita 羽後/ウゴ/ugo"),
        ("山形県", "山形市:023 酒田市:0234 鶴岡市:0235",
         "庄内/ショウナイ/shonai 出羽/デワ/dewa 山形/ヤマガタ/yamagata"),
        ("福島県", "福島市:024 郡山市:024 会津若松市:0242",
         "会津/アイヅ/aizu 磐城/イワキ/iwaki 郡山/コオリヤマ/koriyama"),
        ("新潟県", "新潟市中央区:025 長岡市:0258 上越市:025 三条市:0256 燕市:0256",
         "越後/エチゴ/echigo 長岡/ナガオカ/nagaoka 燕三条/ツバメサンジョウ/tsubamesanjo "
         "佐渡/サド/sado 新潟/ニイガタ/niigata"),
        ("富山県", "富山市:076 高岡市:0766",
         "越中/エッチュウ/etchu 立山/タテヤマ/tateyama 高岡/タカオカ/takaoka"),
        ("石川県", "金沢市:076 小松市:0761",
         "加賀/カガ/kaga 能登/ノト/noto 金沢/カナザワ/kanazawa"),
        ("長野県", "長野市:026 松本市:0263 上田市:0268",
         "信州/シンシュウ/shinshu 信濃/シナノ/shinano 松本/マツモト/matsumoto "
         "安曇野/アズミノ/azumino"),
        ("静岡県", "静岡市葵区:054 浜松市中央区:053 沼津市:055",
         "駿河/スルガ/suruga 遠州/エンシュウ/enshu 富士/フジ/fuji 浜松/ハママツ/hamamatsu"),
        ("愛知県", "名古屋市中区:052 豊橋市:0532 岡崎市:0564",
         "尾張/オワリ/owari 三河/ミカワ/mikawa 中部/チュウブ/chubu 名古屋/ナゴヤ/nagoya"),
        ("岐阜県", "岐阜市:058 高山市:0577", "美濃/ミノ/mino 飛騨/ヒダ/hida 岐阜/ギフ/gifu"),
        ("三重県", "津市:059 四日市市:059", "伊勢/イセ/ise 伊賀/イガ/iga 鈴鹿/スズカ/suzuka"),
        ("京都府", "京都市下京区:075 福知山市:0773",
         "京都/キョウト/kyoto 丹波/タンバ/tanba 洛北/ラクホク/rakuhoku"),
        ("大阪府", "大阪市北区:06 堺市堺区:072 東大阪市:06",
         "浪速/ナニワ/naniwa 大阪/オオサカ/osaka 河内/カワチ/kawachi 泉州/センシュウ/senshu"),
        ("兵庫県", "神戸市中央区:078 姫路市:079",
         "播磨/ハリマ/harima 但馬/タジマ/tajima 神戸/コウベ/kobe 淡路/アワジ/awaji"),
        ("岡山県", "岡山市北区:086 倉敷市:086",
         "備前/ビゼン/bizen 吉備/キビ/kibi 倉敷/クラシキ/kurashiki"),
        ("広島県", "広島市中区:082 福山市:084",
         "安芸/アキ/aki 備後/ビンゴ/bingo 瀬戸内/セトウチ/setouchi"),
        ("島根県", "松江市:0852 出雲市:0853",
         "出雲/イズモ/izumo 石見/イワミ/iwami 松江/マツエ/matsue"),
        ("香川県", "高松市:087 丸亀市:0877", "讃岐/サヌキ/sanuki 高松/タカマツ/takamatsu"),
        ("愛媛県", "松山市:089 今治市:0898",
         "伊予/イヨ/iyo 今治/イマバリ/imabari 南予/ナンヨ/nanyo"),
        ("高知県", "高知市:088", "土佐/トサ/tosa 四万十/シマント/shimanto"),
        ("福岡県", "福岡市博多区:092 北九州市小倉北区:093 久留米市:0942",
         "筑紫/ツクシ/tsukushi 博多/ハカタ/hakata 筑後/チクゴ/chikugo "
         "北九州/キタキュウシュウ/kitakyushu"),
        ("熊本県", "熊本市中央区:096 八代市:0965",
         "肥後/ヒゴ/higo 阿蘇/アソ/aso 熊本/クマモト/kumamoto"),
        ("鹿児島県", "鹿児島市:099 霧島市:0995",
         "薩摩/サツマ/satsuma 大隅/オオスミ/osumi 南国/ナンゴク/nangoku"),
        ("沖縄県", "那覇市:098 浦添市:098", "琉球/リュウキュウ/ryukyu 沖縄/オキナワ/okinawa"),
        ("東京都", "千代田区:03 港区:03 大田区:03 八王子市:042",
         "東京/トウキョウ/tokyo 武蔵/ムサシ/musashi 江戸/エド/edo 城南/ジョウナン/jonan"),
        ("神奈川県", "横浜市中区:045 川崎市川崎区:044 厚木市:046",
         "相模/サガミ/sagami 湘南/ショウナン/shonan 横浜/ヨコハマ/yokohama"),
        ("埼玉県", "さいたま市大宮区:048 川越市:049",
         "武州/ブシュウ/bushu 秩父/チチブ/chichibu 川越/カワゴエ/kawagoe"),
        ("千葉県", "千葉市中央区:043 船橋市:047",
         "房総/ボウソウ/boso 下総/シモウサ/shimosa 京葉/ケイヨウ/keiyo"),
        ("群馬県", "前橋市:027 高崎市:027",
         "上州/ジョウシュウ/joshu 上毛/ジョウモウ/jomo 高崎/タカサキ/takasaki"),
        ("栃木県", "宇都宮市:028 足利市:0284",
         "下野/シモツケ/shimotsuke 日光/ニッコウ/nikko 那須/ナス/nasu"),
        ("茨城県", "水戸市:029 つくば市:029",
         "常陸/ヒタチ/hitachi 水戸/ミト/mito 筑波/ツクバ/tsukuba"),
    )
)  # fmt: skip

#: Words that often sit between the place and the trade: 越後「共栄」工業.
_MIDDLES: tuple[Word, ...] = _words(
    "中央/チュウオウ/chuo 第一/ダイイチ/daiichi 共栄/キョウエイ/kyoei 東洋/トウヨウ/toyo "
    "大洋/タイヨウ/taiyo 三和/サンワ/sanwa 昭和/ショウワ/showa 大成/タイセイ/taisei "
    "協和/キョウワ/kyowa 丸和/マルワ/maruwa 総合/ソウゴウ/sogo 太平/タイヘイ/taihei "
    "明和/メイワ/meiwa 旭/アサヒ/asahi 日本/ニホン/nihon"
)

_TRADES: tuple[Word, ...] = _words(
    "精工/セイコウ/seiko 工業/コウギョウ/kogyo 製作所/セイサクショ/seisakusho "
    "電機/デンキ/denki 化学/カガク/kagaku 食品/ショクヒン/shokuhin 物産/ブッサン/bussan "
    "商事/ショウジ/shoji 建設/ケンセツ/kensetsu 運輸/ウンユ/unyu 印刷/インサツ/insatsu "
    "製菓/セイカ/seika 酒造/シュゾウ/shuzo 水産/スイサン/suisan 木材/モクザイ/mokuzai "
    "産業/サンギョウ/sangyo 技研/ギケン/giken 機械/キカイ/kikai 電子/デンシ/denshi "
    "製薬/セイヤク/seiyaku 不動産/フドウサン/fudosan 興産/コウサン/kosan 設備/セツビ/setsubi "
    "金属/キンゾク/kinzoku 樹脂/ジュシ/jushi 紙業/シギョウ/shigyo 繊維/センイ/seni "
    "陶業/トウギョウ/togyo 硝子/ガラス/garasu 包装/ホウソウ/hoso 物流/ブツリュウ/butsuryu "
    "開発/カイハツ/kaihatsu 観光/カンコウ/kanko 住宅/ジュウタク/jutaku 醸造/ジョウゾウ/jozo "
    "鉄工所/テッコウショ/tekkosho 商店/ショウテン/shoten 農園/ノウエン/noen "
    "電設/デンセツ/densetsu 工務店/コウムテン/komuten 製麺/セイメン/seimen "
    "鋳造/チュウゾウ/chuzo 塗装/トソウ/toso 精密/セイミツ/seimitsu"
)

_SURNAMES: tuple[Word, ...] = _words(
    "佐藤/サトウ/sato 鈴木/スズキ/suzuki 高橋/タカハシ/takahashi 田中/タナカ/tanaka "
    "伊藤/イトウ/ito 渡辺/ワタナベ/watanabe 山本/ヤマモト/yamamoto 中村/ナカムラ/nakamura "
    "小林/コバヤシ/kobayashi 加藤/カトウ/kato 吉田/ヨシダ/yoshida 山田/ヤマダ/yamada "
    "佐々木/ササキ/sasaki 山口/ヤマグチ/yamaguchi 松本/マツモト/matsumoto 井上/イノウエ/inoue "
    "木村/キムラ/kimura 林/ハヤシ/hayashi 斎藤/サイトウ/saito 清水/シミズ/shimizu "
    "山崎/ヤマザキ/yamazaki 森/モリ/mori 池田/イケダ/ikeda 橋本/ハシモト/hashimoto "
    "阿部/アベ/abe 石川/イシカワ/ishikawa 山下/ヤマシタ/yamashita 中島/ナカジマ/nakajima "
    "石井/イシイ/ishii 小川/オガワ/ogawa 前田/マエダ/maeda 岡田/オカダ/okada "
    "長谷川/ハセガワ/hasegawa 藤田/フジタ/fujita 後藤/ゴトウ/goto 近藤/コンドウ/kondo "
    "村上/ムラカミ/murakami 遠藤/エンドウ/endo 青木/アオキ/aoki 坂本/サカモト/sakamoto "
    "福田/フクダ/fukuda 太田/オオタ/ota 西村/ニシムラ/nishimura 藤井/フジイ/fujii "
    "金子/カネコ/kaneko 岡本/オカモト/okamoto 藤原/フジワラ/fujiwara 中野/ナカノ/nakano "
    "三浦/ミウラ/miura 原田/ハラダ/harada 小野/オノ/ono 田村/タムラ/tamura "
    "竹内/タケウチ/takeuchi 和田/ワダ/wada 五十嵐/イガラシ/igarashi 本間/ホンマ/homma "
    "渡部/ワタナベ/watanabe 菊地/キクチ/kikuchi 千葉/チバ/chiba 比嘉/ヒガ/higa"
)

_GIVEN_NAMES: tuple[Word, ...] = _words(
    "太郎/タロウ/taro 一郎/イチロウ/ichiro 健太/ケンタ/kenta 翔太/ショウタ/shota "
    "大輔/ダイスケ/daisuke 誠/マコト/makoto 浩/ヒロシ/hiroshi 隆/タカシ/takashi "
    "直樹/ナオキ/naoki 拓也/タクヤ/takuya 和也/カズヤ/kazuya 哲也/テツヤ/tetsuya "
    "健一/ケンイチ/kenichi 修/オサム/osamu 剛/ツヨシ/tsuyoshi 亮/リョウ/ryo 翼/ツバサ/tsubasa "
    "学/マナブ/manabu 博之/ヒロユキ/hiroyuki 正人/マサト/masato 花子/ハナコ/hanako "
    "恵子/ケイコ/keiko 裕子/ユウコ/yuko 美香/ミカ/mika 陽子/ヨウコ/yoko 直美/ナオミ/naomi "
    "真由美/マユミ/mayumi 彩/アヤ/aya 美咲/ミサキ/misaki 由美/ユミ/yumi 愛/アイ/ai "
    "千尋/チヒロ/chihiro 麻衣/マイ/mai 智子/トモコ/tomoko 明美/アケミ/akemi 香織/カオリ/kaori "
    "結衣/ユイ/yui 沙織/サオリ/saori 蓮/レン/ren 悠斗/ユウト/yuto"
)

#: Latin-script company names: (words, katakana reading, domain slug).
_LATIN_FIRST: tuple[Word, ...] = _words(
    "Pacific/パシフィック/pacific Alpine/アルパイン/alpine Nova/ノバ/nova "
    "Apex/エイペックス/apex Crest/クレスト/crest Maple/メープル/maple Harbor/ハーバー/harbor "
    "Summit/サミット/summit Orion/オリオン/orion Vertex/バーテックス/vertex "
    "Blue_Ocean/ブルーオーシャン/blueocean Green_Field/グリーンフィールド/greenfield "
    "Sunrise/サンライズ/sunrise North_Star/ノーススター/northstar "
    "Silver_Line/シルバーライン/silverline Sakura/サクラ/sakura"
)

_LATIN_SECOND: tuple[Word, ...] = _words(
    "Systems/システムズ/systems Trading/トレーディング/trading Foods/フーズ/foods "
    "Logistics/ロジスティクス/logistics Engineering/エンジニアリング/engineering "
    "Solutions/ソリューションズ/solutions Partners/パートナーズ/partners Works/ワークス/works "
    "Labs/ラボ/labs Design/デザイン/design Technologies/テクノロジーズ/technologies "
    "Networks/ネットワークス/networks"
)

#: (legal form, goes before the name, e-mail top-level domain), weighted below.
_LEGAL_FORMS = (
    ("株式会社", True, "co.jp"),
    ("株式会社", False, "co.jp"),
    ("有限会社", True, "co.jp"),
    ("有限会社", False, "co.jp"),
    ("合同会社", False, "jp"),
)
_LEGAL_WEIGHTS = (40, 32, 12, 8, 8)
#: (name template, e-mail top-level domain) for Latin-script names.
_LATIN_FORMS = (
    ("株式会社{}", "co.jp"),
    ("{}株式会社", "co.jp"),
    ("{} Co., Ltd.", "co.jp"),
    ("{} Inc.", "com"),
)

_TOWNS = (
    "本町", "中央", "栄町", "駅前", "大手町", "緑町", "旭町", "東町", "西町", "南町", "北町",
    "幸町", "錦町", "末広町", "昭和町", "新町", "元町", "桜町", "若葉町", "松原",
)  # fmt: skip

_MAILBOXES = ("info", "eigyo", "somu", "contact")

_PROSPECT_NOTES = (
    "商工会議所の紹介",
    "展示会で名刺交換",
    "ホームページからの問い合わせ",
    "既存顧客からの紹介",
    "地元新聞の記事で知った",
)

#: Titles, how often they occur, and the chance that their holder decides (~20% overall).
_TITLES = (
    ("代表取締役", 8, 1.0),
    ("取締役", 5, 0.8),
    ("工場長", 4, 0.4),
    ("部長", 17, 0.3),
    ("課長", 22, 0.05),
    ("係長", 12, 0.0),
    ("主任", 10, 0.0),
    ("担当", 22, 0.0),
)
_DEPARTMENTS = ("総務部", "営業部", "製造部", "購買部", "経理部", "人事部", "技術部", "品質管理部")
_CONTACTS_PER_PROSPECT = (0, 1, 2, 3, 4, 5, 6)
_CONTACTS_WEIGHTS = (5, 12, 22, 26, 18, 10, 7)  # mean ≈ 3

_STAGE_WEIGHTS = {
    Stage.LEAD: 18,
    Stage.APPROACH: 17,
    Stage.APPOINTMENT: 12,
    Stage.HEARING: 12,
    Stage.PROPOSAL: 11,
    Stage.CLOSING: 6,
    Stage.CUSTOMER: 14,
    Stage.DORMANT: 10,
}
#: Calls per prospect by stage as (low, high, mode) of a triangular law; ≈ 10 on average.
_CALLS_BY_STAGE = {
    Stage.LEAD: (0, 8, 2),
    Stage.APPROACH: (1, 12, 4),
    Stage.APPOINTMENT: (2, 16, 7),
    Stage.HEARING: (3, 22, 10),
    Stage.PROPOSAL: (4, 26, 13),
    Stage.CLOSING: (5, 30, 16),
    Stage.CUSTOMER: (6, 36, 18),
    Stage.DORMANT: (1, 14, 4),
}
#: Chance that a prospect at this stage has an open follow-up.
_FOLLOW_UP_CHANCE = {Stage.DORMANT: 0.2, Stage.CUSTOMER: 0.8}

_KINDS = tuple(InteractionKind)
#: Weights over _KINDS (labour, goodwill, information, proposal, another_matter,
#: progress_check, closing, complaint, other) per stage. Dormant prospects are the ones
#: that only ever got progress checks (DOMAIN.md §3, failure 1).
_KIND_WEIGHTS = {
    Stage.LEAD: (1, 3, 5, 0, 1, 1, 0, 0, 2),
    Stage.APPROACH: (2, 3, 5, 1, 2, 1, 0, 0, 1),
    Stage.APPOINTMENT: (2, 3, 4, 1, 3, 1, 0, 0, 1),
    Stage.HEARING: (3, 2, 4, 2, 3, 2, 0, 0, 1),
    Stage.PROPOSAL: (3, 2, 3, 4, 2, 3, 1, 0, 1),
    Stage.CLOSING: (2, 2, 2, 3, 2, 3, 3, 0, 1),
    Stage.CUSTOMER: (2, 3, 3, 2, 3, 1, 1, 2, 1),
    Stage.DORMANT: (1, 2, 3, 1, 1, 5, 0, 0, 1),
}
_CHANNELS = tuple(Channel)
#: Weights over _CHANNELS (phone, visit, online, email) per kind.
_CHANNEL_WEIGHTS = {
    InteractionKind.LABOUR: (2, 3, 2, 3),
    InteractionKind.GOODWILL: (2, 5, 0, 2),
    InteractionKind.INFORMATION: (3, 2, 1, 4),
    InteractionKind.PROPOSAL: (1, 5, 3, 1),
    InteractionKind.ANOTHER_MATTER: (3, 4, 2, 1),
    InteractionKind.PROGRESS_CHECK: (6, 1, 1, 3),
    InteractionKind.CLOSING: (2, 6, 2, 0),
    InteractionKind.COMPLAINT: (4, 5, 1, 0),
    InteractionKind.OTHER: (5, 1, 1, 3),
}
_OUTCOMES = tuple(Outcome)
#: Weights over _OUTCOMES (reached, not_reached, left_message, appointment_set, declined,
#: other) per channel.
_OUTCOME_WEIGHTS = {
    Channel.PHONE: (60, 15, 12, 8, 3, 2),
    Channel.VISIT: (80, 0, 0, 12, 3, 5),
    Channel.ONLINE: (80, 0, 0, 12, 3, 5),
    Channel.EMAIL: (90, 0, 0, 0, 0, 10),
}

#: One-line summaries per kind: (said on the phone / sent by mail, said at a meeting).
_SUMMARIES: dict[InteractionKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    InteractionKind.LABOUR: (
        (
            "競合製品の比較表を作成してお送りした",
            "設備の稼働データを集計してお送りした",
            "社内稟議用の資料案をお送りした",
        ),
        (
            "現場の作業時間を一緒に計測した",
            "社内稟議用の資料作成をお手伝いした",
            "在庫データの整理をお手伝いした",
        ),
    ),
    InteractionKind.GOODWILL: (
        (
            "季節のご挨拶状をお送りした",
            "ご担当者の昇進のお祝いをお伝えした",
            "先日の商談のお礼をお伝えした",
        ),
        (
            "近くまで来たのでご挨拶に伺った",
            "展示会ご来場のお礼に伺った",
            "地元のお祭りの話題で話が弾んだ",
        ),
    ),
    InteractionKind.INFORMATION: (
        (
            "業界の補助金情報をお送りした",
            "法改正の要点をまとめてお送りした",
            "展示会の案内をお送りした",
            "原材料価格の動向をお知らせした",
            "同業他社の導入事例をご紹介した",
        ),
        (
            "同業他社の導入事例をご紹介した",
            "業界動向の資料をお持ちして説明した",
            "補助金の申請要件をご説明した",
        ),
    ),
    InteractionKind.PROPOSAL: (
        ("見積書をお送りした", "提案書の修正版をお送りした", "改善案をオンラインでご説明した"),
        (
            "改善案をご提案した",
            "小ロットでの試験導入をご提案した",
            "保守プランの見直しをご提案した",
        ),
    ),
    InteractionKind.ANOTHER_MATTER: (
        ("別件で工場見学の日程をご相談した", "採用の件で次回お会いすることになった"),
        ("新製品の試作について別途打合せを設定した", "別件で物流の課題を伺った"),
    ),
    InteractionKind.PROGRESS_CHECK: (
        ("検討状況を伺った", "稟議の進み具合を確認した", "見積もりへのご意見を伺った"),
        ("検討状況を伺った", "稟議の進み具合を確認した"),
    ),
    InteractionKind.CLOSING: (
        ("導入のご判断をお願いした", "発注時期のご決断をお願いした"),
        ("導入のご判断をお願いした", "仮クロージング。前向きだが社内確認が必要とのこと"),
    ),
    InteractionKind.COMPLAINT: (
        ("不具合の報告を受け、対応方針をご連絡した", "請求書の誤りについてお詫びした"),
        ("納期遅延のお詫びに伺い、対策をご説明した", "不具合の現品を現地で確認した"),
    ),
    InteractionKind.OTHER: (
        ("担当者の異動について連絡を受けた", "休業日の予定を確認した"),
        ("名刺交換した", "担当者の異動のご挨拶に伺った"),
    ),
}
#: What is logged when nobody answered, instead of the kind's summary.
_UNANSWERED = {
    Outcome.NOT_REACHED: ("ご担当者不在。改めてお電話する", "電話がつながらなかった"),
    Outcome.LEFT_MESSAGE: ("留守番電話にメッセージを残した", "折り返しのお願いを伝言した"),
}
_SUFFIX = {
    Outcome.APPOINTMENT_SET: "。次回の打合せ日程が決まった",
    Outcome.DECLINED: "。今回は見送りとのこと",
}
#: Length of a call in minutes (low, high) by channel; an e-mail has none.
_CALL_MINUTES = {Channel.PHONE: (3, 25), Channel.VISIT: (20, 90), Channel.ONLINE: (15, 60)}
_CALL_NOTES = (
    "次回は工場長も同席予定",
    "競合A社も検討中",
    "予算は来期からとのこと",
    "決裁は社長",
    "担当者が異動予定",
    "資料は紙でほしいとのこと",
)
#: Chance of a small yes (小さなイエス) and of the customer having reached out, by kind.
_SMALL_YES = {InteractionKind.PROPOSAL: 0.3, InteractionKind.CLOSING: 0.35}
_CUSTOMER_INITIATED = {InteractionKind.COMPLAINT: 0.6}
_FOLLOW_UP_WHAT = {
    InteractionKind.LABOUR: ("比較資料を作成してお届けする", "稼働データの集計をお送りする"),
    InteractionKind.GOODWILL: ("ご挨拶に伺う", "先日のお礼をお伝えする"),
    InteractionKind.INFORMATION: ("補助金の締切情報をお送りする", "導入事例をお届けする"),
    InteractionKind.PROPOSAL: ("修正見積を提出する", "提案書をご説明する"),
    InteractionKind.ANOTHER_MATTER: ("工場見学の日程を決める", "別件の打合せに伺う"),
    InteractionKind.PROGRESS_CHECK: ("検討状況を伺う",),
    InteractionKind.CLOSING: ("ご判断を伺う", "発注時期を確認する"),
    InteractionKind.COMPLAINT: ("対策の進捗をご報告する",),
    InteractionKind.OTHER: ("ご担当者に電話する",),
}

HISTORY_DAYS = 548  # ~18 months of logged calls
BATCH_PROSPECTS = 1000  # generated and inserted together; one progress report each
DEMO_CACHE_KIB = -65536  # page cache while the demo is written (negative: KiB, i.e. 64 MiB)


@dataclass(frozen=True)
class DemoSummary:
    """How many rows :func:`generate_demo` wrote."""

    prospects: int
    contacts: int
    interactions: int
    follow_ups: int
    customers: int


class _Picker(Generic[T]):
    """Weighted choice with the cumulative weights worked out once (faster than choices())."""

    __slots__ = ("cum", "items", "random", "total")

    def __init__(self, rng: random.Random, items: Sequence[T], weights: Sequence[int]) -> None:
        self.random = rng.random
        self.items = tuple(items)
        self.cum = tuple(accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self) -> T:
        return self.items[bisect(self.cum, self.random() * self.total)]


_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)  # version 4, RFC 4122 variant


def _uuid4(rng: random.Random) -> str:
    """A UUID4 text made from the generator (same text as ``uuid.UUID(int=n, version=4)``)."""
    h = ((rng.getrandbits(128) & _UUID_KEEP) | _UUID_SET).to_bytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _db_time(naive_utc: datetime) -> str:
    """The text the models and services store for this naive-UTC moment.

    Same as :func:`salesdesk.core.listing.to_db_time`, minus its time-zone conversion.
    """
    return naive_utc.isoformat(" ", "microseconds")


_SYNC_COLUMNS = ("id", "created_at", "updated_at", "deleted_at", "version")
_PROSPECT_COLUMNS = (
    *_SYNC_COLUMNS,
    "company", "company_kana", "stage", "is_customer", "phone", "email", "address",
    "website", "notes", "strength", "last_contact_at", "next_follow_up_at", "search_text",
    "search_names", "sort_key",
)  # fmt: skip
_CONTACT_COLUMNS = (
    *_SYNC_COLUMNS,
    "prospect_id", "name", "name_kana", "title", "department", "is_decision_maker",
    "phone", "email", "notes",
)  # fmt: skip
_INTERACTION_COLUMNS = (
    *_SYNC_COLUMNS,
    "prospect_id", "contact_id", "occurred_at", "channel", "kind", "outcome", "summary",
    "notes", "duration_min", "small_yes", "customer_initiated", "no_next_step",
)  # fmt: skip
_FOLLOW_UP_COLUMNS = (
    *_SYNC_COLUMNS,
    "prospect_id", "interaction_id", "due_at", "what", "kind", "status", "completed_at",
    "notified_at",
)  # fmt: skip

ROWS_PER_STATEMENT = 500


@dataclass(frozen=True)
class _Table:
    """Where one kind of demo row goes, written with multi-row ``INSERT`` statements.

    One statement per few hundred rows instead of ``executemany``'s one per row: the
    full-text triggers on ``prospect`` then update their index once per statement,
    which makes the prospects ~3x faster to insert (and the other tables a bit faster).
    """

    name: str
    columns: tuple[str, ...]

    def insert(self, conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        per_statement = max(1, min(ROWS_PER_STATEMENT, limit // len(self.columns)))
        row_marks = "(" + ",".join("?" * len(self.columns)) + ")"
        head = f"INSERT INTO {self.name} ({', '.join(self.columns)}) VALUES "
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            # Same text for every full chunk, so sqlite3's statement cache reuses it.
            conn.execute(head + ",".join([row_marks] * len(chunk)), list(chain(*chunk)))


#: Parents before children, for the foreign keys.
_TABLES = (
    _Table("prospect", _PROSPECT_COLUMNS),
    _Table("contact", _CONTACT_COLUMNS),
    _Table("interaction", _INTERACTION_COLUMNS),
    _Table("follow_up", _FOLLOW_UP_COLUMNS),
)


class _Batch:
    """Rows of one batch, per table, in insertion order (parents before children)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in _TABLES}


@dataclass(frozen=True, slots=True)
class _OutcomeProfile:
    value: str
    reached: bool
    summaries: tuple[str, ...]  # when set, replaces the kind's summary (nobody answered)
    suffix: str


@dataclass(frozen=True, slots=True)
class _ChannelProfile:
    value: str
    visit: bool
    minutes: tuple[int, int] | None  # an e-mail has no duration
    outcome: _Picker[_OutcomeProfile]


@dataclass(frozen=True, slots=True)
class _KindProfile:
    value: str
    summaries: tuple[tuple[str, ...], tuple[str, ...]]  # (remote, visit)
    channel: _Picker[_ChannelProfile]
    small_yes: float
    customer_initiated: float
    follow_up_what: tuple[str, ...]


class _Generator:
    """Builds the rows of one prospect at a time from a single random generator.

    The per-call work is the hot loop of a 1M-call demo, so every weighted choice is
    a precomputed :class:`_Picker` over small profile objects holding ready values.
    """

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.random = rng.random
        local_now = now.astimezone()
        offset = local_now.utcoffset() or timedelta(0)
        # Local midnight today, as naive UTC: the origin of every "N days ago".
        self.today_start = datetime.combine(local_now.date(), time(0)) - offset
        self.today_weekday = local_now.weekday()
        self.stage = _Picker(rng, list(_STAGE_WEIGHTS), list(_STAGE_WEIGHTS.values()))
        self.legal = _Picker(rng, _LEGAL_FORMS, _LEGAL_WEIGHTS)
        self.title = _Picker(rng, _TITLES, [t[1] for t in _TITLES])
        self.contact_count = _Picker(rng, _CONTACTS_PER_PROSPECT, _CONTACTS_WEIGHTS)
        outcomes = [
            _OutcomeProfile(
                o.value, o not in _UNANSWERED, _UNANSWERED.get(o, ()), _SUFFIX.get(o, "")
            )
            for o in _OUTCOMES
        ]
        channels = {
            c: _ChannelProfile(
                c.value,
                c is Channel.VISIT,
                _CALL_MINUTES.get(c),
                _Picker(rng, outcomes, _OUTCOME_WEIGHTS[c]),
            )
            for c in _CHANNELS
        }
        kinds = [
            _KindProfile(
                k.value,
                _SUMMARIES[k],
                _Picker(rng, [channels[c] for c in _CHANNELS], _CHANNEL_WEIGHTS[k]),
                _SMALL_YES.get(k, 0.08),
                _CUSTOMER_INITIATED.get(k, 0.07),
                _FOLLOW_UP_WHAT[k],
            )
            for k in _KINDS
        ]
        self.kind = {s: _Picker(rng, kinds, w) for s, w in _KIND_WEIGHTS.items()}

    # -- small pieces --------------------------------------------------------------
    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``, both included."""
        return low + int(self.random() * (high - low + 1))

    def office_time(self, days_ago: int, weekdays_only: bool = True) -> datetime:
        """A moment in office hours (9–18 local) ``days_ago`` days back, as naive UTC."""
        if weekdays_only:
            weekday = (self.today_weekday - days_ago) % 7
            if weekday >= 5:  # past: back to Friday; future: on to Monday
                days_ago += weekday - 4 if days_ago > 0 else weekday - 7
        seconds = 9 * 3600 + int(self.random() * 9 * 3600)
        return self.today_start + timedelta(days=-days_ago, seconds=seconds)

    def landline(self, area: str) -> str:
        exchange_len = 10 - len(area) - 4
        exchange = self.between(10 ** (exchange_len - 1), 10**exchange_len - 1)
        return f"{area}-{exchange}-{self.between(0, 9999):04d}"

    def mobile(self) -> str:
        prefix = self.pick(("090", "080", "070"))
        return f"{prefix}-{self.between(1000, 9999)}-{self.between(0, 9999):04d}"

    # -- a company -----------------------------------------------------------------
    def company(self, places: Sequence[Word]) -> tuple[str, str, str]:
        """(company name, katakana reading without the legal form, e-mail domain)."""
        roll = self.random()
        if roll < 0.1:
            first, second = self.pick(_LATIN_FIRST), self.pick(_LATIN_SECOND)
            template, tld = self.pick(_LATIN_FORMS)
            company = template.format(f"{first[0]} {second[0]}")
            return company, first[1] + second[1], f"{first[2]}-{second[2]}.{tld}"
        trade = self.pick(_TRADES)
        if roll < 0.25:
            parts: list[Word] = [self.pick(_SURNAMES), trade]  # a family business
        elif roll < 0.32:
            parts = [self.pick(_MIDDLES), trade]
        elif roll < 0.55:
            parts = [self.pick(places), self.pick(_MIDDLES), trade]
        else:
            parts = [self.pick(places), trade]
        name = "".join(p[0] for p in parts)
        kana = "".join(p[1] for p in parts)
        form, before, tld = self.legal()
        company = form + name if before else name + form
        return company, kana, "-".join(p[2] for p in parts) + "." + tld

    def address(self, prefecture: str, city: str) -> str:
        chome, ban, go = self.between(1, 5), self.between(1, 30), self.between(1, 20)
        return f"{prefecture}{city}{self.pick(_TOWNS)}{chome}丁目{ban}番{go}号"

    def contact(self, prospect_id: str, area: str, domain: str, created: str) -> tuple[Any, ...]:
        """One contact row (columns as in _CONTACT_COLUMNS)."""
        rand = self.random
        surname, given = self.pick(_SURNAMES), self.pick(_GIVEN_NAMES)
        title, _weight, decides = self.title()
        if title in ("代表取締役", "取締役"):
            department = ""
        elif title == "工場長":
            department = "製造部"
        else:
            department = self.pick(_DEPARTMENTS)
        roll = rand()
        phone = self.mobile() if roll < 0.4 else self.landline(area) if roll < 0.75 else ""
        roll = rand()
        if roll < 0.55:
            email = f"{given[2][0]}.{surname[2]}@{domain}"
        elif roll < 0.75:
            email = f"{surname[2]}@{domain}"
        else:
            email = ""
        name = f"{surname[0]}\u3000{given[0]}"
        name_kana = f"{surname[1]}\u3000{given[1]}"
        decision_maker = rand() < decides
        return (_uuid4(self.rng), created, created, None, 1, prospect_id, name, name_kana,
                title, department, decision_maker, phone, email, "")  # fmt: skip

    # -- one prospect and everything under it ----------------------------------------
    def prospect(self, batch: _Batch) -> tuple[int, int, int, bool]:
        """Add one prospect's rows to ``batch``; return (contacts, calls, follow-ups, customer)."""
        rng, rand, pick, rows = self.rng, self.random, self.pick, batch.rows
        prospect_id = _uuid4(rng)
        prefecture, cities, places = pick(_PREFECTURES)
        city, area = pick(cities)
        company, company_kana, domain = self.company(places)
        stage = self.stage()
        is_customer = stage is Stage.CUSTOMER or (stage is not Stage.LEAD and rand() < 0.04)
        phone = self.landline(area)
        email = f"{pick(_MAILBOXES)}@{domain}" if rand() < 0.85 else ""

        # How many days ago the relationship started and the last call could have been.
        start = self.between(5, 120) if stage is Stage.LEAD else self.between(30, HISTORY_DAYS)
        due: datetime | None = None
        if rand() < _FOLLOW_UP_CHANCE.get(stage, 0.95):
            roll = rand()
            if roll < 0.25:  # overdue by a day or more
                due_days_ago = self.between(1, 45)
                due = self.office_time(due_days_ago)
                latest = due_days_ago + 3  # weekends move the due day back by 2 at most
            elif roll < 0.4:  # due today (some of them already this morning)
                due = self.office_time(0, weekdays_only=False)
                latest = 1
            else:
                due = self.office_time(-self.between(1, 30))
                latest = 1
        else:
            latest = self.between(30, 120) if stage is Stage.DORMANT else self.between(1, 30)
        start = max(start, latest)
        # Added a few days before the first call (a weekend may move that call back by two).
        created = self.office_time(start + 3 + self.between(0, 20))
        created_text = _db_time(created)

        # Contacts, in creation order: the order the services list them in.
        searchable: list[tuple[str, str, str, str]] = []
        contact_ids: list[str] = []
        for n in range(self.contact_count()):
            row = self.contact(prospect_id, area, domain, _db_time(created + timedelta(minutes=n)))
            rows["contact"].append(row)
            contact_ids.append(row[0])
            searchable.append((row[6], row[7], row[11], row[12]))  # name, kana, phone, e-mail

        # Calls, oldest first.
        low, high, mode = _CALLS_BY_STAGE[stage]
        n_calls = int(rng.triangular(low, high, mode) + 0.5)
        times = sorted(self.office_time(self.between(latest, start)) for _ in range(n_calls))
        kind_of = self.kind[stage]
        call_id: str | None = None
        calls = rows["interaction"]
        for i, occurred in enumerate(times):
            call_id = _uuid4(rng)
            kind = kind_of()
            channel = kind.channel()
            outcome = channel.outcome()
            if outcome.summaries:
                summary = pick(outcome.summaries)
            else:
                summary = pick(kind.summaries[channel.visit]) + outcome.suffix
            if channel.minutes is None:
                duration: int | None = None
            elif not outcome.reached:
                duration = 1
            else:
                duration = self.between(*channel.minutes)
            contact_id = None
            if contact_ids and rand() < 0.8:
                contact_id = contact_ids[0] if rand() < 0.5 else pick(contact_ids)
            small_yes = outcome.reached and rand() < kind.small_yes
            customer_initiated = outcome.reached and rand() < kind.customer_initiated
            # The last call carries the open follow-up, if there is one; earlier calls
            # mostly had a next step (long since done) and sometimes an explicit "none".
            no_next = due is None if i == n_calls - 1 else rand() < 0.15
            notes = pick(_CALL_NOTES) if rand() < 0.1 else ""
            at = _db_time(occurred)
            calls.append(
                (call_id, at, at, None, 1, prospect_id, contact_id, at, channel.value,
                 kind.value, outcome.value, summary, notes, duration, small_yes,
                 customer_initiated, no_next)
            )  # fmt: skip

        if due is not None:
            fu_kind = kind_of()
            fu_created = _db_time(times[-1] if times else created)
            rows["follow_up"].append(
                (_uuid4(rng), fu_created, fu_created, None, 1, prospect_id, call_id,
                 _db_time(due), pick(fu_kind.follow_up_what), fu_kind.value,
                 FollowUpStatus.OPEN.value, None, None)
            )  # fmt: skip

        last_contact = _db_time(times[-1]) if times else None
        website = f"https://www.{domain}/" if rand() < 0.7 else ""
        notes = pick(_PROSPECT_NOTES) if rand() < 0.15 else ""
        rows["prospect"].append(
            (prospect_id, created_text, last_contact or created_text, None, 1, company,
             company_kana, stage.value, is_customer, phone, email, self.address(prefecture, city),
             website, notes, None, last_contact, None if due is None else _db_time(due),
             *prospect_search_texts(company, company_kana, phone, email, searchable),
             sort_key(company, company_kana))
        )  # fmt: skip
        return len(contact_ids), n_calls, int(due is not None), is_customer


def _insert_batch(conn: sqlite3.Connection, batch: _Batch) -> None:
    for table in _TABLES:
        table.insert(conn, batch.rows[table.name])


def _drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the demo tables' secondary indexes; return the SQL that recreates them.

    Building an index once over sorted keys is much cheaper than a million inserts at
    random places in it. Primary keys (SQLite's automatic indexes, without SQL) stay.
    """
    names = ", ".join(f"'{t.name}'" for t in _TABLES)
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master"
        f" WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})"
    ).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def generate_demo(
    db: Database,
    prospects: int,
    seed: int = 0,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add ``prospects`` demo prospects with contacts, ~18 months of calls and follow-ups.

    The same ``seed`` and ``now`` give the same rows (ids included) on the same machine.
    Rows are generated and inserted :data:`BATCH_PROSPECTS` prospects at a time (so
    memory stays small) inside one transaction: the demo is added whole or not at all.
    ``progress(done, total)`` is called as each batch is written. Existing rows are left alone;
    the same seed added twice to one database fails on its first id and adds nothing.
    """
    if prospects < 0:
        raise ValueError("prospects must not be negative")
    gen_now = now or utc_now()
    gen = _Generator(random.Random(seed), gen_now)
    new_ids: list[str] = []  # for the relationship assessments added at the end
    contacts = interactions = follow_ups = customers = 0
    done = 0
    with db.raw_write() as conn:
        # Random UUID keys put every insert on a random page of each key index: a
        # larger page cache for this transaction keeps those pages in memory.
        previous_cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = {DEMO_CACHE_KIB}")
        try:
            # Dropped and recreated inside this transaction: a failure restores them.
            recreate = _drop_secondary_indexes(conn)
            # SQLite inserts one batch (mostly without the GIL) while the next is built.
            with ThreadPoolExecutor(max_workers=1) as writer:
                pending: Future[None] | None = None
                while done < prospects:
                    batch = _Batch()
                    size = min(BATCH_PROSPECTS, prospects - done)
                    for _ in range(size):
                        c, i, f, is_customer = gen.prospect(batch)
                        contacts += c
                        interactions += i
                        follow_ups += f
                        customers += is_customer
                    if pending is not None:
                        pending.result()  # one batch in flight at most; its error surfaces
                        if progress is not None:
                            progress(done, prospects)
                    new_ids.extend(row[0] for row in batch.rows["prospect"])
                    pending = writer.submit(_insert_batch, conn, batch)
                    done += size
                if pending is not None:
                    pending.result()
                    if progress is not None:
                        progress(done, prospects)
            for sql in recreate:
                conn.execute(sql)
            from salesdesk.core.demo_relationship import generate_assessments

            generate_assessments(conn, new_ids, seed, gen_now)
            from salesdesk.core.demo_deals import generate_deals

            generate_deals(conn, new_ids, seed, gen_now)
            from salesdesk.core.demo_reminders import generate_reminders

            generate_reminders(conn, new_ids, seed, gen_now)
        finally:
            conn.execute(f"PRAGMA cache_size = {previous_cache}")
    return DemoSummary(done, contacts, interactions, follow_ups, customers)
