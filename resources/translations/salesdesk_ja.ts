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
        <translation>種別</translation>
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
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
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
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
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
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;履歴&lt;/b&gt;</translation>
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
        <translation>保存されませんでした</translation>
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
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <source>SalesDesk could not change this record.

Details: {0}</source>
        <translation>このデータを変更できませんでした。

詳細: {0}</translation>
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
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
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
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Your changes have not been saved. Discard them?</source>
        <translation>変更はまだ保存されていません。破棄しますか？</translation>
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
