<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ActionItemDialog</name>
    <message>
        <source>New customer action item</source>
        <translation>顧客側の宿題を追加</translation>
    </message>
    <message>
        <source>Edit customer action item</source>
        <translation>顧客側の宿題を編集</translation>
    </message>
    <message>
        <source>e.g. internal approval of the quotation</source>
        <translation>例：見積もりの社内稟議</translation>
    </message>
    <message>
        <source>e.g. the April installation slot is given to another customer</source>
        <translation>例：4月の搬入枠を他のお客様に回すことになる</translation>
    </message>
    <message>
        <source>no friendly check</source>
        <translation>確認の連絡なし</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 日前</translation>
    </message>
    <message>
        <source>The customer owes*</source>
        <translation>顧客側の宿題*</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>If it is late</source>
        <translation>遅れた場合の影響</translation>
    </message>
    <message>
        <source>Friendly check</source>
        <translation>進捗確認の連絡</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>No reminder before the deadline, only when it passes.</source>
        <translation>期限前のお知らせはありません。期限を過ぎたときにお知らせします。</translation>
    </message>
    <message>
        <source>Reminder for a friendly progress check: {0}</source>
        <translation>進捗確認のお知らせ：{0}</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backup saved at {0}.</source>
        <extracomment>While running, a backup is taken when the newest is at least this old (and data changed).</extracomment>
        <translation>{0} にバックアップを保存しました。</translation>
    </message>
    <message>
        <source>Backup saved at {0} (File → Backups… lists them all)</source>
        <translation>{0} にバックアップを保存しました（「ファイル → バックアップ…」で一覧できます）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>復元前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>更新前</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>取り込みの前</translation>
    </message>
</context>
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
        <translation>先方からの連絡</translation>
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
    <name>CallSheet</name>
    <message>
        <source>decision material</source>
        <extracomment>Where the IPA Gothic fonts live when installed from the system (fonts-ipafont-gothic). Longest text a cell prints before it is cut with an ellipsis (the sheet is a page to take along, not an archive).</extracomment>
        <translation>決断材料</translation>
    </message>
    <message>
        <source>decision deadline</source>
        <translation>決断期日</translation>
    </message>
    <message>
        <source>date of the decision deadline</source>
        <translation>決断期日の日付</translation>
    </message>
    <message>
        <source>how they decide</source>
        <translation>決め方(誰が・何を集めて)</translation>
    </message>
    <message>
        <source>open questions answered</source>
        <translation>疑問・不安の解消</translation>
    </message>
    <message>
        <source>small yeses</source>
        <translation>小さなイエス</translation>
    </message>
    <message>
        <source>trial close</source>
        <translation>仮クロージング</translation>
    </message>
    <message>
        <source>second arrow</source>
        <translation>二の矢</translation>
    </message>
    <message>
        <source>third arrow</source>
        <translation>三の矢</translation>
    </message>
    <message>
        <source>buying signals</source>
        <translation>買いシグナル</translation>
    </message>
    <message>
        <source>closing question</source>
        <translation>クロージングの質問</translation>
    </message>
    <message>
        <source>reason to meet on another matter</source>
        <translation>別件で会う理由</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <extracomment>A table row's header: repeated at the top of a page the row starts. Take whatever height is left on the page (at least ``height``).</extracomment>
        <translation>{0} / {1} ページ</translation>
    </message>
    <message>
        <source>Latest assessment</source>
        <translation>最新の評価</translation>
    </message>
    <message>
        <source>Previous assessment</source>
        <translation>前回の評価</translation>
    </message>
    <message>
        <source>Relationship strength {0} / {1}</source>
        <translation>関係強度 {0} / {1}</translation>
    </message>
    <message>
        <source>Small yes</source>
        <translation>小さなイエス</translation>
    </message>
    <message>
        <source>Asked for a decision</source>
        <translation>判断を求めた</translation>
    </message>
    <message>
        <source>Next step (when / what):</source>
        <translation>次の一手(いつ・何を):</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>進行中の案件</translation>
    </message>
    <message>
        <source>Closing checklist</source>
        <translation>クロージングチェックリスト</translation>
    </message>
    <message>
        <source>{0} of {1} done ({2}%)</source>
        <translation>{1}項目中{0}項目完了（{2}%）</translation>
    </message>
    <message>
        <source>If late:</source>
        <translation>遅れた場合：</translation>
    </message>
    <message>
        <source>existing customer</source>
        <translation>既存顧客</translation>
    </message>
    <message>
        <source>Call sheet</source>
        <translation>架電シート</translation>
    </message>
    <message>
        <source>Printed {0}</source>
        <translation>印刷 {0}</translation>
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
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最終接触</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Department / title</source>
        <translation>部署・役職</translation>
    </message>
    <message>
        <source>Decides</source>
        <translation>決裁</translation>
    </message>
    <message>
        <source>No contacts known yet.</source>
        <translation>担当者はまだ登録されていません。</translation>
    </message>
    <message>
        <source>Relationship and need awareness</source>
        <translation>関係強度と必要性顕在度</translation>
    </message>
    <message>
        <source>Not assessed yet.</source>
        <translation>まだ評価していません。</translation>
    </message>
    <message>
        <source>Assessed {0}</source>
        <translation>評価日 {0}</translation>
    </message>
    <message>
        <source>Next-best action:</source>
        <translation>おすすめの次の一手:</translation>
    </message>
    <message>
        <source>Open deal</source>
        <translation>進行中の案件</translation>
    </message>
    <message>
        <source>No open deal.</source>
        <translation>進行中の案件はありません。</translation>
    </message>
    <message>
        <source>Decision deadline</source>
        <translation>決断期日</translation>
    </message>
    <message>
        <source>Customer's goal date</source>
        <translation>顧客の目標期日</translation>
    </message>
    <message>
        <source>Second arrow</source>
        <translation>二の矢</translation>
    </message>
    <message>
        <source>Third arrow</source>
        <translation>三の矢</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>未達</translation>
    </message>
    <message>
        <source>Open question</source>
        <translation>未解決の疑問・不安</translation>
    </message>
    <message>
        <source>Customer action items</source>
        <translation>顧客側の宿題</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>What the customer owes</source>
        <translation>顧客がすること</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>未完了のものはありません。</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>未完了のフォロー</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>予定日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Last contacts ({0} of {1})</source>
        <translation>最近の接触({1}件中{0}件)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>No contacts logged yet.</source>
        <translation>接触の記録はまだありません。</translation>
    </message>
    <message>
        <source>Outcome of this call</source>
        <translation>今回の結果</translation>
    </message>
    <message>
        <source>Notes during the call</source>
        <translation>通話・面談中のメモ</translation>
    </message>
    <message>
        <source>Call list for {0}</source>
        <translation>{0} の架電リスト</translation>
    </message>
    <message>
        <source>{0} to call, {1} of them overdue</source>
        <translation>{0}件(うち期限切れ {1}件)</translation>
    </message>
    <message>
        <source>Nothing planned or due on this day.</source>
        <translation>この日の予定・期限はありません。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>(+{0} more)</source>
        <translation>(ほか{0}件)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Could not start printing (is the file writable?)</source>
        <translation>印刷を開始できませんでした(ファイルに書き込めますか?)</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check the rows</source>
        <translation>行の確認</translation>
    </message>
    <message>
        <source>Every row is checked before anything is written to your list.</source>
        <translation>リストに書き込む前に、すべての行を確認します。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Company (or contact)</source>
        <translation>会社名（なければ担当者）</translation>
    </message>
    <message>
        <source>&amp;Skip these rows and import the others</source>
        <translation>これらの行を飛ばして残りを取り込む(&amp;S)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>ファイルを確認しています…</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>{0} 行目: {1}</translation>
    </message>
    <message>
        <source>Rows read: {0}. New prospects: {1}. Rows matching prospects you already have: {2}. Rows not valid: {3}.</source>
        <translation>読んだ行: {0} 行。新しい見込み客: {1} 件。登録済みと一致する行: {2} 行。正しくない行: {3} 行。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>／</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>this field is required</source>
        <translation>この項目は必須です</translation>
    </message>
    <message>
        <source>not a valid e-mail address</source>
        <translation>メールアドレスの形式が正しくありません</translation>
    </message>
    <message>
        <source>not a valid phone number</source>
        <translation>電話番号の形式が正しくありません</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>範囲外の値です</translation>
    </message>
    <message>
        <source>set a next step (--next-at and --next-what) or pass --no-next-step</source>
        <translation>次の一手（--next-at と --next-what）を指定するか、--no-next-step を付けてください</translation>
    </message>
    <message>
        <source>give either a next step or --no-next-step, not both</source>
        <translation>次の一手と --no-next-step は、どちらか一方だけを指定してください</translation>
    </message>
    <message>
        <source>not one of the allowed values</source>
        <translation>指定できる値ではありません</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>not a date and time (use 'YYYY-MM-DD HH:MM' or ISO 8601)</source>
        <translation>日時として読み取れません（'YYYY-MM-DD HH:MM' または ISO 8601 で指定してください）</translation>
    </message>
    <message>
        <source>next step</source>
        <translation>次の一手</translation>
    </message>
    <message>
        <source>no contact with id {0} at this prospect</source>
        <translation>この見込み客に ID が {0} の担当者はいません</translation>
    </message>
    <message>
        <source>no prospect with id {0} (give at least 4 characters of it)</source>
        <translation>ID が {0} の見込み客はいません（ID は 4 文字以上指定してください）</translation>
    </message>
    <message>
        <source>no prospect with id {0}</source>
        <translation>ID が {0} の見込み客はいません</translation>
    </message>
    <message numerus="yes">
        <source>the data file already has %n prospect(s); add --force to add demo data to them anyway</source>
        <translation><numerusform>データファイルにはすでに見込み客が %n 件あります。それでもデモデータを追加するには --force を付けてください</numerusform></translation>
    </message>
    <message>
        <source>{0}/{1} prospects</source>
        <translation>見込み客 {0}/{1} 件</translation>
    </message>
    <message>
        <source>demo data of seed {0} is already in this data file; use another --seed</source>
        <translation>シード {0} のデモデータはこのデータファイルにすでにあります。別の --seed を指定してください</translation>
    </message>
    <message>
        <source>demo (seed {0}): {1} ({2}), {3}, {4}, {5} in {6} s</source>
        <translation>デモデータ（シード {0}）: {1}（うち{2}）、{3}、{4}、{5}を {6} 秒で作成しました</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s)</source>
        <translation><numerusform>見込み客 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation><numerusform>顧客 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>担当者 %n 人</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation><numerusform>通話 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open follow-up(s)</source>
        <translation><numerusform>未完了のフォローアップ %n 件</numerusform></translation>
    </message>
    <message>
        <source>COMPANY</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>KANA</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>LAST CONTACT</source>
        <translation>最終接触</translation>
    </message>
    <message>
        <source>NEXT FOLLOW-UP</source>
        <translation>次回フォロー</translation>
    </message>
    <message>
        <source>({0} of {1} shown; --limit 0 shows all)</source>
        <translation>（{1} 件中 {0} 件を表示。--limit 0 ですべて表示します）</translation>
    </message>
    <message>
        <source>(customer)</source>
        <translation>（顧客）</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <source>last contact</source>
        <translation>最終接触</translation>
    </message>
    <message>
        <source>next follow-up</source>
        <translation>次回フォロー</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Contacts ({0})</source>
        <translation>担当者（{0} 人）</translation>
    </message>
    <message>
        <source>DM</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>READING</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>部署・役職</translation>
    </message>
    <message>
        <source>PHONE</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-MAIL</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>○</translation>
    </message>
    <message>
        <source>Open follow-ups ({0})</source>
        <translation>未完了のフォローアップ（{0} 件）</translation>
    </message>
    <message>
        <source>Last calls ({0} of {1})</source>
        <translation>最近の通話（{1} 件中 {0} 件）</translation>
    </message>
    <message>
        <source>small yes</source>
        <translation>小さなイエス</translation>
    </message>
    <message>
        <source>customer's initiative</source>
        <translation>顧客から</translation>
    </message>
    <message>
        <source>data file: {0}</source>
        <translation>データファイル: {0}</translation>
    </message>
    <message>
        <source>there is no data file at {0}</source>
        <translation>{0} にデータファイルがありません</translation>
    </message>
    <message>
        <source>{0} is not a SalesDesk data file or is damaged ({1})</source>
        <translation>{0} は SalesDesk のデータファイルではないか、壊れています（{1}）</translation>
    </message>
    <message>
        <source>integrity: ok</source>
        <translation>整合性: 問題なし</translation>
    </message>
    <message numerus="yes">
        <source>integrity: FAILED (%n problem(s))</source>
        <translation><numerusform>整合性: 異常あり（問題 %n 件）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>foreign keys: FAILED (%n row(s) linked to a missing row)</source>
        <translation><numerusform>参照整合性: 異常あり（存在しない行を参照している行が %n 件）</numerusform></translation>
    </message>
    <message>
        <source>foreign keys: ok</source>
        <translation>参照整合性: 問題なし</translation>
    </message>
    <message>
        <source>schema: ok ({0})</source>
        <translation>スキーマ: 問題なし（{0}）</translation>
    </message>
    <message>
        <source>schema: {0}, older than {1} (SalesDesk upgrades it, after a backup, when it opens the file)</source>
        <translation>スキーマ: {0}（{1} より古い版です。SalesDesk がファイルを開くときに、バックアップを取ってから更新します）</translation>
    </message>
    <message>
        <source>schema: none (not a SalesDesk data file yet)</source>
        <translation>スキーマ: なし（まだ SalesDesk のデータファイルではありません）</translation>
    </message>
    <message>
        <source>last written by: SalesDesk {0}</source>
        <translation>最後に保存したバージョン: SalesDesk {0}</translation>
    </message>
    <message>
        <source>Offline call-logging desk. Without a command, opens the window.</source>
        <translation>オフラインで使える通話記録ツールです。コマンドを指定しないとウィンドウを開きます。</translation>
    </message>
    <message>
        <source>folder of the data file (default: per user)</source>
        <translation>データファイルのフォルダー（既定: ユーザーごと）</translation>
    </message>
    <message>
        <source>language of the window and of the commands' messages</source>
        <translation>ウィンドウとコマンドのメッセージの言語</translation>
    </message>
    <message>
        <source>start, migrate, paint the window, quit (0 = works)</source>
        <translation>起動・データ更新・ウィンドウ描画をして終了します（0 = 正常）</translation>
    </message>
    <message>
        <source>add generated sample data</source>
        <translation>自動生成したサンプルデータを追加します</translation>
    </message>
    <message>
        <source>how many prospects (default: 200)</source>
        <translation>見込み客の件数（既定: 200）</translation>
    </message>
    <message>
        <source>the same seed makes the same data</source>
        <translation>同じシードからは同じデータができます</translation>
    </message>
    <message>
        <source>even when there are prospects</source>
        <translation>見込み客がすでにあっても追加します</translation>
    </message>
    <message>
        <source>integrity and schema state of the data file</source>
        <translation>データファイルの整合性とスキーマの状態を調べます</translation>
    </message>
    <message>
        <source>add, list or show prospects</source>
        <translation>見込み客の追加・一覧・表示</translation>
    </message>
    <message>
        <source>add a prospect; prints its id</source>
        <translation>見込み客を追加し、その ID を表示します</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>reading of the company name</source>
        <translation>会社名のフリガナ</translation>
    </message>
    <message>
        <source>already a customer</source>
        <translation>既存の顧客として登録します</translation>
    </message>
    <message>
        <source>list prospects</source>
        <translation>見込み客を一覧表示します</translation>
    </message>
    <message>
        <source>width- and kana-blind search text</source>
        <translation>検索語（全角・半角、ひらがな・カタカナを区別しません）</translation>
    </message>
    <message>
        <source>follow-up due today or overdue</source>
        <translation>フォローアップが今日まで、または期限切れのもの</translation>
    </message>
    <message>
        <source>0: all</source>
        <translation>0: すべて</translation>
    </message>
    <message>
        <source>full rows as JSON</source>
        <translation>すべての項目を JSON で出力します</translation>
    </message>
    <message>
        <source>a prospect with contacts and calls</source>
        <translation>見込み客を担当者・通話とあわせて表示します</translation>
    </message>
    <message>
        <source>id or unique id prefix</source>
        <translation>ID、または ID の先頭部分（一つに絞れる長さ）</translation>
    </message>
    <message>
        <source>last N calls</source>
        <translation>最近の通話 N 件</translation>
    </message>
    <message>
        <source>as JSON</source>
        <translation>JSON で出力します</translation>
    </message>
    <message>
        <source>add contacts</source>
        <translation>担当者を追加します</translation>
    </message>
    <message>
        <source>add a contact to a prospect; prints its id</source>
        <translation>見込み客に担当者を追加し、その ID を表示します</translation>
    </message>
    <message>
        <source>prospect id or unique prefix</source>
        <translation>見込み客の ID、または ID の先頭部分（一つに絞れる長さ）</translation>
    </message>
    <message>
        <source>the contact's name</source>
        <translation>担当者の氏名</translation>
    </message>
    <message>
        <source>reading of the name</source>
        <translation>氏名のフリガナ</translation>
    </message>
    <message>
        <source>has authority to decide</source>
        <translation>決裁者である</translation>
    </message>
    <message>
        <source>log calls</source>
        <translation>通話を記録します</translation>
    </message>
    <message>
        <source>log a call; needs a next step (--next-at, --next-what) or --no-next-step</source>
        <translation>通話を記録します。次の一手（--next-at、--next-what）か --no-next-step が必要です</translation>
    </message>
    <message>
        <source>one line on what the call was about</source>
        <translation>通話の要約（一行）</translation>
    </message>
    <message>
        <source>contact id or unique prefix</source>
        <translation>担当者の ID、または ID の先頭部分（一つに絞れる長さ）</translation>
    </message>
    <message>
        <source>length of the call in minutes</source>
        <translation>通話の長さ（分）</translation>
    </message>
    <message>
        <source>the customer agreed to a small step</source>
        <translation>小さなイエスを得た</translation>
    </message>
    <message>
        <source>the customer got in touch first</source>
        <translation>先方からの連絡</translation>
    </message>
    <message>
        <source>when the next step is due: 'YYYY-MM-DD HH:MM' local, or ISO 8601</source>
        <translation>次の一手の日時: 'YYYY-MM-DD HH:MM'（この PC の時刻）または ISO 8601</translation>
    </message>
    <message>
        <source>what the next step is</source>
        <translation>次の一手の内容</translation>
    </message>
    <message>
        <source>deliberately none</source>
        <translation>あえて次の一手を決めない</translation>
    </message>
    <message>
        <source>no record with id {0}</source>
        <translation>ID が {0} の記録はありません</translation>
    </message>
</context>
<context>
    <name>CliBackup</name>
    <message>
        <source>list, create or restore backups</source>
        <translation>バックアップの一覧・作成・復元</translation>
    </message>
    <message>
        <source>backups with date and counts, newest first</source>
        <translation>バックアップを日時と件数つきで新しい順に表示します</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>プログラムで読める形式（JSON）で出力します</translation>
    </message>
    <message>
        <source>back up the data file now; prints the new backup's id</source>
        <translation>今すぐデータファイルをバックアップし、新しいバックアップの ID を表示します</translation>
    </message>
    <message>
        <source>replace the data file with a backup (the current file is backed up first)</source>
        <translation>データファイルをバックアップで置き換えます（現在のファイルは先にバックアップします）</translation>
    </message>
    <message>
        <source>a backup id from 'backup list' (a prefix works)</source>
        <translation>'backup list' に表示されるバックアップ ID（先頭部分だけでも可）</translation>
    </message>
    <message>
        <source>no backups in {0}</source>
        <translation>{0} にバックアップはありません</translation>
    </message>
    <message>
        <source>TAKEN (local time)</source>
        <translation>日時（この PC の時刻）</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>PROSPECTS</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <source>CALLS</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>there is no data file at {0}</source>
        <translation>{0} にデータファイルがありません</translation>
    </message>
    <message>
        <source>backed up {0}, {1} to {2}</source>
        <translation>{0}、{1}を {2} にバックアップしました</translation>
    </message>
    <message>
        <source>the backup failed: {0}</source>
        <translation>バックアップできませんでした: {0}</translation>
    </message>
    <message>
        <source>the backup was not restored: {0}</source>
        <translation>バックアップを復元できませんでした: {0}</translation>
    </message>
    <message>
        <source>restored the backup {0} ({1}, {2})</source>
        <translation>バックアップ {0} を復元しました（{1}、{2}）</translation>
    </message>
    <message>
        <source>the data file from before the restore was backed up as {0}</source>
        <translation>復元前のデータファイルは {0} としてバックアップしてあります</translation>
    </message>
    <message numerus="yes">
        <source>%n backups match {0}; give more of the id</source>
        <translation><numerusform>{0} に当てはまるバックアップが %n 件あります。ID をもっと長く指定してください</numerusform></translation>
    </message>
    <message>
        <source>no backup with id {0}</source>
        <translation>ID が {0} のバックアップはありません</translation>
    </message>
    <message>
        <source>? prospects</source>
        <translation>見込み客 ? 件</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s)</source>
        <translation><numerusform>見込み客 %n 件</numerusform></translation>
    </message>
    <message>
        <source>? calls</source>
        <translation>通話 ? 件</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation><numerusform>通話 %n 件</numerusform></translation>
    </message>
</context>
<context>
    <name>CliDeal</name>
    <message>
        <source>a deal is recorded as lost only on the customer's word. Give the reason they stated: --category ({0}), --words (what they said), --said-by (who said it) and --said-on (when). With no word from them, record 'no-answer' instead: the deal stays open and a follow-up is scheduled (--follow-up-at, --follow-up-what).</source>
        <translation>失注にできるのはお客様の言葉があるときだけです。お客様が述べた理由を指定してください: --category（{0}）、--words（お客様の言葉）、--said-by（言った人）、--said-on（言われた日）。お客様から何も聞いていなければ、代わりに 'no-answer'（まだ回答なし）を記録してください。案件は継続し、フォローアップが予定されます（--follow-up-at、--follow-up-what）。</translation>
    </message>
    <message>
        <source>choose one of: {0}</source>
        <translation>次のいずれかを選んでください: {0}</translation>
    </message>
    <message>
        <source>write what the customer said</source>
        <translation>お客様が言ったことを書いてください</translation>
    </message>
    <message>
        <source>who said it on the customer's side</source>
        <translation>お客様側の誰が言ったか</translation>
    </message>
    <message>
        <source>when they said it (YYYY-MM-DD)</source>
        <translation>言われた日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>this date is in the future</source>
        <translation>この日付は未来の日付です</translation>
    </message>
    <message>
        <source>write the amount in figures, e.g. 1,200,000</source>
        <translation>金額を数字で入力してください（例: 1,200,000）</translation>
    </message>
    <message>
        <source>a three-letter currency code such as JPY</source>
        <translation>JPY のような3文字の通貨コードを指定してください</translation>
    </message>
    <message>
        <source>the deal is already won or lost (reopen a lost deal first)</source>
        <translation>この案件はすでに受注または失注です（失注案件は先に再開してください）</translation>
    </message>
    <message>
        <source>only a lost deal can be reopened</source>
        <translation>再開できるのは失注した案件だけです</translation>
    </message>
    <message>
        <source>this is required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <source>must not be in the past</source>
        <translation>過去の日時は指定できません</translation>
    </message>
    <message>
        <source>not one of the allowed values</source>
        <translation>指定できる値ではありません</translation>
    </message>
    <message>
        <source>{0} is not a date (YYYY-MM-DD)</source>
        <translation>{0} は日付ではありません（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>deals: add, list, show, set-stage, outcome, reopen</source>
        <translation>案件: add（追加）、list（一覧）、show（表示）、set-stage（段階変更）、outcome（回答の記録）、reopen（再開）</translation>
    </message>
    <message>
        <source>add a deal to a prospect; prints its id</source>
        <translation>見込み客に案件を追加し、その ID を表示します</translation>
    </message>
    <message>
        <source>the deal's title</source>
        <translation>案件の件名</translation>
    </message>
    <message>
        <source>e.g. 1,200,000 (in the currency)</source>
        <translation>例: 1,200,000（通貨の単位で）</translation>
    </message>
    <message>
        <source>three-letter currency code</source>
        <translation>3文字の通貨コード</translation>
    </message>
    <message>
        <source>your forecast close date</source>
        <translation>自分の受注予測日</translation>
    </message>
    <message>
        <source>customer's decision deadline</source>
        <translation>お客様の決断期日</translation>
    </message>
    <message>
        <source>customer's own goal date</source>
        <translation>お客様自身の目標期日</translation>
    </message>
    <message>
        <source>last date our proposal can help them</source>
        <translation>当社の提案がお役に立てる最終日</translation>
    </message>
    <message>
        <source>who decides on their side</source>
        <translation>お客様側の決裁者</translation>
    </message>
    <message>
        <source>decision steps</source>
        <translation>決定の手順</translation>
    </message>
    <message>
        <source>what they will collect first</source>
        <translation>お客様が事前に集めるもの（相見積など）</translation>
    </message>
    <message>
        <source>competitors</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>list deals</source>
        <translation>案件の一覧</translation>
    </message>
    <message>
        <source>only this prospect's deals</source>
        <translation>この見込み客の案件だけ</translation>
    </message>
    <message>
        <source>only deals still being worked</source>
        <translation>進行中の案件だけ</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>プログラム向けの出力（JSON）</translation>
    </message>
    <message>
        <source>a deal with its checklist, questions and answers</source>
        <translation>案件をチェックリスト、疑問・不安、回答とともに表示します</translation>
    </message>
    <message>
        <source>deal id or unique prefix</source>
        <translation>案件 ID、または一意に決まる先頭部分</translation>
    </message>
    <message>
        <source>move a deal to another stage</source>
        <translation>案件を別の段階に移します</translation>
    </message>
    <message>
        <source>record won / pending / lost (with the customer's reason) or no-answer</source>
        <translation>受注・保留・失注（お客様の理由付き）、または回答なしを記録します</translation>
    </message>
    <message>
        <source>day of the answer (today)</source>
        <translation>回答の日（省略時は今日）</translation>
    </message>
    <message>
        <source>a note on the answer</source>
        <translation>回答についてのメモ</translation>
    </message>
    <message>
        <source>lost: the category of the customer's reason</source>
        <translation>失注: お客様の理由の分類</translation>
    </message>
    <message>
        <source>what the customer said, in their words</source>
        <translation>お客様が言ったこと（その言葉のまま）</translation>
    </message>
    <message>
        <source>lost: when they said it</source>
        <translation>失注: 言われた日</translation>
    </message>
    <message>
        <source>'YYYY-MM-DD HH:MM' or a date</source>
        <translation>'YYYY-MM-DD HH:MM' または日付</translation>
    </message>
    <message>
        <source>no-answer: what the follow-up is for</source>
        <translation>回答なし: フォローアップの用件</translation>
    </message>
    <message>
        <source>no-answer: what the follow-up brings them</source>
        <translation>回答なし: フォローアップでお客様に提供するもの</translation>
    </message>
    <message>
        <source>reopen a lost deal</source>
        <translation>失注した案件を再開します</translation>
    </message>
    <message>
        <source>why it is reopened</source>
        <translation>再開する理由</translation>
    </message>
    <message>
        <source>no deal with id {0} (give a unique prefix)</source>
        <translation>ID が {0} の案件はありません（一意に決まる先頭部分を指定してください）</translation>
    </message>
    <message>
        <source>{0}  stage {1}  pending streak {2}</source>
        <translation>{0}  段階 {1}  保留の連続 {2}</translation>
    </message>
    <message>
        <source>{0}  reopened at stage {1}</source>
        <translation>{0}  段階 {1} で再開しました</translation>
    </message>
    <message>
        <source>no answer yet: the deal stays open; follow-up {0} due {1}</source>
        <translation>まだ回答なし: 案件は継続します。フォローアップ {0}（期日 {1}）</translation>
    </message>
    <message>
        <source>{0}  {1}  pending streak {2}</source>
        <translation>{0}  {1}  保留の連続 {2}</translation>
    </message>
    <message>
        <source>(pending 3+ times in a row: change the approach)</source>
        <translation>（保留が3回以上続いています: アプローチを変えましょう）</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>決断期日</translation>
    </message>
    <message>
        <source>decision deadline</source>
        <translation>決断期日</translation>
    </message>
    <message>
        <source>customer's goal</source>
        <translation>お客様の目標期日</translation>
    </message>
    <message>
        <source>last useful date</source>
        <translation>提案が役立つ最終日</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>受注見込み日</translation>
    </message>
    <message>
        <source>pending streak</source>
        <translation>保留の連続</translation>
    </message>
    <message>
        <source>Readiness {0}% ({1})</source>
        <translation>クロージング準備度 {0}%（{1}）</translation>
    </message>
    <message>
        <source>missing: {0}</source>
        <translation>未達: {0}</translation>
    </message>
    <message>
        <source>Questions and worries</source>
        <translation>疑問・不安</translation>
    </message>
    <message>
        <source>resolved {0}</source>
        <translation>解消 {0}</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>CliInterchange</name>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>this is not a text (CSV) file or an Excel workbook</source>
        <translation>テキスト（CSV）ファイルでも Excel ブックでもありません</translation>
    </message>
    <message>
        <source>an older Excel file (.xls) or a password-protected workbook: save it from Excel as .xlsx without a password, or as CSV</source>
        <translation>古い形式の Excel ファイル（.xls）か、パスワードで保護されたブックです: Excel でパスワードなしの .xlsx か CSV として保存してください</translation>
    </message>
    <message>
        <source>the text encoding could not be recognised; pass --encoding (e.g. cp932 for Japanese Excel, utf-8)</source>
        <translation>文字コードを判別できませんでした。--encoding で指定してください（日本語版 Excel なら cp932、ほかに utf-8 など）</translation>
    </message>
    <message>
        <source>the file cannot be read with this encoding; try another --encoding</source>
        <translation>この文字コードでは読めません。--encoding で別の文字コードを指定してください</translation>
    </message>
    <message>
        <source>the CSV is damaged (a quote that is never closed?)</source>
        <translation>CSV ファイルが壊れています（引用符が閉じられていない可能性があります）</translation>
    </message>
    <message>
        <source>the vCard file is damaged</source>
        <translation>vCard ファイルが壊れています</translation>
    </message>
    <message>
        <source>a cell is too large (over 1,048,576 characters)</source>
        <translation>大きすぎるセルがあります（1,048,576 文字を超えています）</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>ファイルを開けないか、読み込めません</translation>
    </message>
    <message>
        <source>no column is mapped to the company; pass --mapping</source>
        <translation>会社名に対応する列がありません。--mapping で列の対応を指定してください</translation>
    </message>
    <message>
        <source>some rows are not valid; nothing was imported (add --skip-invalid to import the others)</source>
        <translation>正しくない行があるため、何も取り込みませんでした（残りの行を取り込むには --skip-invalid を付けてください）</translation>
    </message>
    <message>
        <source>cancelled; nothing was imported</source>
        <translation>取り込みを中止しました。何も取り込まれていません</translation>
    </message>
    <message>
        <source>some characters cannot be written in this encoding; nothing was written (use UTF-8, or --replace-unencodable to write them as ?)</source>
        <translation>この文字コードで書き出せない文字があるため、何も書き出しませんでした（UTF-8 を使うか、--replace-unencodable で「?」に置き換えてください）</translation>
    </message>
    <message>
        <source>not a SalesDesk JSON dump, or a damaged one</source>
        <translation>SalesDesk の全データ書き出しファイル（JSON）ではないか、壊れています</translation>
    </message>
    <message>
        <source>the dump comes from a newer SalesDesk</source>
        <translation>新しいバージョンの SalesDesk で書き出されたファイルです</translation>
    </message>
    <message>
        <source>the data file already has data; add --replace to replace all of it</source>
        <translation>データファイルにはすでにデータがあります。すべて置き換えるには --replace を付けてください</translation>
    </message>
    <message>
        <source>unknown mapping (use google, outlook, salesdesk or a JSON file)</source>
        <translation>不明な列の対応です（google、outlook、salesdesk、または JSON ファイルを指定してください）</translation>
    </message>
    <message>
        <source>more cells than the header has columns</source>
        <translation>見出しの列数よりセルが多い</translation>
    </message>
    <message>
        <source>required</source>
        <translation>空欄（必須）</translation>
    </message>
    <message>
        <source>not a valid e-mail address</source>
        <translation>メールアドレスではない</translation>
    </message>
    <message>
        <source>not a valid phone number</source>
        <translation>電話番号ではない</translation>
    </message>
    <message>
        <source>not one of the allowed values</source>
        <translation>想定外の値</translation>
    </message>
    <message>
        <source>import prospects from CSV/XLSX/vCard, or a JSON dump</source>
        <translation>CSV/XLSX/vCard から見込み客を取り込む。全データ書き出し（JSON）からは復元する</translation>
    </message>
    <message>
        <source>google, outlook, salesdesk, or a JSON file</source>
        <translation>列の対応: google、outlook、salesdesk、または JSON ファイル</translation>
    </message>
    <message>
        <source>check and count; write nothing</source>
        <translation>確認して件数を数えるだけで、何も書き込まない</translation>
    </message>
    <message>
        <source>text encoding (default: detected)</source>
        <translation>文字コード（既定: 自動判定）</translation>
    </message>
    <message>
        <source>column delimiter (default: detected)</source>
        <translation>区切り文字（既定: 自動判定）</translation>
    </message>
    <message>
        <source>the first row is data</source>
        <translation>先頭の行も列見出しではなくデータとして読む</translation>
    </message>
    <message>
        <source>the workbook's sheet to read (default: the list's)</source>
        <translation>読み込むブックのシート（既定: リストが入っているシート）</translation>
    </message>
    <message>
        <source>rows above the header (default: detected)</source>
        <translation>列見出しより上にある行の数（既定: 自動判定）</translation>
    </message>
    <message>
        <source>import the valid rows</source>
        <translation>正しくない行を飛ばして残りを取り込む</translation>
    </message>
    <message>
        <source>rows matching an existing prospect: fill its empty fields (default), overwrite --overwrite-fields, or skip</source>
        <translation>登録済みの見込み客と一致する行の扱い: fill（空欄だけ補う、既定）、overwrite（--overwrite-fields の項目を上書き）、skip（取り込まない）</translation>
    </message>
    <message>
        <source>the fields --on-duplicate overwrite replaces</source>
        <translation>--on-duplicate overwrite で上書きする項目</translation>
    </message>
    <message>
        <source>JSON dump: replace all data</source>
        <translation>全データ書き出し（JSON）: いまのデータをすべて置き換える</translation>
    </message>
    <message>
        <source>export prospects (CSV/XLSX), everything (JSON), follow-ups (ICS)</source>
        <translation>見込み客（CSV/XLSX）、全データ（JSON）、フォローアップ（ICS）を書き出す</translation>
    </message>
    <message>
        <source>CSV: utf-8-sig (default) or cp932</source>
        <translation>CSV: utf-8-sig（既定）または cp932</translation>
    </message>
    <message>
        <source>CSV: write characters the encoding cannot hold as ?</source>
        <translation>CSV: その文字コードで表せない文字を「?」にして書き出す</translation>
    </message>
    <message>
        <source>CSV/XLSX: only prospects matching this</source>
        <translation>CSV/XLSX: この語に一致する見込み客だけ</translation>
    </message>
    <message>
        <source>CSV/XLSX: only prospects at this stage</source>
        <translation>CSV/XLSX: このステージの見込み客だけ</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>{0} 行目</translation>
    </message>
    <message>
        <source>imported {0}, merged {1}, unchanged {2}, skipped {3}, errors {4} (contacts added {5})</source>
        <translation>新規 {0} 件、統合 {1} 件、変更なし {2} 件、スキップ {3} 件、エラー {4} 件（追加した担当者 {5} 人）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>／</translation>
    </message>
    <message>
        <source>line {0} {1}: {2}</source>
        <translation>{0} 行目 {1}: {2}</translation>
    </message>
    <message>
        <source>... and {0} more</source>
        <translation>…ほか {0} 行</translation>
    </message>
    <message>
        <source>dry run (nothing written): would restore {0}</source>
        <translation>確認のみ（何も書き込んでいません）: 復元される件数 {0}</translation>
    </message>
    <message>
        <source>restored {0}</source>
        <translation>復元しました: {0}</translation>
    </message>
    <message>
        <source>backup of the data before the restore: {0}</source>
        <translation>復元前のデータのバックアップ: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ({0})</source>
        <translation><numerusform>%n 行（{0}）</numerusform></translation>
    </message>
    <message>
        <source>backup of the data before the import: {0}</source>
        <translation>取り込み前のデータのバックアップ: {0}</translation>
    </message>
    <message>
        <source>{0} — nothing was imported</source>
        <translation>{0} — 何も取り込みませんでした</translation>
    </message>
    <message>
        <source>nothing was imported: the backup before it failed: {0}</source>
        <translation>何も取り込みませんでした: 取り込み前のバックアップを保存できませんでした: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) matched existing prospects ({0})</source>
        <translation><numerusform>%n 行が登録済みの見込み客と一致しました（{0}）</numerusform></translation>
    </message>
    <message>
        <source>dry run (nothing written): {0}</source>
        <translation>確認のみ（何も書き込んでいません）: {0}</translation>
    </message>
    <message>
        <source>wrote {0}: {1}</source>
        <translation>{0} に書き出しました: {1}</translation>
    </message>
    <message numerus="yes">
        <source>wrote {0}: %n event(s)</source>
        <translation><numerusform>{0} に書き出しました: カレンダーの予定 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n 行</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>wrote {0}: %n prospect(s), {1}</source>
        <translation><numerusform>{0} に書き出しました: 見込み客 %n 件（{1}）</numerusform></translation>
    </message>
    <message>
        <source>row {0} {1}: {2} written as ?</source>
        <translation>{0} 行目 {1}: {2} を「?」にしました</translation>
    </message>
    <message>
        <source>cannot be written in {0}: {1}</source>
        <translation>{0} で書き出せない文字: {1}</translation>
    </message>
    <message>
        <source>row {0} {1}: {2}</source>
        <translation>{0} 行目 {1}: {2}</translation>
    </message>
</context>
<context>
    <name>CliItems</name>
    <message>
        <source>follow-up</source>
        <extracomment>A deadline given as a date alone falls at the end of that working day.</extracomment>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <source>customer item</source>
        <translation>顧客側の宿題</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>クレーム</translation>
    </message>
    <message>
        <source>overdue, due today and this week</source>
        <translation>期限切れ・今日・今週のフォローアップと期限</translation>
    </message>
    <message>
        <source>customer action items: add, done, cancel, list, draft (e-mail)</source>
        <translation>顧客側の宿題: add（追加）、done（完了）、cancel（取り消し）、list（一覧）、draft（メール下書き）</translation>
    </message>
    <message>
        <source>add what the customer owes by a deadline; prints its id</source>
        <translation>お客様に期限までにしていただくこと（顧客側の宿題）を追加し、その ID を表示する</translation>
    </message>
    <message>
        <source>what the customer is to do</source>
        <translation>お客様にしていただくこと</translation>
    </message>
    <message>
        <source>'YYYY-MM-DD HH:MM' local, ISO 8601, or a date alone ({0}:00)</source>
        <translation>期限: 'YYYY-MM-DD HH:MM'（このパソコンの時刻）、ISO 8601、または日付のみ（その日の {0}:00）</translation>
    </message>
    <message>
        <source>contact id or unique prefix</source>
        <translation>担当者の ID（一つに決まれば先頭の一部でも可）</translation>
    </message>
    <message>
        <source>what a delay would affect</source>
        <translation>遅れた場合の影響</translation>
    </message>
    <message>
        <source>days before the deadline for a friendly check (default 3, 0: none)</source>
        <translation>期限の何日前に進捗確認の連絡をするか（既定 3、0 なら確認の連絡なし）</translation>
    </message>
    <message>
        <source>notes on the item</source>
        <translation>宿題についてのメモ</translation>
    </message>
    <message>
        <source>mark an item done</source>
        <translation>宿題を完了にする</translation>
    </message>
    <message>
        <source>cancel an item</source>
        <translation>宿題を取り消す</translation>
    </message>
    <message>
        <source>id or unique id prefix</source>
        <translation>ID（一つに決まれば先頭の一部でも可）</translation>
    </message>
    <message>
        <source>open items by deadline</source>
        <translation>未完了の宿題を期限順に表示する</translation>
    </message>
    <message>
        <source>done and cancelled ones too</source>
        <translation>完了・取り消したものも含める</translation>
    </message>
    <message>
        <source>print the e-mail draft for an item</source>
        <translation>宿題のメール下書きを表示する</translation>
    </message>
    <message>
        <source>the friendly check before the deadline, or the reminder after it</source>
        <translation>check: 期限前の進捗確認、overdue: 期限を過ぎた後の催促</translation>
    </message>
    <message>
        <source>the language of the e-mail</source>
        <translation>メールの言語</translation>
    </message>
    <message>
        <source>no customer item with id {0} (give at least 4 characters of it)</source>
        <translation>ID が {0} の顧客側の宿題はありません（ID は 4 文字以上で指定してください）</translation>
    </message>
    <message>
        <source>no customer item with id {0}</source>
        <translation>ID が {0} の顧客側の宿題はありません</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>DUE</source>
        <translation>期日</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>COMPANY</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>ITEM</source>
        <translation>宿題</translation>
    </message>
    <message>
        <source>CONTACT</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>IF LATE</source>
        <translation>遅れた場合</translation>
    </message>
    <message>
        <source>nothing overdue or due this week</source>
        <translation>期限切れや今週期限のものはありません</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>{0} (check due)</source>
        <translation>{0}（確認の時期）</translation>
    </message>
    <message numerus="yes">
        <source>{0} (%n day(s) silent)</source>
        <translation><numerusform>{0}（%n日間連絡なし）</numerusform></translation>
    </message>
    <message>
        <source>{0} uses {1}, which is not a placeholder</source>
        <translation>{0} の {1} は差し込み項目ではありません</translation>
    </message>
    <message>
        <source>{0} has a brace without its partner (write {1} or {2})</source>
        <translation>{0} に対になっていない括弧があります（括弧そのものは {1} または {2} と書きます）</translation>
    </message>
</context>
<context>
    <name>CliSheet</name>
    <message>
        <source>print a call sheet or the day's call list as PDF</source>
        <translation>架電シートまたは当日の架電リストを PDF に書き出します</translation>
    </message>
    <message>
        <source>call sheets of these prospects, in this order</source>
        <translation>これらの見込み客の架電シート（指定した順）</translation>
    </message>
    <message>
        <source>the call list of this day</source>
        <translation>この日の架電リスト</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>書き出す PDF ファイル</translation>
    </message>
    <message>
        <source>language of the sheet</source>
        <translation>シートの言語</translation>
    </message>
    <message>
        <source>US Letter instead of A4</source>
        <translation>A4 ではなく US レター</translation>
    </message>
    <message>
        <source>--day: one table, not sheets</source>
        <translation>--day: シートではなく一覧表にする</translation>
    </message>
    <message>
        <source>--day: leave overdue out</source>
        <translation>--day: 期限切れを含めない</translation>
    </message>
    <message>
        <source>--day: first N prospects (0: all)</source>
        <translation>--day: 先頭の N 件の見込み客（0: すべて）</translation>
    </message>
    <message>
        <source>print 'done/total' per sheet and 'pages N' at the end (for programs)</source>
        <translation>シートごとに 'done/total'、最後に 'pages N' を出力します（プログラム用）</translation>
    </message>
    <message>
        <source>the folder {0} does not exist</source>
        <translation>フォルダー {0} が見つかりません</translation>
    </message>
    <message>
        <source>{0} is a folder</source>
        <translation>{0} はフォルダーです</translation>
    </message>
    <message>
        <source>--day {0}: write the day as YYYY-MM-DD</source>
        <translation>--day {0}: 日付は YYYY-MM-DD の形で指定してください</translation>
    </message>
    <message>
        <source>the IPA P Gothic font was not found (install fonts-ipafont-gothic); Japanese text may print as boxes</source>
        <translation>日本語フォント（IPA Pゴシック）が見つかりません（fonts-ipafont-gothic をインストールしてください）。日本語が□で印刷されることがあります</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) for {0}</source>
        <translation><numerusform>{0} の見込み客 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n call sheet(s)</source>
        <translation><numerusform>架電シート %n 枚</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1}, %n page(s)</source>
        <translation><numerusform>{0}: {1}、%n ページ</numerusform></translation>
    </message>
</context>
<context>
    <name>CliStrength</name>
    <message>
        <source>show or set relationship strength</source>
        <extracomment>The dimension tokens ``--score`` takes (the same in every language).</extracomment>
        <translation>関係強度を表示・評価します</translation>
    </message>
    <message>
        <source>latest scores, history, suggestions, next action</source>
        <translation>最新の評価、履歴、提案、次の一手</translation>
    </message>
    <message>
        <source>the prospect</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>プログラム向けの出力（JSON）</translation>
    </message>
    <message>
        <source>store a new dated assessment</source>
        <translation>日付付きの新しい評価を保存します</translation>
    </message>
    <message>
        <source>a score 0-5; repeat for several. Dimensions: {0}</source>
        <translation>0〜5 の評価。複数なら繰り返して指定。項目: {0}</translation>
    </message>
    <message>
        <source>why, in a few words</source>
        <translation>理由（簡単に）</translation>
    </message>
    <message>
        <source>give at least one --score DIMENSION=N (dimensions: {0})</source>
        <translation>--score DIMENSION=N を1つ以上指定してください（項目: {0}）</translation>
    </message>
    <message>
        <source>--score {0}: write it as DIMENSION=N, e.g. empathy=3</source>
        <translation>--score {0}: DIMENSION=N の形で書いてください（例: empathy=3）</translation>
    </message>
    <message>
        <source>unknown dimension {0}; the dimensions are: {1}</source>
        <translation>{0} という項目はありません。項目は次のとおりです: {1}</translation>
    </message>
    <message>
        <source>{0}: a score is a whole number from 0 to 5</source>
        <translation>{0}: 評価は 0〜5 の整数です</translation>
    </message>
    <message>
        <source>Not assessed yet.</source>
        <translation>まだ評価していません。</translation>
    </message>
    <message>
        <source>Relationship strength {0}/{1}  ({2})</source>
        <translation>関係強度 {0}/{1}  （{2}）</translation>
    </message>
    <message>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message numerus="yes">
        <source>History (%n assessment(s))</source>
        <translation><numerusform>履歴（評価 %n 件）</numerusform></translation>
    </message>
    <message>
        <source>total {0}</source>
        <translation>合計 {0}</translation>
    </message>
    <message>
        <source>Suggested from what was logged</source>
        <translation>記録からの提案</translation>
    </message>
    <message>
        <source>Next-best action: {0}</source>
        <translation>おすすめの次の一手: {0}</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <source>SalesDesk keeps running in the tray so reminders still reach you. Quit it from the tray icon's menu.</source>
        <translation>リマインダーをお知らせできるよう、SalesDeskはタスクトレイで動き続けます。終了するにはトレイアイコンのメニューから「終了」を選んでください。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>クレームを記録</translation>
    </message>
    <message>
        <source>Edit complaint</source>
        <translation>クレームを編集</translation>
    </message>
    <message>
        <source>What went wrong, in the customer's words</source>
        <translation>何が起きたか（お客様の言葉で）</translation>
    </message>
    <message>
        <source>How it was put right (needed to resolve it)</source>
        <translation>どのように解決したか（解決済みにするには必須）</translation>
    </message>
    <message>
        <source>Problem*</source>
        <translation>内容*</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解決内容</translation>
    </message>
    <message>
        <source>Resolution*</source>
        <translation>解決内容*</translation>
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
    <name>DealPanel</name>
    <message>
        <source>The reason to meet (required)</source>
        <translation>会う理由（必須）</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>メモ（任意）</translation>
    </message>
    <message>
        <source>When it was done</source>
        <translation>実施日</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Decision deadline</source>
        <translation>決断期日</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新しい案件</translation>
    </message>
    <message>
        <source>Answer ○ △ ×…</source>
        <translation>回答 ○ △ ×…</translation>
    </message>
    <message>
        <source>Record the customer's answer, or that there is no answer yet</source>
        <translation>お客様の回答、またはまだ回答がないことを記録します</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Reopen a lost deal; the loss stays in its history</source>
        <translation>失注した案件を再開します（失注の記録は履歴に残ります）</translation>
    </message>
    <message>
        <source>Delete deal</source>
        <translation>案件を削除</translation>
    </message>
    <message>
        <source>Larger view…</source>
        <translation>大きく表示…</translation>
    </message>
    <message>
        <source>Open the deals in a larger window</source>
        <translation>案件を大きなウィンドウで開きます</translation>
    </message>
    <message>
        <source>What you are selling, e.g. trade-fair package</source>
        <translation>何を売るか（例: 展示会出展パック）</translation>
    </message>
    <message>
        <source>Your own forecast of when it closes</source>
        <translation>自分の受注予測日</translation>
    </message>
    <message>
        <source>By when the customer will decide (決断期日)</source>
        <translation>お客様がいつまでに決めるか（決断期日）</translation>
    </message>
    <message>
        <source>What the customer must achieve by when</source>
        <translation>お客様がいつまでに何を達成したいか</translation>
    </message>
    <message>
        <source>After this date our proposal can no longer help them reach their goal</source>
        <translation>この日を過ぎると、当社の提案ではお客様の目標に間に合いません</translation>
    </message>
    <message>
        <source>e.g. manager compares, president signs</source>
        <translation>例: 部長が比較し、社長が決裁</translation>
    </message>
    <message>
        <source>e.g. two competing quotes</source>
        <translation>例: 他社2社の見積もり</translation>
    </message>
    <message>
        <source>Save deal</source>
        <translation>案件を保存</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Your forecast</source>
        <translation>受注見込み日</translation>
    </message>
    <message>
        <source>Customer's goal date</source>
        <translation>お客様の目標期日</translation>
    </message>
    <message>
        <source>Last date we can help</source>
        <translation>提案が間に合う期限</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>Decision steps</source>
        <translation>決定の手順</translation>
    </message>
    <message>
        <source>They collect first</source>
        <translation>事前に集めるもの（相見積など）</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Closing checklist</source>
        <translation>クロージング・チェックリスト</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is missing&lt;/b&gt;</source>
        <translation>&lt;b&gt;足りないもの&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Second arrow: an alternative proposal</source>
        <translation>二の矢: 代わりの提案</translation>
    </message>
    <message>
        <source>Third arrow: one more next step</source>
        <translation>三の矢: もう一つの次の一手</translation>
    </message>
    <message>
        <source>e.g. asked about delivery dates</source>
        <translation>例: 納期を聞かれた</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Questions and worries</source>
        <translation>疑問・不安</translation>
    </message>
    <message>
        <source>Question or worry</source>
        <translation>疑問・不安</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>質問者</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解消日</translation>
    </message>
    <message>
        <source>Add question…</source>
        <translation>疑問を追加…</translation>
    </message>
    <message>
        <source>Answer / edit…</source>
        <translation>回答・編集…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>No deals yet. “New deal” starts one.</source>
        <translation>案件はまだありません。「新しい案件」で始めます。</translation>
    </message>
    <message>
        <source>The decision deadline has passed</source>
        <translation>決断期日を過ぎています</translation>
    </message>
    <message>
        <source>The deal has unsaved changes. Discard them?</source>
        <extracomment>Wider than this, the editor and the checklist sit side by side. On a won or lost deal the checklist is a record: an item not done is only a dash.</extracomment>
        <translation>案件に保存していない変更があります。破棄しますか？</translation>
    </message>
    <message>
        <source>Create deal</source>
        <translation>案件を作成</translation>
    </message>
    <message>
        <source>Answers so far:</source>
        <translation>これまでの回答:</translation>
    </message>
    <message>
        <source>Nothing: every item is done.</source>
        <translation>ありません。すべて完了しています。</translation>
    </message>
    <message numerus="yes">
        <source>(%n logged since the deal opened)</source>
        <translation>
            <numerusform>（案件開始以降 %n 件記録）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n open, below)</source>
        <translation>
            <numerusform>（未解消 %n 件、下記）</numerusform>
        </translation>
    </message>
    <message>
        <source>The deal is lost. The checklist below is kept as it was: “Reopen” continues the deal from here, with its ticks and notes.</source>
        <translation>失注した案件です。下のチェックリストはそのまま残っています。「再開」すると、チェックとメモを引き継いでここから続けられます。</translation>
    </message>
    <message>
        <source>The deal is won. The checklist below is kept as the record of how it closed.</source>
        <translation>受注した案件です。下のチェックリストは、受注までの記録として残しています。</translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation>未解消</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Delete the deal “{0}” with its checklist and questions?</source>
        <translation>案件「{0}」をチェックリストと疑問ごと削除しますか？</translation>
    </message>
    <message>
        <source>Deals — {0}</source>
        <translation>案件 — {0}</translation>
    </message>
    <message>
        <source>SalesDesk could not store this.

Details: {0}</source>
        <translation>SalesDesk はこれを保存できませんでした。

詳細: {0}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
</context>
<context>
    <name>DealText</name>
    <message>
        <source>Open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>○ Won</source>
        <translation>○ 受注</translation>
    </message>
    <message>
        <source>△ Pending</source>
        <translation>△ 保留</translation>
    </message>
    <message>
        <source>× Lost</source>
        <translation>× 失注</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>まだ回答なし</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>時期</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>必要なし</translation>
    </message>
    <message>
        <source>Internal decision</source>
        <translation>社内の判断</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>その他の理由</translation>
    </message>
    <message>
        <source>Decision material provided</source>
        <translation>決断材料を渡した</translation>
    </message>
    <message>
        <source>Decision deadline fixed</source>
        <translation>決断期日を決めた</translation>
    </message>
    <message>
        <source>Decision process known</source>
        <translation>決め方（誰が・何を集めて）を把握した</translation>
    </message>
    <message>
        <source>Questions and worries resolved</source>
        <translation>疑問・不安を解消した</translation>
    </message>
    <message>
        <source>Small yeses obtained</source>
        <translation>小さなイエスを得た</translation>
    </message>
    <message>
        <source>Trial close done</source>
        <translation>仮クロージングをした</translation>
    </message>
    <message>
        <source>Second and third arrows ready</source>
        <translation>二の矢・三の矢を用意した</translation>
    </message>
    <message>
        <source>Buying signals observed</source>
        <translation>買いシグナルを確認した</translation>
    </message>
    <message>
        <source>Closing question asked</source>
        <translation>クロージングの質問をした</translation>
    </message>
    <message>
        <source>Reason for the next meeting (another matter)</source>
        <translation>次に会う理由（別件）</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) or worry(ies) still unanswered.</source>
        <translation><numerusform>疑問・不安が %n 件、まだ解消されていません。</numerusform></translation>
    </message>
    <message>
        <source>Give them the material they need to decide.</source>
        <translation>決断に必要な材料（決断材料）を渡しましょう。</translation>
    </message>
    <message>
        <source>Agree by when they will decide (the decision deadline).</source>
        <translation>いつまでに決めるか（決断期日）を決めましょう。</translation>
    </message>
    <message>
        <source>Write the decision deadline's date on the deal.</source>
        <translation>決断期日の日付を案件に記入しましょう。</translation>
    </message>
    <message>
        <source>Find out how they decide: who decides and what they collect first.</source>
        <translation>決め方を確認しましょう: 誰が決め、先に何を集めるか。</translation>
    </message>
    <message>
        <source>No small yes logged yet: ask for small agreements along the way.</source>
        <translation>小さなイエスが未記録です。少しずつ合意を積み重ねましょう。</translation>
    </message>
    <message>
        <source>Do a trial close before the real one.</source>
        <translation>本番の前に仮クロージングをしましょう。</translation>
    </message>
    <message>
        <source>Write down the second arrow (an alternative if they hesitate).</source>
        <translation>二の矢（迷われたときの代案）を書いておきましょう。</translation>
    </message>
    <message>
        <source>Write down the third arrow (one more next step).</source>
        <translation>三の矢（もう一つの次の一手）を書いておきましょう。</translation>
    </message>
    <message>
        <source>No buying signal noted yet.</source>
        <translation>買いシグナルはまだ記録されていません。</translation>
    </message>
    <message>
        <source>Ask the closing question: let the customer be the one who decides.</source>
        <translation>クロージングの質問をしましょう。決めるのはお客様です。</translation>
    </message>
    <message>
        <source>Set a reason to meet again on another matter (write it in the note).</source>
        <translation>別件で会う理由を作りましょう（メモに書いてください）。</translation>
    </message>
    <message>
        <source>Ready to close: {0}%</source>
        <translation>クロージング可能: {0}%</translation>
    </message>
    <message>
        <source>Getting there: {0}%</source>
        <translation>もう少し: {0}%</translation>
    </message>
    <message>
        <source>Not ready yet: {0}%</source>
        <translation>まだ準備不足: {0}%</translation>
    </message>
    <message numerus="yes">
        <source>Pending (△) %n time(s) in a row: change the approach — new material, a new proposal or the decision maker — rather than waiting again.</source>
        <translation><numerusform>保留（△）が %n 回続いています。また待つのではなく、新しい材料・新しい提案・決裁者への接触など、アプローチを変えましょう。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The last %n contact(s) were only progress checks. Next time bring them something of value: {0}.</source>
        <translation><numerusform>直近 %n 回の接触が進捗確認だけでした。次はお客様にメリットのあるものを持っていきましょう: {0}。</numerusform></translation>
    </message>
    <message>
        <source>Choose the category of the customer's reason.</source>
        <translation>お客様の理由の分類を選んでください。</translation>
    </message>
    <message>
        <source>Write what the customer said, in their words.</source>
        <translation>お客様が言ったことを、その言葉のまま書いてください。</translation>
    </message>
    <message>
        <source>Who said it on the customer's side?</source>
        <translation>お客様側の誰が言いましたか？</translation>
    </message>
    <message>
        <source>When did they say it?</source>
        <translation>いつ言われましたか？</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>この日付は未来です。</translation>
    </message>
    <message>
        <source>Write the amount in figures, e.g. 1,200,000.</source>
        <translation>金額を数字で入力してください（例: 1,200,000）。</translation>
    </message>
    <message>
        <source>A currency is a three-letter code such as JPY or USD.</source>
        <translation>通貨は JPY や USD のような3文字のコードです。</translation>
    </message>
    <message>
        <source>This deal is already won or lost. Reopen a lost deal first.</source>
        <translation>この案件はすでに受注または失注です。失注案件は先に再開してください。</translation>
    </message>
    <message>
        <source>Only a lost deal can be reopened.</source>
        <translation>再開できるのは失注した案件だけです。</translation>
    </message>
    <message>
        <source>Give the deal a title.</source>
        <translation>案件の件名を入力してください。</translation>
    </message>
    <message>
        <source>Say what the follow-up is.</source>
        <translation>後追いの内容を入力してください。</translation>
    </message>
    <message>
        <source>Write the question or worry.</source>
        <translation>疑問・不安の内容を入力してください。</translation>
    </message>
    <message>
        <source>Write the answer you gave.</source>
        <translation>伝えた回答を入力してください。</translation>
    </message>
    <message>
        <source>The follow-up cannot be in the past.</source>
        <translation>後追いの日時を過去にはできません。</translation>
    </message>
</context>
<context>
    <name>DealsDashboard</name>
    <message>
        <source>Deals dashboard</source>
        <translation>案件ダッシュボード</translation>
    </message>
    <message>
        <source>Closing question asked (%)</source>
        <translation>クロージングの質問をした割合（%）</translation>
    </message>
    <message>
        <source>No closings yet</source>
        <translation>クロージングはまだありません</translation>
    </message>
    <message>
        <source>Deals by answer</source>
        <translation>回答別の案件数</translation>
    </message>
    <message>
        <source>Losses by the customer's reason</source>
        <translation>お客様の理由別の失注</translation>
    </message>
    <message>
        <source>Lost without the customer's word: {0}</source>
        <translation>お客様の言葉がないままの失注: {0}</translation>
    </message>
    <message>
        <source>A deal is lost only on the customer's stated reason; without it the deal stays open as “no answer yet”. This number should always be zero.</source>
        <translation>失注はお客様が述べた理由があるときだけです。理由がなければ案件は「まだ回答なし」として継続します。この数は常にゼロのはずです。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>△ in a row</source>
        <translation>△ 連続</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Decision deadline</source>
        <translation>決断期日</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Pending streaks (△ 3 or more in a row): {0}</source>
        <translation>保留の連続（△ 3回以上）: {0}</translation>
    </message>
    <message>
        <source>Decision deadline passed, still open: {0}</source>
        <translation>決断期日を過ぎて未決: {0}</translation>
    </message>
    <message>
        <source>Same action for every deal</source>
        <translation>すべての案件でクロージングの質問（全件同一行動）</translation>
    </message>
    <message>
        <source>Reached closing</source>
        <translation>クロージング到達</translation>
    </message>
    <message>
        <source>Question asked</source>
        <translation>質問した</translation>
    </message>
    <message>
        <source>No deal has reached the closing stage yet.</source>
        <translation>クロージング段階に達した案件はまだありません。</translation>
    </message>
    <message>
        <source>The closing question was asked on {0} of the {1} deals that reached closing ({2}). Ask it on every deal, every time: let the customer be the one who declines.</source>
        <translation>クロージング段階に達した {1} 件のうち {0} 件でクロージングの質問をしました（{2}）。毎回すべての案件で聞きましょう。断るのはお客様に任せます。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Stage</source>
        <extracomment>The timeline's type column, at its narrowest and widest. The contacts' e-mail column, at its narrowest (a long address is shortened to it). The rep folded (True) or unfolded the company details and contacts.</extracomment>
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
        <source>Deals</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Show details</source>
        <extracomment>Called with each panel right after it is built (the window wires its services).</extracomment>
        <translation>詳細を表示</translation>
    </message>
    <message>
        <source>Show the company's details and contacts (Ctrl+Shift+D)</source>
        <translation>会社の詳細と担当者を表示します（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>詳細をたたむ</translation>
    </message>
    <message>
        <source>Fold the company's details and contacts away, so the tabs below get the room (Ctrl+Shift+D)</source>
        <translation>会社の詳細と担当者をたたみ、下のタブを広く使います（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source> (existing customer)</source>
        <translation>（既存顧客）</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <comment>stage and phone</comment>
        <translation>{0} ／ {1}</translation>
    </message>
    <message>
        <source>Follow-ups &amp;&amp; items</source>
        <translation>フォロー・宿題</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>No calls logged yet. Ctrl+L logs the first.</source>
        <translation>まだ通話の記録がありません。Ctrl+L で最初の通話を記録できます。</translation>
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
        <source>{0} · {1}</source>
        <translation>{0}・{1}</translation>
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
    <name>DuplicatesPage</name>
    <message>
        <source>Prospects you already have</source>
        <translation>登録済みの見込み客</translation>
    </message>
    <message>
        <source>These rows match an existing prospect by company name, phone or e-mail. Choose what to do with each.</source>
        <translation>次の行は、会社名・電話番号・メールアドレスのいずれかが登録済みの見込み客と一致します。それぞれの扱いを選んでください。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>ファイル側</translation>
    </message>
    <message>
        <source>Existing</source>
        <translation>登録済み</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>扱い</translation>
    </message>
    <message>
        <source>For &amp;all:</source>
        <translation>すべてに適用(&amp;A):</translation>
    </message>
    <message>
        <source>“Overwrite” replaces these fields:</source>
        <translation>「上書き」で置き換える項目:</translation>
    </message>
    <message>
        <source>Fill empty fields</source>
        <translation>空欄だけ補う</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>上書き</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>取り込まない</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>{0} more matching rows follow the choice for all.</source>
        <translation>ほかに一致する {0} 行は「すべてに適用」の選択に従います。</translation>
    </message>
</context>
<context>
    <name>EmailDraft</name>
    <message>
        <source>E-mail draft</source>
        <translation>メール下書き</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>この項目はすでに削除されています。</translation>
    </message>
    <message>
        <source>Friendly check before the deadline</source>
        <translation>期限前の確認（進み具合のお伺い）</translation>
    </message>
    <message>
        <source>Reminder: the deadline has passed</source>
        <translation>催促：期限を過ぎています</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>consequence sentence</source>
        <translation>影響の文</translation>
    </message>
    <message>
        <source>A brace { or } in the %1 has no partner. Placeholders look like {item}; write {{ or }} for a brace itself.</source>
        <translation>%1に対になっていない括弧 { または } があります。差し込み項目は {item} のように書きます。括弧そのものを書くときは {{ または }} としてください。</translation>
    </message>
    <message>
        <source>The %1 uses {%2}, which is not a placeholder. Use one from the list.</source>
        <translation>%1の {%2} は差し込み項目ではありません。一覧にある項目を使ってください。</translation>
    </message>
</context>
<context>
    <name>EmailDraftDialog</name>
    <message>
        <source>E-mail draft — %1</source>
        <translation>メール下書き — %1</translation>
    </message>
    <message>
        <source>no contact chosen</source>
        <translation>担当者未指定</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>送るタイミング</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>No e-mail address on file: type one</source>
        <translation>メールアドレスが登録されていません。入力してください</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy subject and body (Ctrl+Shift+C)</source>
        <translation>件名と本文をコピー（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>&amp;Open in mail app</source>
        <translation>メールソフトで開く(&amp;O)</translation>
    </message>
    <message>
        <source>Open a new message in your mail app (Ctrl+Return)</source>
        <translation>メールソフトで新しいメールを開く（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Edit &amp;templates…</source>
        <translation>テンプレートを編集(&amp;T)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Your edited template cannot be used, so the default wording is shown: %1</source>
        <translation>編集したテンプレートが使えないため、標準の文面を表示しています：%1</translation>
    </message>
    <message>
        <source>Add your name and signature in File → My profile…</source>
        <translation>お名前と署名は［ファイル］→［マイプロフィール…］で設定してください。</translation>
    </message>
    <message>
        <source>Replace the draft?</source>
        <translation>下書きを置き換えますか？</translation>
    </message>
    <message>
        <source>You have changed the subject or body. Replace them with the new draft?</source>
        <translation>件名または本文が編集されています。新しい下書きで置き換えますか？</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>No mail app</source>
        <translation>メールソフトがありません</translation>
    </message>
    <message>
        <source>No mail app opened the draft. Use Copy and paste it into your mail instead.</source>
        <translation>メールソフトで下書きを開けませんでした。［コピー］してメールに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Prospect list with contacts — CSV</source>
        <translation>見込み客リスト（担当者付き）— CSV</translation>
    </message>
    <message>
        <source>Prospect list with contacts — Excel (.xlsx)</source>
        <translation>見込み客リスト（担当者付き）— Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Everything, to restore or move — JSON</source>
        <translation>全データ（復元・移行用）— JSON</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel 2016 and later)</source>
        <translation>UTF-8 BOM 付き（Excel 2016 以降）</translation>
    </message>
    <message>
        <source>Shift_JIS (CP932, older Excel)</source>
        <translation>Shift_JIS（CP932、古い Excel）</translation>
    </message>
    <message>
        <source>Prospects in the current list ({0})</source>
        <translation>いま表示中のリスト（{0} 件）</translation>
    </message>
    <message>
        <source>All prospects ({0})</source>
        <translation>すべての見込み客（{0} 件）</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <source>Prospects:</source>
        <translation>見込み客:</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出す(&amp;X)…</translation>
    </message>
    <message>
        <source>One row per contact. Cells that Excel would run as a formula are written with an apostrophe in front.</source>
        <translation>担当者ごとに 1 行。Excel が数式として実行してしまうセルは、先頭にアポストロフィを付けて書き出します。</translation>
    </message>
    <message>
        <source>One row per contact; every cell is text.</source>
        <translation>担当者ごとに 1 行。すべてのセルを文字列として書き出します。</translation>
    </message>
    <message>
        <source>Everything: prospects, contacts, calls, follow-ups, assessments, deals, customer items, complaints and which reminders were shown, deleted ones included. A file SalesDesk can restore exactly.</source>
        <translation>すべてのデータ（見込み客・担当者・通話・フォローアップ・評価・案件・顧客側の宿題・クレーム・表示済みの通知。削除したものも含む）。SalesDesk でそのまま復元できるファイルです。</translation>
    </message>
    <message>
        <source>Open follow-ups and customer deadlines with reminders, for Outlook, Google or Apple calendars. Import it again after changes: events are updated, and ones done or cancelled meanwhile are cancelled.</source>
        <translation>未完了のフォローアップと顧客側の期限を、通知付きで Outlook・Google・Apple のカレンダー用に書き出します。変更後にもう一度取り込むと予定が更新され、その間に完了・取消した予定はカレンダーでも取り消されます。</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>書き出しました</translation>
    </message>
    <message>
        <source>{0}

{1} cells were longer than Excel's limit of 32,767 characters and were cut. A CSV export keeps them whole.</source>
        <translation>{0}

{1} 個のセルが Excel の上限（32,767 文字）を超えていたため、切り詰めました。CSV で書き出せば全文が残ります。</translation>
    </message>
    <message>
        <source>Exported everything ({0} rows) to {1}</source>
        <translation>すべてのデータ（{0} 行）を {1} に書き出しました</translation>
    </message>
    <message>
        <source>Exported {0} calendar events to {1}</source>
        <translation>カレンダーの予定 {0} 件を {1} に書き出しました</translation>
    </message>
    <message>
        <source>Exported {0} prospects ({1} rows) to {2}</source>
        <translation>見込み客 {0} 件（{1} 行）を {2} に書き出しました</translation>
    </message>
    <message>
        <source>These characters cannot be written in Shift_JIS (CP932): {0}

{1}

Write them as “?” anyway? (Or choose UTF-8 to keep them.)</source>
        <translation>次の文字は Shift_JIS（CP932）で書き出せません: {0}

{1}

「?」に置き換えて書き出しますか？（残すには UTF-8 を選んでください。）</translation>
    </message>
    <message>
        <source>Row {0}, {1}: {2}</source>
        <translation>{0} 行目・{1}: {2}</translation>
    </message>
    <message>
        <source>…and {0} more cells</source>
        <translation>…ほか {0} か所</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Follow-ups and customer deadlines — calendar (.ics)</source>
        <translation>フォローアップと顧客側の期限 — カレンダー（.ics）</translation>
    </message>
    <message>
        <source>{0} files (*{1})</source>
        <translation>{0} ファイル (*{1})</translation>
    </message>
    <message>
        <source>Characters Shift_JIS cannot hold</source>
        <translation>Shift_JIS で表せない文字</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>The file could not be written.

Details: {0}</source>
        <translation>ファイルを書き込めませんでした。

詳細: {0}</translation>
    </message>
</context>
<context>
    <name>ExportProcess</name>
    <message>
        <source>The PDF export stopped unexpectedly.</source>
        <extracomment>A PDF of more sheets than this (or any day's one-sheet-each pack) is made by a child process; fewer are quicker in the window than starting one (~16 ms a sheet). A compact day list of more rows than this is made by a child process too. How much of the child's error output a message shows.</extracomment>
        <translation>PDFの書き出しが途中で異常終了しました。</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>PDFファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>The PDF export ended with error {0}.</source>
        <translation>PDFの書き出しがエラー {0} で終了しました。</translation>
    </message>
    <message>
        <source>The PDF export could not be started.</source>
        <translation>PDFの書き出しを開始できませんでした。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <extracomment>Where the backup taken before a real import goes (None: no backup).</extracomment>
        <translation>ファイルを選ぶ</translation>
    </message>
    <message>
        <source>A CSV file (from Excel, Google Contacts, Outlook or SalesDesk), an Excel workbook (.xlsx) or contacts as vCard (.vcf).</source>
        <translation>CSV ファイル（Excel、Google コンタクト、Outlook、SalesDesk から書き出したもの）、Excel ブック（.xlsx）、または vCard 形式の連絡先（.vcf）。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>You can also drop the file here, or onto the SalesDesk window at any time.</source>
        <translation>ここ、またはいつでも SalesDesk のウィンドウにファイルをドロップしても取り込めます。</translation>
    </message>
    <message>
        <source>Import prospects</source>
        <translation>見込み客の取り込み</translation>
    </message>
    <message>
        <source>Lists (*.csv *.tsv *.txt *.xlsx *.vcf);;All files (*)</source>
        <translation>リスト (*.csv *.tsv *.txt *.xlsx *.vcf);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Schedule follow-up</source>
        <translation>フォローアップを予定</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>フォローアップを編集</translation>
    </message>
    <message>
        <source>e.g. bring the case study they asked about</source>
        <translation>例：ご要望の導入事例をお届けする</translation>
    </message>
    <message>
        <source>What this contact brings the customer</source>
        <translation>この接触でお客様に提供するもの</translation>
    </message>
    <message>
        <source>What*</source>
        <translation>内容*</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>When</source>
        <extracomment>The third column (a follow-up's kind, an item's or complaint's status) takes at most this share of the list's width; the rest of a long text is in its tooltip.</extracomment>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Show done items</source>
        <translation>完了したものも表示</translation>
    </message>
    <message>
        <source>Kind / status</source>
        <translation>種類／状況</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>あとで通知</translation>
    </message>
    <message>
        <source>Schedule follow-up…</source>
        <translation>フォローアップを予定…</translation>
    </message>
    <message>
        <source>Add customer item…</source>
        <translation>顧客側の宿題を追加…</translation>
    </message>
    <message>
        <source>Record complaint…</source>
        <translation>クレームを記録…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>日時を変更…</translation>
    </message>
    <message>
        <source>Cancel it</source>
        <translation>取り消す</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>E-mail draft…</source>
        <translation>メール下書き…</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10分後</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1時間後</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>明日 9:00</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>日時を指定…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解決を記録…</translation>
    </message>
    <message numerus="yes">
        <source>Follow-ups (%n)</source>
        <translation>
            <numerusform>フォローアップ（%n件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>snoozed until {0}</source>
        <translation>{0}まで保留</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>No follow-up planned. Every contact needs a next step.</source>
        <translation>予定されたフォローアップはありません。どの接触にも次の一手を決めましょう。</translation>
    </message>
    <message numerus="yes">
        <source>Customer action items (%n)</source>
        <translation>
            <numerusform>顧客側の宿題（%n件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Done {0}</source>
        <translation>{0} 完了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Overdue: chase it now</source>
        <translation>期限切れ：すぐに催促</translation>
    </message>
    <message>
        <source>Friendly check due</source>
        <translation>進捗確認の時期</translation>
    </message>
    <message>
        <source>Check from {0}</source>
        <translation>{0}から確認</translation>
    </message>
    <message>
        <source>No friendly check</source>
        <translation>確認の連絡なし</translation>
    </message>
    <message>
        <source>If late: {0}</source>
        <translation>遅れた場合：{0}</translation>
    </message>
    <message>
        <source>Nothing the customer owes you right now.</source>
        <translation>いま顧客側の宿題はありません。</translation>
    </message>
    <message numerus="yes">
        <source>Complaints (%n open)</source>
        <translation>
            <numerusform>クレーム（未解決 %n件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No contact for %n day(s)</source>
        <translation>
            <numerusform>%n日間連絡なし</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolution: {0}</source>
        <translation>解決内容：{0}</translation>
    </message>
    <message>
        <source>No contact since it was opened.</source>
        <translation>受付後、まだ連絡していません。</translation>
    </message>
    <message>
        <source>No complaints recorded.</source>
        <translation>記録されたクレームはありません。</translation>
    </message>
</context>
<context>
    <name>FormatPage</name>
    <message>
        <source>How the file is written</source>
        <translation>ファイルの形式</translation>
    </message>
    <message>
        <source>Detected from the file; change it if the preview looks wrong.</source>
        <translation>ファイルから判定しました。プレビューがおかしければ変更してください。</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>カンマ (,)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>セミコロン (;)</translation>
    </message>
    <message>
        <source>Vertical bar (|)</source>
        <translation>縦棒 (|)</translation>
    </message>
    <message>
        <source>A title or blank rows above the column names</source>
        <translation>列見出しより上にある表題や空白の行</translation>
    </message>
    <message>
        <source>The first row read holds the column names</source>
        <translation>読み込む最初の行は列見出し</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>シート(&amp;S):</translation>
    </message>
    <message>
        <source>Rows to s&amp;kip at the top:</source>
        <translation>先頭から飛ばす行数(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>区切り文字(&amp;D):</translation>
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
    <name>ImportWizard</name>
    <message>
        <source>(do not import)</source>
        <extracomment>Files a drop onto the window or the wizard's first page opens for import.</extracomment>
        <translation>（取り込まない）</translation>
    </message>
    <message>
        <source>SalesDesk id</source>
        <translation>SalesDesk の ID</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Company reading (kana)</source>
        <translation>会社名の読み（カナ）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Customer (yes/no)</source>
        <translation>顧客（はい／いいえ）</translation>
    </message>
    <message>
        <source>Company phone</source>
        <translation>会社の電話番号</translation>
    </message>
    <message>
        <source>Company e-mail</source>
        <translation>会社のメールアドレス</translation>
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
        <source>Company notes</source>
        <translation>会社のメモ</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>担当者名</translation>
    </message>
    <message>
        <source>Contact reading (kana)</source>
        <translation>担当者名の読み（カナ）</translation>
    </message>
    <message>
        <source>Contact title</source>
        <translation>担当者の役職</translation>
    </message>
    <message>
        <source>Contact department</source>
        <translation>担当者の部署</translation>
    </message>
    <message>
        <source>Decision maker (yes/no)</source>
        <translation>決裁者（はい／いいえ）</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>担当者の電話番号</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>担当者のメールアドレス</translation>
    </message>
    <message>
        <source>Contact notes</source>
        <translation>担当者のメモ</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <source>This is not a CSV file or an Excel workbook (.xlsx). In Excel, use “Save as” and choose CSV or Excel Workbook.</source>
        <translation>CSV ファイルでも Excel ブック（.xlsx）でもありません。Excel の「名前を付けて保存」で CSV か Excel ブックを選んでください。</translation>
    </message>
    <message>
        <source>This is an older Excel file (.xls) or a workbook protected with a password. Open it in Excel and use “Save as” to save it as an Excel Workbook (.xlsx) without a password, or as CSV.</source>
        <translation>古い形式の Excel ファイル（.xls）か、パスワードで保護されたブックです。Excel で開き、「名前を付けて保存」でパスワードなしの Excel ブック（.xlsx）か CSV として保存してください。</translation>
    </message>
    <message>
        <source>The text encoding could not be recognised. Pick it below (Japanese Excel: Shift_JIS (CP932)).</source>
        <translation>文字コードを判別できませんでした。下で選んでください（日本語版 Excel なら Shift_JIS (CP932)）。</translation>
    </message>
    <message>
        <source>The file cannot be read with this encoding. Pick another one.</source>
        <translation>この文字コードでは読めません。別の文字コードを選んでください。</translation>
    </message>
    <message>
        <source>The CSV file is damaged (a quotation mark is never closed?).</source>
        <translation>CSV ファイルが壊れています（引用符が閉じられていない可能性があります）。</translation>
    </message>
    <message>
        <source>The vCard file is damaged.</source>
        <translation>vCard ファイルが壊れています。</translation>
    </message>
    <message>
        <source>A cell is too large (over a million characters).</source>
        <translation>大きすぎるセルがあります（100万文字を超えています）。</translation>
    </message>
    <message>
        <source>The file cannot be opened or read.</source>
        <translation>ファイルを開けないか、読み込めません。</translation>
    </message>
    <message>
        <source>Choose the column that holds the company name.</source>
        <translation>会社名が入っている列を選んでください。</translation>
    </message>
    <message>
        <source>This is not a SalesDesk export, or it is damaged.</source>
        <translation>SalesDesk の書き出しファイルではないか、壊れています。</translation>
    </message>
    <message>
        <source>This export comes from a newer SalesDesk. Update SalesDesk first.</source>
        <translation>新しいバージョンの SalesDesk で書き出されたファイルです。先に SalesDesk を更新してください。</translation>
    </message>
    <message>
        <source>Some rows are not valid; nothing was imported.</source>
        <translation>正しくない行があるため、何も取り込みませんでした。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>取り込みを中止しました。何も取り込まれていません。</translation>
    </message>
    <message>
        <source>More cells than the header has columns</source>
        <translation>見出しの列数よりセルが多い</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空欄</translation>
    </message>
    <message>
        <source>not an e-mail address</source>
        <translation>メールアドレスではない</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>電話番号ではない</translation>
    </message>
    <message>
        <source>not a known value</source>
        <translation>想定外の値</translation>
    </message>
    <message>
        <source>Import prospects</source>
        <extracomment>Emitted after an import that wrote something (the window refreshes its list).</extracomment>
        <translation>見込み客の取り込み</translation>
    </message>
    <message>
        <source>Restore a full export</source>
        <extracomment>Backups go here before a real import (none without a data folder).</extracomment>
        <translation>全データの復元</translation>
    </message>
    <message>
        <source>This file is a full SalesDesk export. Replace ALL data in SalesDesk with its contents? A backup of the current data is made first.</source>
        <translation>このファイルは SalesDesk の全データ書き出しです。SalesDesk のすべてのデータをこの内容で置き換えますか？ 先に現在のデータのバックアップを作ります。</translation>
    </message>
    <message>
        <source>Restoring the full export… Nothing changes until it is done.</source>
        <translation>全データの書き出しファイルから復元しています… 終わるまで何も変わりません。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>復元できませんでした</translation>
    </message>
    <message>
        <source>Nothing was changed. Details: {0}</source>
        <translation>何も変更していません。詳細: {0}</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>復元しました</translation>
    </message>
    <message>
        <source>All data was replaced by the export.</source>
        <translation>すべてのデータを書き出しファイルの内容で置き換えました。</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>Done: “{0}”</source>
        <extracomment>An e-mail draft for a customer item: (item id, "check" or "overdue"). A short confirmation for the status bar.</extracomment>
        <translation>完了：「{0}」</translation>
    </message>
    <message>
        <source>Done: “{0}”. Ctrl+Z takes it back.</source>
        <translation>「{0}」を完了にしました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Cancel “{0}”</source>
        <translation>「{0}」を取り消し</translation>
    </message>
    <message>
        <source>Cancelled “{0}”. Ctrl+Z takes it back.</source>
        <translation>「{0}」を取り消しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Delete “{0}”</source>
        <translation>「{0}」を削除</translation>
    </message>
    <message>
        <source>Deleted “{0}”. Ctrl+Z brings it back.</source>
        <translation>「{0}」を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Snooze “{0}”</source>
        <translation>「{0}」をあとで通知</translation>
    </message>
    <message>
        <source>Snoozed until {0}.</source>
        <translation>{0}にもう一度お知らせします。</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>あとで通知</translation>
    </message>
    <message>
        <source>Remind me again about “{0}” at:</source>
        <translation>「{0}」をもう一度知らせる日時：</translation>
    </message>
    <message>
        <source>New due time for “{0}”:</source>
        <translation>「{0}」の新しい予定日時：</translation>
    </message>
    <message>
        <source>New deadline the customer agreed to for “{0}”:</source>
        <translation>お客様と合意した「{0}」の新しい期限：</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>日時を変更</translation>
    </message>
    <message>
        <source>Reschedule “{0}”</source>
        <translation>「{0}」の日時を変更</translation>
    </message>
    <message>
        <source>Moved to {0}.</source>
        <translation>{0}に変更しました。</translation>
    </message>
    <message>
        <source>Edit “{0}”</source>
        <translation>「{0}」を編集</translation>
    </message>
    <message>
        <source>Resolve “{0}”</source>
        <translation>「{0}」を解決済みに</translation>
    </message>
    <message>
        <source>Schedule “{0}”</source>
        <translation>「{0}」を予定</translation>
    </message>
    <message>
        <source>Add “{0}”</source>
        <translation>「{0}」を追加</translation>
    </message>
    <message>
        <source>Record complaint “{0}”</source>
        <translation>クレーム「{0}」を記録</translation>
    </message>
    <message>
        <source>This entry has changed meanwhile; the list is up to date now.</source>
        <translation>この項目はほかの場所で変更されていました。一覧を最新の状態にしました。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>SalesDesk could not change this entry.

Details: {0}</source>
        <translation>この項目を変更できませんでした。

詳細：{0}</translation>
    </message>
</context>
<context>
    <name>ItemDialogs</name>
    <message>
        <source>(no one in particular)</source>
        <translation>（特定の担当者なし）</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
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
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation>会社名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the contact's name.</source>
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
        <source>Say what you will do.</source>
        <translation>何をするかを入力してください。</translation>
    </message>
    <message>
        <source>Say what the customer owes you.</source>
        <translation>顧客側の宿題の内容を入力してください。</translation>
    </message>
    <message>
        <source>Describe the problem.</source>
        <translation>問題の内容を入力してください。</translation>
    </message>
    <message>
        <source>Say how the problem was resolved before marking it resolved.</source>
        <translation>解決済みにする前に、どのように解決したかを入力してください。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>この項目は必須です。</translation>
    </message>
    <message>
        <source>The friendly check can be 0 (none) to 60 days before the deadline.</source>
        <translation>進捗確認の連絡は期限の0日前（なし）から60日前までで指定してください。</translation>
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
        <extracomment>A list that shows only its first page (start-up) reads the rest of its order by then. Follow-ups, customer items or complaints may have changed: re-arm the reminders. A preference kept in the settings changed here (the company details folded).</extracomment>
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
        <source>Prospects</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
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
        <source>Print call &amp;sheet…</source>
        <translation>架電シートを印刷(&amp;S)…</translation>
    </message>
    <message>
        <source>Print &amp;day's call list…</source>
        <translation>当日の架電リストを印刷(&amp;D)…</translation>
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
        <source>Schedule &amp;follow-up…</source>
        <translation>フォローアップを予定(&amp;F)…</translation>
    </message>
    <message>
        <source>Add customer &amp;action item…</source>
        <translation>顧客側の宿題を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Record co&amp;mplaint…</source>
        <translation>クレームを記録(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Prospect list</source>
        <translation>見込み客一覧(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>Company &amp;details</source>
        <translation>会社の詳細(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Appointment success by strength…</source>
        <translation>関係強度別のアポ成功率(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Deals dashboard…</source>
        <translation>案件ダッシュボード(&amp;D)…</translation>
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
        <source>Unsaved scores</source>
        <translation>未保存の評価</translation>
    </message>
    <message>
        <source>The relationship scores you changed have not been saved. Save them?</source>
        <translation>変更した関係強度の評価はまだ保存されていません。保存しますか？</translation>
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
    <name>MappingPage</name>
    <message>
        <source>Which column is which</source>
        <translation>列と項目の対応</translation>
    </message>
    <message>
        <source>Choose a field for each column. Several columns may go to one field.</source>
        <translation>列ごとに取り込む項目を選んでください。複数の列を同じ項目にまとめることもできます。</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>おすすめ</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google コンタクト</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>SalesDesk export</source>
        <translation>SalesDesk の書き出し</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>先頭の行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>プリセット(&amp;P):</translation>
    </message>
    <message>
        <source>What is imported from the cards</source>
        <translation>カードから取り込む項目</translation>
    </message>
    <message>
        <source>The fields of each card are read as they are. Choose “(do not import)” for any field you want to leave out.</source>
        <translation>各カードの項目をそのまま読み込みます。取り込まない項目は「（取り込まない）」を選んでください。</translation>
    </message>
    <message>
        <source>In the card</source>
        <translation>カードの項目</translation>
    </message>
    <message>
        <source>First cards</source>
        <translation>最初のカード</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>None</source>
        <extracomment>Could not be shown (title, body, on_click): the caller shows it another way.</extracomment>
        <translation>なし</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>デスクトップ通知</translation>
    </message>
    <message>
        <source>System tray messages</source>
        <translation>タスクトレイのメッセージ</translation>
    </message>
    <message>
        <source>Banner in the SalesDesk window</source>
        <translation>SalesDeskウィンドウ内のバナー</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Customer's answer</source>
        <extracomment>The date an unset :class:`OptionalDate` holds (shown as "not set"): before any deal.</extracomment>
        <translation>お客様の回答</translation>
    </message>
    <message>
        <source>○ Won</source>
        <translation>○ 受注</translation>
    </message>
    <message>
        <source>△ Pending (they will decide later)</source>
        <translation>△ 保留（お客様が後日判断）</translation>
    </message>
    <message>
        <source>× Lost (the customer said no)</source>
        <translation>× 失注（お客様が断った）</translation>
    </message>
    <message>
        <source>No answer yet (no word from the customer)</source>
        <translation>まだ回答なし（お客様からお返事がない）</translation>
    </message>
    <message>
        <source>What they said, in a few words (optional)</source>
        <translation>お客様の言葉を簡単に（任意）</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Their words, e.g. “The budget is half of this.”</source>
        <translation>お客様の言葉（例:「予算はこの半分です」）</translation>
    </message>
    <message>
        <source>Name on the customer's side</source>
        <translation>お客様側の氏名</translation>
    </message>
    <message>
        <source>Said on</source>
        <translation>言われた日</translation>
    </message>
    <message>
        <source>The customer's reason (required for a loss)</source>
        <translation>お客様の理由（失注には必須）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>お客様の言葉</translation>
    </message>
    <message>
        <source>Who said it</source>
        <translation>言った人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>いつ</translation>
    </message>
    <message>
        <source>A deal is lost only on the customer's word. A passed answer date, unanswered mail or a phone nobody picks up is not a no. Without their reason, choose “No answer yet”: the deal stays open and a follow-up is scheduled.</source>
        <translation>失注にできるのはお客様の言葉があるときだけです。回答日が過ぎた、メールに返事がない、電話に出ない——これらは「断り」ではありません。理由がなければ「まだ回答なし」を選んでください。案件は継続し、後追いが予定されます。</translation>
    </message>
    <message>
        <source>No answer yet instead</source>
        <translation>代わりに「まだ回答なし」にする</translation>
    </message>
    <message>
        <source>Ask about the decision on “{0}”</source>
        <translation>「{0}」のご判断を伺う</translation>
    </message>
    <message>
        <source>Bring them something of value, not only “how is it going?”</source>
        <translation>「いかがですか」だけでなく、お客様にメリットのあるものを持っていきましょう</translation>
    </message>
    <message>
        <source>Follow-up (the deal stays open)</source>
        <translation>後追い（案件は継続）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Bring them</source>
        <translation>持っていくもの</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>SalesDesk could not record the answer.

Details: {0}</source>
        <translation>SalesDesk は回答を記録できませんでした。

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
        <translation>お名前と署名は、メールの下書きと架電シートに表示されます。</translation>
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
        <source>A deal is pending (△) {0} times in a row</source>
        <translation>案件が {0} 回続けて保留（△）です</translation>
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
    <name>QuestionDialog</name>
    <message>
        <source>Question or worry</source>
        <translation>疑問・不安</translation>
    </message>
    <message>
        <source>The answer you gave (when you have)</source>
        <translation>伝えた回答（回答したら）</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解消日</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>質問者</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>質問日</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
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
    <message numerus="yes">
        <source>%n deal(s) won with them.</source>
        <translation><numerusform>受注した案件: %n 件</numerusform></translation>
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
        <translation><numerusform>この会社で把握している担当者: %n 人</numerusform></translation>
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
        <translation><numerusform>直近90日の貢献(労力・情報・提案・好感): %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) started by the customer.</source>
        <translation><numerusform>顧客から始まった接触: %n 件</numerusform></translation>
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
        <translation>おすすめの次の一手</translation>
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
    <name>ReminderBanner</name>
    <message>
        <source>Open</source>
        <extracomment>Lines of a reminder's text the banner shows.</extracomment>
        <translation>開く</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message numerus="yes">
        <source>%n more notice(s)</source>
        <translation>
            <numerusform>ほかの通知 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderDesk</name>
    <message>
        <source>Calendar apps cannot reach SalesDesk: port {0} is in use by another program. Settings → Calendar apps → New address picks another.</source>
        <extracomment>How often the data file's change counter is looked at (a pragma, not a query).</extracomment>
        <translation>カレンダーアプリから SalesDesk に接続できません: ポート {0} は別のプログラムが使用中です。「設定 → カレンダーアプリ → 新しいアドレス」で別のポートにできます。</translation>
    </message>
    <message>
        <source>SalesDesk could not change how it starts at login.

{0}</source>
        <translation>ログイン時の自動起動の設定を変更できませんでした。

{0}</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Open problem at {0}: time to get in touch</source>
        <extracomment>More than this many reminders at the same minute are shown as one grouped notification. Lines of a grouped notification that name a reminder before "…and N more".</extracomment>
        <translation>{0}様の未解決の問題：ご連絡のタイミングです</translation>
    </message>
    <message numerus="yes">
        <source>Open problem at {0}: no contact for %n day(s)</source>
        <translation><numerusform>{0}様の未解決の問題：%n日間連絡なし</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left — a friendly check?</source>
        <translation><numerusform>期限まで残り%n日 — 進捗確認のご連絡をしませんか?</numerusform></translation>
    </message>
    <message>
        <source>Snoozed: {0}</source>
        <translation>再通知：{0}</translation>
    </message>
    <message>
        <source>Overdue now: {0}</source>
        <translation>期限切れ：{0}</translation>
    </message>
    <message>
        <source>{0}: the deadline {1} has passed. Chase it within the hour.</source>
        <translation>{0}様：期限（{1}）を過ぎました。1時間以内にご連絡を。</translation>
    </message>
    <message>
        <source>{0} ({1}), due {2}</source>
        <translation>{1}様「{0}」（期限：{2}）</translation>
    </message>
    <message>
        <source>Snoozed follow-up due: {0}</source>
        <translation>再通知のフォローアップ：{0}様</translation>
    </message>
    <message>
        <source>Follow-up overdue: {0}</source>
        <translation>フォローアップ期限切れ：{0}様</translation>
    </message>
    <message>
        <source>Follow-up due: {0}</source>
        <translation>フォローアップの時間です：{0}様</translation>
    </message>
    <message>
        <source>Friendly check: {0} ({1})</source>
        <translation>進捗確認：{0}（{1}様）</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) while SalesDesk was closed or asleep</source>
        <translation><numerusform>SalesDesk を閉じていた間・スリープ中のリマインダー（%n 件）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due now</source>
        <translation><numerusform>期限のリマインダー %n件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…ほか%n件</numerusform></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backups</source>
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
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>One step: stopped before it is done, it leaves your list as it was.</source>
        <translation>一度にまとめて取り込みます。途中で止めれば、リストは元のままです。</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>取り込みを中止(&amp;C)</translation>
    </message>
    <message>
        <source>Saving a backup of your list first… Nothing changes until the end.</source>
        <translation>まずリストのバックアップを保存しています… 終わるまでリストは変わりません。</translation>
    </message>
    <message>
        <source>Importing… Nothing is saved until the end.</source>
        <translation>取り込んでいます… 最後まで終わるまで何も保存されません。</translation>
    </message>
    <message>
        <source>Importing… {0} rows read.</source>
        <translation>取り込んでいます… {0} 行読みました。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Your list as it was before this import is saved as a backup: File → Backups… puts it back.</source>
        <translation>取り込む前のリストをバックアップとして保存しました。「ファイル → バックアップ…」から元に戻せます。</translation>
    </message>
    <message>
        <source>New prospects: {0}</source>
        <translation>新しい見込み客: {0} 件</translation>
    </message>
    <message>
        <source>Merged into prospects you already had: {0}</source>
        <translation>登録済みの見込み客に統合: {0} 件</translation>
    </message>
    <message>
        <source>Already up to date, left as they were: {0}</source>
        <translation>変更なし（登録済みのまま）: {0} 件</translation>
    </message>
    <message>
        <source>Matching rows skipped as you chose: {0}</source>
        <translation>選んだとおり飛ばした一致行: {0} 行</translation>
    </message>
    <message>
        <source>Rows not valid, left out: {0}</source>
        <translation>正しくないため取り込まなかった行: {0} 行</translation>
    </message>
    <message>
        <source>Contacts added: {0}</source>
        <translation>追加した担当者: {0} 人</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Nothing was imported: the backup before the import could not be saved ({0}).</source>
        <translation>取り込みませんでした: 取り込み前のバックアップを保存できませんでした（{0}）。</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>何も取り込みませんでした: {0}</translation>
    </message>
    <message>
        <source>Nothing was imported. Details: {0}</source>
        <translation>何も取り込みませんでした。詳細: {0}</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Backup restored. Your data from before the restore was backed up too.</source>
        <extracomment>Data safety after the list is filled: the start-up backup, then a daily check each hour. Reminders, notifications and the tray icon start this long after the first paint. The day's list opens by itself when something is overdue or due today.</extracomment>
        <translation>バックアップを復元しました。復元前のデータもバックアップしてあります。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <extracomment>Typing pauses this long before the draft is written (one small fsync'd file).</extracomment>
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
    <message>
        <source>contents unreadable</source>
        <extracomment>settings.extra key: the data folder the rep was already warned about (synced folder).</extracomment>
        <translation>内容を読み取れません</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s)</source>
        <translation><numerusform>見込み客 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation><numerusform>通話 %n 件</numerusform></translation>
    </message>
    <message>
        <source>The disk is full, so this was not saved. Your text is still here. Free some space (empty the trash, delete large downloads), then press Save again.</source>
        <translation>ディスクがいっぱいのため、保存されていません。入力した内容はそのまま残っています。空き容量を作ってから（ごみ箱を空にする、大きなダウンロードを削除するなど）、もう一度「保存」を押してください。</translation>
    </message>
    <message>
        <source>Another program is using SalesDesk's data file right now (a second SalesDesk, a backup or a sync tool), so this was not saved. Your text is still here. Close the other program or wait a moment, then press Save again.</source>
        <translation>別のプログラム（もう一つのSalesDesk、バックアップや同期ツールなど）がSalesDeskのデータファイルを使用中のため、保存されていません。入力した内容はそのまま残っています。そのプログラムを閉じるか少し待ってから、もう一度「保存」を押してください。</translation>
    </message>
    <message>
        <source>SalesDesk's data folder cannot be written to (it is read-only), so this was not saved. Your text is still here. Copy it somewhere safe, then ask whoever looks after your computer.</source>
        <translation>SalesDeskのデータフォルダーが読み取り専用で書き込めないため、保存されていません。入力した内容はそのまま残っています。安全な場所にコピーしてから、パソコンの管理担当者に相談してください。</translation>
    </message>
    <message>
        <source>SalesDesk could not write to its data file, so this was not saved. Your text is still here; press Save again in a moment.</source>
        <translation>SalesDeskがデータファイルに書き込めなかったため、保存されていません。入力した内容はそのまま残っています。少し待ってからもう一度「保存」を押してください。</translation>
    </message>
    <message>
        <source>SalesDesk cannot write to its data folder, so it cannot keep your calls safe and will not start.

Folder: {0}

The folder or the drive is read-only. Ask whoever looks after your computer to make it writable, or start SalesDesk with another data folder.</source>
        <translation>SalesDeskはデータフォルダーに書き込めないため、通話記録を安全に保存できません。起動を中止します。

フォルダー: {0}

フォルダーまたはドライブが読み取り専用です。パソコンの管理担当者に書き込めるようにしてもらうか、別のデータフォルダーでSalesDeskを起動してください。</translation>
    </message>
    <message>
        <source>The disk holding SalesDesk's data is full, so SalesDesk will not start: nothing could be saved.

Folder: {0}

Free some space, then start SalesDesk again.</source>
        <translation>SalesDeskのデータがあるディスクがいっぱいで、何も保存できないため起動しません。

フォルダー: {0}

空き容量を作ってから、もう一度SalesDeskを起動してください。</translation>
    </message>
    <message>
        <source>Another program is holding SalesDesk's data file (perhaps SalesDesk is already open, or a backup or sync tool is copying it).

File: {0}

Close the other program, then start SalesDesk again.</source>
        <translation>別のプログラムがSalesDeskのデータファイルを使用しています（SalesDeskがすでに開いている、またはバックアップや同期ツールがコピー中の可能性があります）。

ファイル: {0}

そのプログラムを閉じてから、もう一度SalesDeskを起動してください。</translation>
    </message>
    <message>
        <source>SalesDesk cannot use its data folder.

Folder: {0}</source>
        <translation>SalesDeskはデータフォルダーを使用できません。

フォルダー: {0}</translation>
    </message>
    <message>
        <source>SalesDesk's data file was damaged and could not be opened. It has been moved aside, not deleted:
{0}</source>
        <translation>SalesDeskのデータファイルが壊れていて開けませんでした。ファイルは削除せず、別の名前で退避しました:
{0}</translation>
    </message>
    <message>
        <source>SalesDesk's data file is missing.</source>
        <translation>SalesDeskのデータファイルが見つかりません。</translation>
    </message>
    <message>
        <source>The newest good backup is from {0} ({1}). Restore it? Anything entered after that backup is not in it.</source>
        <translation>最新の正常なバックアップは{0}のものです（{1}）。復元しますか？ このバックアップより後に入力した内容は含まれていません。</translation>
    </message>
    <message>
        <source>There is no good backup to restore. SalesDesk will start with an empty data file.</source>
        <translation>復元できる正常なバックアップがありません。SalesDeskは空のデータファイルで起動します。</translation>
    </message>
    <message>
        <source>SalesDesk's data folder is inside {0}:
{1}

Sync services copy files while SalesDesk is writing them, which can damage the data file or lose calls. Keep the data folder outside {0} (start SalesDesk with another data folder). SalesDesk's own backups are kept in the 'backups' folder beside the data file.</source>
        <translation>SalesDeskのデータフォルダーが{0}の中にあります:
{1}

同期サービスはSalesDeskが書き込んでいる途中のファイルをコピーするため、データファイルが壊れたり通話記録が失われたりすることがあります。データフォルダーは{0}の外に置いてください（別のデータフォルダーでSalesDeskを起動してください）。SalesDesk自身のバックアップはデータファイルの横の「backups」フォルダーに保存されています。</translation>
    </message>
    <message>
        <source>Upgrading your data to this version of SalesDesk failed. Your data file was put back exactly as it was before the upgrade, from the backup taken just before it ({0}); nothing was lost. SalesDesk will close now; please report this problem.</source>
        <translation>このバージョンのSalesDesk用にデータを更新できませんでした。データファイルは更新直前に取ったバックアップ（{0}）から、更新前とまったく同じ状態に戻しました。失われたデータはありません。SalesDeskを終了します。この問題を報告してください。</translation>
    </message>
    <message>
        <source>Upgrading your data to this version of SalesDesk failed.</source>
        <translation>このバージョンのSalesDesk用にデータを更新できませんでした。</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>このバックアップを復元</translation>
    </message>
    <message>
        <source>Start with an empty file</source>
        <translation>空のファイルで始める</translation>
    </message>
    <message>
        <source>The backup could not be restored.

Details: {0}</source>
        <translation>バックアップを復元できませんでした。

詳細: {0}</translation>
    </message>
    <message>
        <source>SalesDesk's automatic backup did not pass its check and was discarded. Your data file itself is unchanged; SalesDesk will try again later.

Details: {0}</source>
        <translation>SalesDeskの自動バックアップが検査に合格しなかったため、破棄しました。データファイル自体は変わっていません。後でもう一度バックアップします。

詳細: {0}</translation>
    </message>
    <message>
        <source>While backing up, SalesDesk found damage in its data file. Please close SalesDesk and start it again: it will move the damaged file aside (nothing is deleted) and offer the newest good backup.

Details: {0}</source>
        <translation>バックアップ中に、SalesDeskはデータファイルの破損を見つけました。SalesDeskをいったん終了して、もう一度起動してください。破損したファイルを退避し（何も削除しません）、最新の正常なバックアップを復元するか確認します。

詳細: {0}</translation>
    </message>
    <message>
        <source>You were logging a call for {0} on {1} and it was not saved (SalesDesk was closed before you pressed Save). Open it now to finish it?</source>
        <translation>{1}に{0}の通話を記録中でしたが、保存されていません（「保存」を押す前にSalesDeskが終了しました）。今開いて記録を完了しますか？</translation>
    </message>
    <message>
        <source>The backup could not be restored; your data is unchanged.

Details: {0}</source>
        <translation>バックアップを復元できませんでした。データは変わっていません。

詳細: {0}</translation>
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
        <translation>判断を求めるとき、次の値を下回っていれば警告</translation>
    </message>
    <message>
        <source>Relationship strength (0–30)</source>
        <translation>関係強度（0〜30）</translation>
    </message>
    <message>
        <source>Any one dimension (0–5)</source>
        <translation>各項目の最低値（0〜5）</translation>
    </message>
    <message>
        <source>Need awareness (0–5)</source>
        <translation>必要性顕在度（0〜5）</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 営業日後</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in a row</source>
        <translation>
            <numerusform>%n 回連続</numerusform>
        </translation>
    </message>
    <message>
        <source>Warn on an open deal when this many latest contacts were only progress checks</source>
        <translation>進行中の案件で、直近のこの回数の接触が進捗確認だけだったら警告します</translation>
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
        <source>Progress checks only: warn after</source>
        <translation>進捗確認だけの連絡が続いたら警告</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データの保存先</translation>
    </message>
    <message>
        <source>Share my follow-ups and deadlines with calendar apps on this computer</source>
        <translation>フォローアップと期限をこのパソコンのカレンダーアプリと共有する</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New address</source>
        <translation>新しいアドレス(&amp;N)</translation>
    </message>
    <message>
        <source>Another port and path, for when the address stopped working or was shared by mistake. Calendars subscribed to the old one must be added again.</source>
        <translation>アドレスが使えなくなったときや、誤って共有したときに、別のポートとパスに変えます。古いアドレスを登録したカレンダーは、もう一度追加し直してください。</translation>
    </message>
    <message>
        <source>Add it in your calendar app as a calendar from the Internet.</source>
        <translation>カレンダーアプリで「インターネット上のカレンダー」として追加します。</translation>
    </message>
    <message>
        <source>Outlook: Add calendar → From Internet. Apple Calendar: File → New Calendar Subscription. Thunderbird: New Calendar → On the Network. The calendar follows your changes while SalesDesk runs.</source>
        <translation>Outlook:「予定表を追加 → インターネットから」。Apple カレンダー:「ファイル → 新規カレンダー照会」。Thunderbird:「新しいカレンダー → ネットワーク上」。SalesDesk が動いている間、カレンダーは変更に追従します。</translation>
    </message>
    <message>
        <source>Calendar apps</source>
        <translation>カレンダーアプリ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>デスクトップ通知を表示する</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>まだ開始していません</translation>
    </message>
    <message>
        <source>How this computer shows SalesDesk's reminders (chosen when it starts).</source>
        <translation>このコンピューターでのリマインダーの表示方法（起動時に選ばれます）</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>ウィンドウを閉じてもタスクトレイで動かし続ける</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>このデスクトップにはタスクトレイがありません。</translation>
    </message>
    <message>
        <source>Start SalesDesk when I log in</source>
        <translation>ログイン時にSalesDeskを起動する</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) without contact</source>
        <translation>
            <numerusform>%n 日間連絡がなければ</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>Notifications shown by</source>
        <translation>通知の表示方法</translation>
    </message>
    <message>
        <source>Flag an open problem after</source>
        <translation>未解決の問題を警告</translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message>
        <source>Print day's call list</source>
        <translation>当日の架電リストを印刷</translation>
    </message>
    <message>
        <source>Print call sheet</source>
        <translation>架電シートを印刷</translation>
    </message>
    <message>
        <source>Prospect:</source>
        <translation>見込み客:</translation>
    </message>
    <message>
        <source>Include overdue follow-ups</source>
        <translation>期限切れのフォローも含める</translation>
    </message>
    <message>
        <source>Compact table</source>
        <translation>一覧表</translation>
    </message>
    <message>
        <source>One sheet per prospect</source>
        <translation>見込み客ごとに1枚</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>レター</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>用紙:</translation>
    </message>
    <message>
        <source>The Japanese font (IPA P Gothic) was not found: Japanese text may print as boxes. Install fonts-ipafont-gothic.</source>
        <translation>日本語フォント(IPA Pゴシック)が見つかりません。日本語が□で印刷されることがあります。fonts-ipafont-gothic をインストールしてください。</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>PDFで保存(&amp;D)…</translation>
    </message>
    <message>
        <source>Call list for {0}</source>
        <translation>{0} の架電リスト</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) to call</source>
        <translation>
            <numerusform>架電先 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDFで保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>フォルダー {0} が見つかりません。</translation>
    </message>
    <message>
        <source>Preparing the sheets…</source>
        <translation>シートを作成しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Sheet {0} of {1}…</source>
        <translation>{1}枚中{0}枚目…</translation>
    </message>
    <message>
        <source>Nothing was saved to {0}.</source>
        <translation>{0} には何も保存されていません。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>印刷できませんでした</translation>
    </message>
    <message>
        <source>The sheets could not be printed or saved.</source>
        <translation>シートを印刷または保存できませんでした。</translation>
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
    <message>
        <source>SalesDesk is already running on this data folder but does not respond. Wait a moment and try again, or end the other SalesDesk first.

{0}</source>
        <extracomment>A just-started first instance may hold the lock a moment before it listens.</extracomment>
        <translation>このデータフォルダーではすでにSalesDeskが起動していますが、応答がありません。しばらく待ってからもう一度お試しいただくか、先に起動中のSalesDeskを終了してください。

{0}</translation>
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
        <extracomment>Room the chart keeps beside its bars (the percent axis and margins), and around a label.</extracomment>
        <translation>関係強度別のアポイント成功率</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>{0} of {1} requests got the appointment ({2})</source>
        <translation>依頼 {1} 件中 {0} 件でアポ獲得（{2}）</translation>
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
    <name>TemplateEditorDialog</name>
    <message>
        <source>E-mail templates</source>
        <translation>メールテンプレート</translation>
    </message>
    <message>
        <source>Fills {consequence_sentence}; left out when the item names no consequence.</source>
        <translation>{consequence_sentence} に入ります。遅れた場合の影響が未入力の項目では省かれます。</translation>
    </message>
    <message>
        <source>Double-click to insert at the cursor.</source>
        <translation>ダブルクリックでカーソル位置に挿入します。</translation>
    </message>
    <message>
        <source>A line whose placeholders all come out empty is left out of the e-mail.</source>
        <translation>差し込み項目がすべて空になる行は、メールから省かれます。</translation>
    </message>
    <message>
        <source>&amp;Reset to default</source>
        <translation>標準に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Consequence sentence</source>
        <translation>影響の文</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>差し込み項目</translation>
    </message>
    <message>
        <source>Preview with this item</source>
        <translation>この項目でのプレビュー</translation>
    </message>
    <message>
        <source>the contact's name (様 added in Japanese)</source>
        <translation>担当者名（日本語では「様」付き）</translation>
    </message>
    <message>
        <source>the customer's company</source>
        <translation>お客様の会社名</translation>
    </message>
    <message>
        <source>what the customer is to do</source>
        <translation>お客様にお願いしている事項</translation>
    </message>
    <message>
        <source>the deadline, date and time</source>
        <translation>期限（日付と時刻）</translation>
    </message>
    <message>
        <source>what a delay affects, as typed</source>
        <translation>遅れた場合の影響（入力どおり）</translation>
    </message>
    <message>
        <source>the consequence sentence, if any</source>
        <translation>影響の文（影響が入力されているときのみ）</translation>
    </message>
    <message>
        <source>your company and name (from My profile)</source>
        <translation>自社名とお名前（マイプロフィールから）</translation>
    </message>
    <message>
        <source>your signature (from My profile)</source>
        <translation>署名（マイプロフィールから）</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存できませんでした</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>期限切れ（%n件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due today (%n)</source>
        <translation>
            <numerusform>今日（%n件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week (%n)</source>
        <translation>
            <numerusform>今週（%n件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more follow-up(s) later this week</source>
        <translation>
            <numerusform>…ほかに今週のフォローアップが%n件あります</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more follow-up(s): the list's “Follow-up due or overdue” filter shows them all</source>
        <translation>
            <numerusform>…ほかにフォローアップが%n件あります（一覧の「フォロー期日・期限切れ」で全件を表示できます）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No contact for %n day(s): {0}</source>
        <translation>
            <numerusform>%n日間連絡なし：{0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Friendly check due</source>
        <translation>進捗確認の時期</translation>
    </message>
    <message>
        <source>Customer's deadline</source>
        <translation>お客様の期限</translation>
    </message>
    <message>
        <source>Complaint after the sale</source>
        <translation>納品後のクレーム</translation>
    </message>
    <message>
        <source>snoozed until {0}</source>
        <translation>{0}まで保留</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message numerus="yes">
        <source>%n min late</source>
        <extracomment>Follow-ups listed per bucket; the rest are counted ("and N more"). While shown, the list is re-read this often so "late" and the buckets stay true.</extracomment>
        <translation><numerusform>%n分遅れ</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h late</source>
        <translation><numerusform>%n時間遅れ</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation><numerusform>%n日遅れ</numerusform></translation>
    </message>
    <message>
        <source>Nothing is overdue or due this week.</source>
        <extracomment>Enter on a row: show the prospect in the main list. The current row moved to this prospect (the window keeps its list in step).</extracomment>
        <translation>期限切れや今週期限のものはありません。</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>あとで通知(&amp;S)</translation>
    </message>
    <message>
        <source>Remind me again later (Alt+S)</source>
        <translation>あとでもう一度知らせる（Alt+S）</translation>
    </message>
    <message>
        <source>Open prospect</source>
        <translation>見込み客を開く</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完了(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>日時を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>通話を記録(&amp;L)…</translation>
    </message>
    <message>
        <source>Schedule &amp;follow-up…</source>
        <translation>フォローアップを予定(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;E-mail draft…</source>
        <translation>メール下書き(&amp;E)…</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>あとで通知</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10分後</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1時間後</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>明日 9:00</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>日時を指定…</translation>
    </message>
    <message>
        <source>Resol&amp;ve…</source>
        <translation>解決を記録(&amp;V)…</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>期限切れ %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>今日 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later this week</source>
        <translation>
            <numerusform>今週 %n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Overdue {0} · Today {1} · This week {2}</source>
        <extracomment>The tooltip's counts are read again this often (and whenever a reminder fires).</extracomment>
        <translation>期限切れ {0} · 今日 {1} · 今週 {2}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open SalesDesk</source>
        <translation>SalesDeskを開く</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日の予定</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
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