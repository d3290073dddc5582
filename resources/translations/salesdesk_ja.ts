<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CallDialog</name>
    <message>
        <source>Log call — {0}</source>
        <translation>通話を記録 — {0}</translation>
    </message>
    <message>
        <source>(no one in particular)</source>
        <translation>（特定の相手なし）</translation>
    </message>
    <message>
        <source>What happened, in one line</source>
        <translation>何があったかを一行で</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未記録</translation>
    </message>
    <message>
        <source>Small yes obtained</source>
        <translation>小さなイエスを得た</translation>
    </message>
    <message>
        <source>Customer initiated (they reached out)</source>
        <translation>顧客から（先方からの連絡）</translation>
    </message>
    <message>
        <source>Asked for an appointment</source>
        <translation>アポイントを依頼した</translation>
    </message>
    <message>
        <source>Summary*</source>
        <translation>要約*</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>手段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Done: {0} (due {1})</source>
        <translation>完了: {0}（期日 {1}）</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次の一手</translation>
    </message>
    <message>
        <source>e.g. send the market report they asked about</source>
        <translation>例: 依頼された市場レポートを送る</translation>
    </message>
    <message>
        <source>No next step</source>
        <translation>次の一手なし</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>This call asks for a decision, but the relationship is still weak: {0}. Asking now may get a No. Save anyway, or build the relationship first.</source>
        <translation>この接触は相手に判断を求めるものですが、関係がまだ弱いままです: {0}。今判断を求めると「No」になりやすい段階です。このまま保存するか、先に関係を強めてください。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>このまま保存</translation>
    </message>
    <message>
        <source>What you typed for this call has not been saved. Discard it?</source>
        <translation>この通話の入力内容はまだ保存されていません。破棄しますか？</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>新しい担当者</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>担当者を編集</translation>
    </message>
    <message>
        <source>Reading in katakana</source>
        <translation>フリガナ（カタカナ）</translation>
    </message>
    <message>
        <source>Decision maker / has authority</source>
        <translation>決裁者・権限あり</translation>
    </message>
    <message>
        <source>Name*</source>
        <translation>氏名*</translation>
    </message>
    <message>
        <source>Reading (kana)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Log call (Ctrl+L)</source>
        <translation>通話を記録 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>担当者を追加…</translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation>担当者を編集…</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>担当者を削除</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>Select a prospect, or press Ctrl+N to add one.</source>
        <translation>見込み客を選ぶか、Ctrl+N で追加してください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contacts&lt;/b&gt;</source>
        <translation>&lt;b&gt;担当者&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>関係強度</translation>
    </message>
    <message>
        <source> (existing customer)</source>
        <translation>（既存顧客）</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>次回: {0}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>small yes</source>
        <translation>小さなイエス</translation>
    </message>
    <message>
        <source>customer initiated</source>
        <translation>顧客から</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>SalesDesk could not save this right now. Your text is still in the form; try again in a moment.

Details: {0}</source>
        <translation>いまは保存できませんでした。入力内容はフォームに残っています。少し待ってからもう一度お試しください。

詳細: {0}</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>変更を破棄しますか？</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Lead</source>
        <translation>リード</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>アプローチ</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>アポイント</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>ヒアリング</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>クロージング</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>Online meeting</source>
        <translation>オンライン会議</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Labour (research, documents)</source>
        <translation>労務提供（調査・資料作成）</translation>
    </message>
    <message>
        <source>Goodwill</source>
        <translation>好感</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報提供</translation>
    </message>
    <message>
        <source>Proposal / new idea</source>
        <translation>提案・新しいアイデア</translation>
    </message>
    <message>
        <source>Another matter</source>
        <translation>別件</translation>
    </message>
    <message>
        <source>Progress check</source>
        <translation>進捗確認</translation>
    </message>
    <message>
        <source>Complaint handling</source>
        <translation>クレーム対応</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Talked</source>
        <translation>話せた</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>不在・つながらず</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>伝言を残した</translation>
    </message>
    <message>
        <source>Appointment set</source>
        <translation>アポイント獲得</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>断られた</translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation>会社名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>担当者の氏名を入力してください。</translation>
    </message>
    <message>
        <source>Write a one-line summary of the call.</source>
        <translation>通話の要約を一行で書いてください。</translation>
    </message>
    <message>
        <source>Say what the next step is.</source>
        <translation>次の一手の内容を書いてください。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>この項目は必須です。</translation>
    </message>
    <message>
        <source>This is not a valid e-mail address (example: name@company.co.jp).</source>
        <translation>メールアドレスの形式が正しくありません（例: name@company.co.jp）。</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, +, - and ().</source>
        <translation>電話番号には数字・空白・+・-・( ) だけが使えます。</translation>
    </message>
    <message>
        <source>This value is out of range.</source>
        <translation>値が範囲外です。</translation>
    </message>
    <message>
        <source>Set the next step (when and what), or tick “No next step”.</source>
        <translation>次の一手（日時と内容）を決めるか、「次の一手なし」にチェックを入れてください。</translation>
    </message>
    <message>
        <source>Either set a next step or tick “No next step”, not both.</source>
        <translation>次の一手を決めるか「次の一手なし」にチェックを入れるか、どちらか一方にしてください。</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>このデータはもう存在しません。</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>この値は受け付けられません。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search company, reading, contact, phone, e-mail (Ctrl+F)</source>
        <translation>会社名・フリガナ・担当者・電話・メールで検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>すべての段階</translation>
    </message>
    <message>
        <source>Follow-up due or overdue</source>
        <translation>フォロー期日・期限切れ</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>段階:</translation>
    </message>
    <message>
        <source>&amp;New prospect…</source>
        <translation>見込み客を追加(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit prospect…</source>
        <translation>見込み客を編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete prospect</source>
        <translation>見込み客を削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>通話を記録(&amp;L)…</translation>
    </message>
    <message>
        <source>Add &amp;contact…</source>
        <translation>担当者を追加(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Prospect</source>
        <translation>見込み客(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Appointment success by strength…</source>
        <translation>関係強度別のアポ成功率(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>レポート(&amp;R)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s)</source>
        <translation>
            <numerusform>見込み客 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 prospect(s)</source>
        <translation>
            <numerusform>%1 件中 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Create “{0}”</source>
        <translation>「{0}」を作成</translation>
    </message>
    <message>
        <source>Edit “{0}”</source>
        <translation>「{0}」を編集</translation>
    </message>
    <message>
        <source>Delete “{0}”</source>
        <translation>「{0}」を削除</translation>
    </message>
    <message>
        <source>Deleted “{0}”.</source>
        <translation>「{0}」を削除しました。</translation>
    </message>
    <message>
        <source>Delete contact “{0}”</source>
        <translation>担当者「{0}」を削除</translation>
    </message>
    <message>
        <source>Deleted contact “{0}”.</source>
        <translation>担当者「{0}」を削除しました。</translation>
    </message>
    <message>
        <source>Call saved.</source>
        <translation>通話を保存しました。</translation>
    </message>
    <message>
        <source>Any weakest dimension</source>
        <translation>最弱の関係: すべて</translation>
    </message>
    <message>
        <source>Weakest: {0}</source>
        <translation>最弱: {0}</translation>
    </message>
    <message>
        <source>Prospects whose weakest dimension is this one</source>
        <translation>最も弱い関係がこの項目である見込み客</translation>
    </message>
    <message>
        <source>Not assessed for 30+ days</source>
        <translation>30日以上未評価</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>関係強度:</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>SalesDesk could not change this record.

Details: {0}</source>
        <translation>このデータを変更できませんでした。

詳細: {0}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>My &amp;profile…</source>
        <translation>マイプロフィール(&amp;P)…</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>マイプロフィール</translation>
    </message>
    <message>
        <source>Your name and signature appear in e-mail drafts and on call sheets.</source>
        <translation>お名前と署名は、メールの下書きと訪問シートに表示されます。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社・所属</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
</context>
<context>
    <name>ProspectDialog</name>
    <message>
        <source>New prospect</source>
        <translation>新しい見込み客</translation>
    </message>
    <message>
        <source>Edit prospect</source>
        <translation>見込み客を編集</translation>
    </message>
    <message>
        <source>e.g. Sample Trading Co., Ltd.</source>
        <translation>例: 株式会社サンプル商事</translation>
    </message>
    <message>
        <source>Reading in katakana, e.g. サンプル</source>
        <translation>フリガナ（カタカナ）例: サンプルショウジ</translation>
    </message>
    <message>
        <source>Existing customer (we already do business)</source>
        <translation>既存顧客（すでに取引がある）</translation>
    </message>
    <message>
        <source>Company*</source>
        <translation>会社名*</translation>
    </message>
    <message>
        <source>Reading (kana)</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ProspectTableModel</name>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>関係強度</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最終接触</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>次回フォロー</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>Relationship strength {0} / 30 (six dimensions, 0–5 each)</source>
        <translation>関係強度 {0} / 30(6つの関係、各0〜5)</translation>
    </message>
</context>
<context>
    <name>RadarWidget</name>
    <message>
        <source>Relationship strength {0} / {1}</source>
        <translation>関係強度 {0} / {1}</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Your changes have not been saved. Discard them?</source>
        <translation>変更はまだ保存されていません。破棄しますか？</translation>
    </message>
</context>
<context>
    <name>Relationship</name>
    <message>
        <source>Business</source>
        <translation>ビジネス関係</translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation>共感的関係</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>貢献的関係</translation>
    </message>
    <message>
        <source>Multiple contacts</source>
        <translation>複数接点関係</translation>
    </message>
    <message>
        <source>Key contact</source>
        <translation>有力接点関係</translation>
    </message>
    <message>
        <source>Voluntary</source>
        <translation>自発的関係</translation>
    </message>
    <message>
        <source>Need awareness</source>
        <translation>必要性顕在度</translation>
    </message>
    <message>
        <source>not assessed yet</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>There is already trade between us: a won deal or an existing customer. Zero for a new prospect.</source>
        <translation>すでに取引がある: 受注実績や既存顧客。新規見込み客なら0。</translation>
    </message>
    <message>
        <source>They agree with our way of thinking and attitude, logically and emotionally. Your judgement after conversations.</source>
        <translation>当社の考え方や姿勢に、論理的にも感情的にも共感している。会話を重ねたうえでの自分の判断で。</translation>
    </message>
    <message>
        <source>Dealing with us (not only buying) brings them some benefit: labour, information, proposals, goodwill.</source>
        <translation>(購入に限らず)当社と付き合うことが相手の利益になっている: 労力・情報・提案・好感。</translation>
    </message>
    <message>
        <source>We know several people on their side.</source>
        <translation>相手先の複数の人を知っている。</translation>
    </message>
    <message>
        <source>We know a decision maker or someone with authority.</source>
        <translation>決裁者や権限のある人を知っている。</translation>
    </message>
    <message>
        <source>They have already spent their own time or resources on us: asked for material, came to an event, introduced someone, sent data.</source>
        <translation>相手がすでに自分の時間や資源を当社に使っている: 資料請求、イベント参加、紹介、データ提供など。</translation>
    </message>
    <message>
        <source>How clearly the prospect sees their own need for what we offer. Ask for decisions only once it is high enough.</source>
        <translation>当社が提供するものの必要性を、相手自身がどれだけはっきり認識しているか。十分に高くなってから判断を求める。</translation>
    </message>
    <message>
        <source>0–5: type a digit or use the arrow keys.</source>
        <translation>0〜5: 数字キーか矢印キーで入力</translation>
    </message>
    <message>
        <source>They are an existing customer.</source>
        <translation>既存顧客です。</translation>
    </message>
    <message>
        <source>No trade with them yet.</source>
        <translation>まだ取引はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) known at this company.</source>
        <translation>
            <numerusform>この会社で把握している担当者: %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} ({1}) is a decision maker with an executive title.</source>
        <translation>{0}({1})は役職のある決裁者です。</translation>
    </message>
    <message>
        <source>{0} is marked as decision maker.</source>
        <translation>{0}は決裁者として登録されています。</translation>
    </message>
    <message>
        <source>{0} has an executive title ({1}).</source>
        <translation>{0}は役職者です({1})。</translation>
    </message>
    <message>
        <source>Nobody known there is a decision maker or executive.</source>
        <translation>把握している担当者に決裁者・役職者がいません。</translation>
    </message>
    <message numerus="yes">
        <source>%n contribution(s) (labour, information, proposal, goodwill) in the last 90 days.</source>
        <translation>
            <numerusform>直近90日の貢献(労力・情報・提案・好感): %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) started by the customer.</source>
        <translation>
            <numerusform>顧客から始まった接触: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Score the relationship first: how strong is it on each of the six dimensions?</source>
        <translation>まず関係を評価しましょう: 6つの関係それぞれの強さは?</translation>
    </message>
    <message>
        <source>Contribute: send the market report or case study they asked about, or offer to research something for them.</source>
        <translation>貢献する: 相手が知りたがっていた市場レポートや導入事例を送る、または調べものを代行すると申し出る。</translation>
    </message>
    <message>
        <source>Win empathy: share how you see their situation and listen for where they agree.</source>
        <translation>共感を得る: 相手の状況をどう見ているかを伝え、どこに同意してくれるかを聴く。</translation>
    </message>
    <message>
        <source>Invite a small step of their own: offer material they can ask for, or invite them to a seminar or event.</source>
        <translation>相手の小さな自発的行動を促す: 請求できる資料を案内する、セミナーやイベントに招く。</translation>
    </message>
    <message>
        <source>Widen the contact: ask to be introduced to a colleague in another section.</source>
        <translation>接点を広げる: 別の部署の方を紹介してもらう。</translation>
    </message>
    <message>
        <source>Reach authority: ask to meet their department head or the decision maker.</source>
        <translation>決裁者に近づく: 部長や決裁者に会わせてもらえるよう頼む。</translation>
    </message>
    <message>
        <source>Start trading: propose a small first order or a trial.</source>
        <translation>取引を始める: 小口の初回発注やお試しを提案する。</translation>
    </message>
    <message>
        <source>The relationship is there; help them see the need: show what the problem costs them today.</source>
        <translation>関係はできています。必要性に気づいてもらう: その課題が今どれだけのコストになっているかを示す。</translation>
    </message>
    <message>
        <source>Relationship and need awareness are strong: ask for the decision.</source>
        <translation>関係強度も必要性顕在度も十分です: 判断を求めましょう。</translation>
    </message>
</context>
<context>
    <name>RelationshipPanel</name>
    <message>
        <source>Why (optional), e.g. met the plant manager</source>
        <translation>理由(任意)例: 工場長に会えた</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>評価を保存</translation>
    </message>
    <message>
        <source>Store these scores as a new dated assessment (Ctrl+S)</source>
        <translation>この評価を日付付きの新しい評価として保存(Ctrl+S)</translation>
    </message>
    <message>
        <source>Scores (0–5)</source>
        <translation>評価(0〜5)</translation>
    </message>
    <message>
        <source>Next-best action</source>
        <translation>次の一手</translation>
    </message>
    <message>
        <source>Suggested from what was logged</source>
        <translation>記録からの提案</translation>
    </message>
    <message>
        <source>Not assessed yet.</source>
        <translation>まだ評価していません。</translation>
    </message>
    <message>
        <source>Last assessed {0}</source>
        <translation>最終評価 {0}</translation>
    </message>
    <message>
        <source>Nothing new: the scores agree with what was logged.</source>
        <translation>新しい提案はありません: 評価は記録内容と一致しています。</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>{0} にする</translation>
    </message>
    <message>
        <source>Put {0} into the {1} score; Save stores it.</source>
        <translation>{1}に {0} を入れます(保存で記録されます)。</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>SalesDesk could not store the assessment.

Details: {0}</source>
        <translation>評価を保存できませんでした。

詳細: {0}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backups</source>
        <extracomment>While running, a backup is taken when the newest is at least this old (and data changed).</extracomment>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>SalesDesk backs up your data when it starts (if anything changed) and once a day while it runs, and keeps the newest backup of each of the last 12 days, 10 weeks and 9 months. Backups are kept in:
{0}</source>
        <translation>SalesDeskは起動時（変更があった場合）と起動中は1日1回データをバックアップし、直近12日・10週・9か月それぞれの最新のバックアップを残します。バックアップの保存先:
{0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <source>This backup cannot be read.</source>
        <translation>このバックアップは読み取れません。</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>バックアップはまだありません。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <source>The backup failed and was discarded: {0}</source>
        <translation>バックアップに失敗したため破棄しました: {0}</translation>
    </message>
    <message>
        <source>Restore backup?</source>
        <translation>バックアップを復元しますか？</translation>
    </message>
    <message>
        <source>Replace your current data with the backup from {0} ({1})?

Your current data is backed up first, so you can come back to it from this list.</source>
        <translation>現在のデータを{0}のバックアップ（{1}）で置き換えますか？

現在のデータは先にバックアップするので、この一覧から元に戻せます。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Backup restored. Your data from before the restore was backed up too.</source>
        <extracomment>Data safety after the list is filled: the start-up backup, then a daily check each hour.</extracomment>
        <translation>バックアップを復元しました。復元前のデータもバックアップしてあります。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <extracomment>Typing pauses this long before the draft is written (one small fsync&apos;d file).</extracomment>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>詳細: {0}</translation>
    </message>
    <message>
        <source>Restored what you typed on {0} but had not saved yet. Check it and save, or Cancel to discard it.</source>
        <translation>{0}に入力して未保存だった内容を復元しました。確認して保存するか、「キャンセル」で破棄してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s)</source>
        <extracomment>settings.extra key: the data folder the rep was already warned about (synced folder).</extracomment>
        <translation>
            <numerusform>見込み客 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>通話 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source> working day(s)</source>
        <translation> 営業日後</translation>
    </message>
    <message>
        <source>Warn when relationship strength (the six scores added up) is below this.</source>
        <translation>関係強度(6つの合計)がこの値を下回ったら警告します。</translation>
    </message>
    <message>
        <source>Warn about each dimension scored below this.</source>
        <translation>この値を下回る関係を警告します。</translation>
    </message>
    <message>
        <source>Warn when need awareness is below this.</source>
        <translation>必要性顕在度がこの値を下回ったら警告します。</translation>
    </message>
    <message>
        <source>Before asking for a decision, warn below</source>
        <translation>判断を求める前に、次を下回ったら警告</translation>
    </message>
    <message>
        <source>Relationship strength (0–30)</source>
        <translation>関係強度(0〜30)</translation>
    </message>
    <message>
        <source>Any one dimension (0–5)</source>
        <translation>個々の関係(0〜5)</translation>
    </message>
    <message>
        <source>Need awareness (0–5)</source>
        <translation>必要性顕在度(0〜5)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Next follow-up after</source>
        <translation>次回フォローの既定</translation>
    </message>
    <message>
        <source>Next follow-up at</source>
        <translation>次回フォローの時刻</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データの保存先</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>This data file was written by a newer SalesDesk ({0}); this is SalesDesk {1}. It has not been changed. Install the newer SalesDesk to open it.

{2}</source>
        <translation>このデータファイルは新しい SalesDesk（{0}）で保存されています。お使いの SalesDesk は {1} です。ファイルは変更していません。新しい SalesDesk をインストールしてから開いてください。

{2}</translation>
    </message>
    <message>
        <source>SalesDesk could not open its data file.

{0}

{1}</source>
        <translation>データファイルを開けませんでした。

{0}

{1}</translation>
    </message>
</context>
<context>
    <name>StrengthAnalytics</name>
    <message>
        <source>Not assessed</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>関係なし</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱い</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>構築中</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>強い</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>非常に強い</translation>
    </message>
</context>
<context>
    <name>StrengthAnalyticsChart</name>
    <message>
        <source>Appointment success rate by relationship strength</source>
        <translation>関係強度別のアポイント成功率</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>{0}: {1}/{2}</source>
        <translation>{0}: {1}/{2}</translation>
    </message>
    <message>
        <source>Appointments set</source>
        <translation>アポ獲得</translation>
    </message>
    <message>
        <source>Relationship strength (total 0–30): appointments set / requests</source>
        <translation>関係強度(合計 0〜30): アポ獲得 / 依頼数</translation>
    </message>
</context>
<context>
    <name>StrengthAnalyticsDialog</name>
    <message>
        <source>Appointment success by strength</source>
        <translation>関係強度別のアポ成功率</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment request(s) logged. Strength is the latest assessment made before each request.</source>
        <translation>
            <numerusform>記録されたアポイント依頼: %n 件。関係強度は各依頼の直前の評価です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>関係強度</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>依頼数</translation>
    </message>
    <message>
        <source>Appointments set</source>
        <translation>アポ獲得</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>成功率</translation>
    </message>
</context>
<context>
    <name>StrengthTimeline</name>
    <message>
        <source>No assessments yet</source>
        <extracomment>One colour per score key, the total in black.</extracomment>
        <translation>評価はまだありません</translation>
    </message>
    <message>
        <source>Relationship strength over time</source>
        <translation>関係強度の推移</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>評価</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>元に戻す (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
</TS>
