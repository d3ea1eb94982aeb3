<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge flag</source>
        <translation>确认审计标记</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rule}&lt;/b&gt; — {contract}, {subject}</source>
        <translation>&lt;b&gt;{rule}&lt;/b&gt; — {contract}，{subject}</translation>
    </message>
    <message>
        <source>Why is this accepted? (required; the flag reopens if its numbers change)</source>
        <translation>为什么接受此项？（必填；若相关数字变化，标记将重新打开）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why the flag is accepted (required); Tab moves on to the buttons</source>
        <translation>接受此标记的原因（必填）；按 Tab 键移到按钮</translation>
    </message>
    <message>
        <source>e.g. shortfall waived in contract amendment 2</source>
        <translation>例如：合同第 2 号修订已豁免该缺口</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>AsOfDialog</name>
    <message>
        <source>Figures as of</source>
        <translation>数据截至日期</translation>
    </message>
    <message>
        <source>Today (follows the calendar)</source>
        <translation>今天（随日历变化）</translation>
    </message>
    <message>
        <source>Ticked: figures follow today&apos;s date; unticked: the date below</source>
        <translation>勾选：数据随今天的日期变化；不勾选：使用下方日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The date every figure is computed for</source>
        <translation>计算所有数据所依据的日期</translation>
    </message>
</context>
<context>
    <name>AuditSettingsDialog</name>
    <message>
        <source>Audit settings</source>
        <translation>审计设置</translation>
    </message>
    <message>
        <source>Unverified after</source>
        <translation>未核证超过</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Cumulative shortfall over</source>
        <translation>累计缺口超过</translation>
    </message>
    <message>
        <source> % of contract</source>
        <translation> % 合同吨数</translation>
    </message>
    <message>
        <source>Vintage older than</source>
        <translation>年份早于</translation>
    </message>
    <message>
        <source> years at claim</source>
        <translation> 年（相对声明期间）</translation>
    </message>
    <message>
        <source>Retired later than</source>
        <translation>注销晚于</translation>
    </message>
    <message>
        <source> months after claim</source>
        <translation> 个月（声明期间结束后）</translation>
    </message>
    <message>
        <source>Price off contract by more than</source>
        <translation>价格偏离合同超过</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Serials still missing after</source>
        <translation>序列号缺失超过</translation>
    </message>
    <message>
        <source>Days a delivery may stay unverified before it is flagged</source>
        <translation>交付未经核证多少天后被标记</translation>
    </message>
    <message>
        <source>Percent of the contract tonnes the deliveries may fall behind before it is flagged</source>
        <translation>交付落后合同吨数的百分比超过多少时被标记</translation>
    </message>
    <message>
        <source>Years a vintage may be older than its claim before it is flagged</source>
        <translation>年份早于声明年份多少年后被标记</translation>
    </message>
    <message>
        <source>Months a retirement may come after its claim period before it is flagged</source>
        <translation>注销晚于声明期间多少个月后被标记</translation>
    </message>
    <message>
        <source>Percent a delivery&apos;s price may differ from the contract&apos;s before it is flagged</source>
        <translation>交付价格与合同价格相差的百分比超过多少时被标记</translation>
    </message>
    <message>
        <source>Days a delivery may lack its serial numbers before it is flagged</source>
        <translation>交付缺少序列号多少天后被标记</translation>
    </message>
    <message>
        <source>{login} (your login)</source>
        <translation>{login}（您的登录名）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Your name as the change log records it; empty: your login</source>
        <translation>变更日志中记录的您的姓名；留空：使用您的登录名</translation>
    </message>
    <message>
        <source>Name in the change log</source>
        <translation>变更日志中的名称</translation>
    </message>
    <message>
        <source>Your account and beneficiary names</source>
        <translation>您的账户及受益方名称</translation>
    </message>
    <message>
        <source>Your registry account and beneficiary names, one a line</source>
        <translation>您在登记处的账户名称和受益方名称，每行一个</translation>
    </message>
    <message>
        <source>One a line. Registry rows naming anyone else as beneficiary, owner or account holder are other buyers&apos; and are never imported. Empty: the buyers of your contracts (shown in grey).</source>
        <translation>每行一个。登记处文件中受益方、所有者或账户持有人为其他名称的行属于其他买方，不会导入。留空：使用您合同中的买方名称（以灰色显示）。</translation>
    </message>
    <message>
        <source>Changes are currently recorded as: {name}</source>
        <translation>变更当前记录为：{name}</translation>
    </message>
    <message>
        <source>{field} {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Whole term</source>
        <translation>整个期限</translation>
    </message>
    <message>
        <source>Show every year of the contract term</source>
        <translation>显示合同期限内的每一年</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>将图表导出为 PNG…</translation>
    </message>
    <message>
        <source>Show the whole period</source>
        <translation>显示整个期间</translation>
    </message>
    <message>
        <source>Delivered against contracted tonnes chart</source>
        <translation>已交付与合同吨数对比图</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Contracted</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核证</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cumulative tonnes (t)</source>
        <translation>累计吨数（吨）</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <source>All contracts — cumulative tonnes</source>
        <translation>全部合同 — 累计吨数</translation>
    </message>
    <message>
        <source>(deleted contract)</source>
        <translation>（已删除的合同）</translation>
    </message>
    <message>
        <source>{contract} — cumulative tonnes</source>
        <translation>{contract} — 累计吨数</translation>
    </message>
    <message>
        <source>Flagged deliveries</source>
        <translation>有标记的交付</translation>
    </message>
    <message numerus="yes">
        <source>%n deliveries</source>
        <translation>
            <numerusform>%n 笔交付</numerusform>
        </translation>
    </message>
    <message>
        <source>{reference} (serials to come)</source>
        <translation>{reference}（序列号待定）</translation>
    </message>
    <message>
        <source>a delivery</source>
        <translation>一笔交付</translation>
    </message>
    <message>
        <source>Flagged: {what}
{date}: {tonnes} delivered to date</source>
        <translation>标记：{what}
{date}：累计已交付 {tonnes}</translation>
    </message>
</context>
<context>
    <name>ColumnPrefs</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add contract {ref}</source>
        <translation>新增合同 {ref}</translation>
    </message>
    <message>
        <source>Edit contract {ref}</source>
        <translation>编辑合同 {ref}</translation>
    </message>
    <message>
        <source>Delete contract {ref}</source>
        <translation>删除合同 {ref}</translation>
    </message>
    <message>
        <source>Add tranche due {date}</source>
        <translation>新增 {date} 到期的交付批次</translation>
    </message>
    <message>
        <source>Edit tranche due {date}</source>
        <translation>编辑 {date} 到期的交付批次</translation>
    </message>
    <message>
        <source>Delete tranche</source>
        <translation>删除交付批次</translation>
    </message>
    <message>
        <source>Add delivery {block}</source>
        <translation>新增交付 {block}</translation>
    </message>
    <message>
        <source>Edit delivery {block}</source>
        <translation>编辑交付 {block}</translation>
    </message>
    <message>
        <source>Delete delivery</source>
        <translation>删除交付</translation>
    </message>
    <message>
        <source>Retire {tonnes} t</source>
        <translation>注销 {tonnes} 吨</translation>
    </message>
    <message>
        <source>Edit retirement</source>
        <translation>编辑注销</translation>
    </message>
    <message>
        <source>Delete retirement</source>
        <translation>删除注销</translation>
    </message>
    <message>
        <source>Record invalidation of {tonnes} t</source>
        <translation>记录作废 {tonnes} 吨</translation>
    </message>
    <message>
        <source>Edit invalidation</source>
        <translation>编辑作废</translation>
    </message>
    <message>
        <source>Delete invalidation</source>
        <translation>删除作废</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Edit contract</source>
        <translation>编辑合同</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation>信用类型</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记处</translation>
    </message>
    <message>
        <source>Registry project ids</source>
        <translation>登记处项目编号</translation>
    </message>
    <message>
        <source>As the registry writes them, separated by &apos;;&apos;: registry files are matched to this contract by them</source>
        <translation>按登记处的写法填写，以“;”分隔：登记处文件据此匹配到本合同</translation>
    </message>
    <message>
        <source>Tonnes (t)</source>
        <translation>吨数（吨）</translation>
    </message>
    <message>
        <source>Price per tonne</source>
        <translation>每吨价格</translation>
    </message>
    <message>
        <source>In the currency below; at most 4 decimals</source>
        <translation>以下方币种计价；最多 4 位小数</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>期限开始</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>期限结束</translation>
    </message>
    <message>
        <source>Durability (years)</source>
        <translation>封存持久性（年）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContractsModel</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contracted</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message numerus="yes">
        <source>%n open critical flag(s) in the portfolio</source>
        <translation>
            <numerusform>组合中有 %n 个未处理的严重标记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open critical flag(s): see the Flags tab</source>
        <translation>
            <numerusform>%n 个未处理的严重标记：见“审计标记”页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Today&apos;s backup of the ledger could not be made: {reason}

The ledger is open as before. File → Back up now tries again.</source>
        <translation>今天的账本备份未能完成：{reason}

账本仍照常打开。可通过“文件 → 立即备份”重试。</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <source>Choose a date (Alt+Down)</source>
        <translation>选择日期（Alt+下箭头）</translation>
    </message>
    <message>
        <source>A date as the window shows dates, or as YYYY-MM-DD; Alt+Down opens a calendar</source>
        <translation>日期，按窗口显示的日期格式或 YYYY-MM-DD 填写；按 Alt+下箭头打开日历</translation>
    </message>
    <message>
        <source>A date as YYYY-MM-DD; Alt+Down opens a calendar</source>
        <translation>日期格式为 YYYY-MM-DD；按 Alt+下箭头打开日历</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
</context>
<context>
    <name>DeliveriesModel</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>serials pending</source>
        <translation>序列号待定</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>核证</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>核证日期</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记处</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Rejected: its verification failed, so it counts as neither delivered nor available.</source>
        <translation>已拒收：核证未通过，既不计入已交付，也不计入可注销。</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Edit delivery</source>
        <translation>编辑交付</translation>
    </message>
    <message>
        <source>New delivery</source>
        <translation>新建交付</translation>
    </message>
    <message>
        <source>The contract&apos;s registry</source>
        <translation>合同所属登记处</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Tonnes (t)</source>
        <translation>吨数（吨）</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>YYYY</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记处</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>Leave empty while the serials are still to come. Isometric and Puro batch or certificate ids are accepted as they are.</source>
        <translation>序列号尚未发放时留空。Isometric 与 Puro 的批次号或证书编号可原样填写。</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>核证</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>核证机构</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>核证日期</translation>
    </message>
    <message>
        <source>Transfer reference</source>
        <translation>转让编号</translation>
    </message>
    <message>
        <source>The registry&apos;s transfer id for this delivery (optional)</source>
        <translation>登记处为此交付给出的转让编号（可选）</translation>
    </message>
    <message>
        <source>Fills the tranche due</source>
        <translation>对应到期的交付批次</translation>
    </message>
    <message>
        <source>Empty: the earliest tranche still open</source>
        <translation>留空：最早尚未完成的交付批次</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Carbon Tracker</source>
        <translation>碳信用追踪器</translation>
    </message>
    <message>
        <source>Something went wrong and the last action may not have finished.</source>
        <translation>出现错误，上一步操作可能未完成。</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>含有 NUL 字符</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is not a plain number (digits with an optional &apos;.&apos; decimal point)</source>
        <translation>不是普通数字（由数字组成，可带一个“.”小数点）</translation>
    </message>
    <message>
        <source>has more precision than 0.001 t (one kilogram)</source>
        <translation>精度超过 0.001 吨（一千克）</translation>
    </message>
    <message>
        <source>must be greater than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>is more than 1,000,000,000 t (one gigatonne)</source>
        <translation>超过 1,000,000,000 吨（十亿吨）</translation>
    </message>
    <message>
        <source>has more than 4 decimal places</source>
        <translation>小数位超过 4 位</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is more than 1,000,000 per tonne</source>
        <translation>超过每吨 1,000,000</translation>
    </message>
    <message>
        <source>is not a whole number of at least {minimum}</source>
        <translation>不是不小于 {minimum} 的整数</translation>
    </message>
    <message>
        <source>is required (a date as YYYY-MM-DD)</source>
        <translation>为必填项（日期格式为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>is not a valid date as YYYY-MM-DD</source>
        <translation>不是有效的 YYYY-MM-DD 日期</translation>
    </message>
    <message>
        <source>is required (a year such as 2025)</source>
        <translation>为必填项（年份，例如 2025）</translation>
    </message>
    <message>
        <source>is not a year between 1900 and 2200</source>
        <translation>不是 1900 至 2200 之间的年份</translation>
    </message>
    <message>
        <source>is before start_on {start}</source>
        <translation>早于 start_on {start}</translation>
    </message>
    <message>
        <source>is after end_on {end}</source>
        <translation>晚于 end_on {end}</translation>
    </message>
    <message>
        <source>is before claim_start {start}</source>
        <translation>早于 claim_start {start}</translation>
    </message>
    <message>
        <source>is before the delivery date {day}</source>
        <translation>早于交付日期 {day}</translation>
    </message>
    <message>
        <source>is set but verification_status is pending</source>
        <translation>已填写，但 verification_status 为待核证</translation>
    </message>
    <message>
        <source>is required when the outcome is {outcome}</source>
        <translation>在结果为 {outcome} 时为必填项</translation>
    </message>
    <message>
        <source>is more than the {tonnes} delivered</source>
        <translation>超过已交付的 {tonnes}</translation>
    </message>
    <message>
        <source>is required; one of: {allowed}</source>
        <translation>为必填项；可选值：{allowed}</translation>
    </message>
    <message>
        <source>is not one of: {allowed}</source>
        <translation>不是以下值之一：{allowed}</translation>
    </message>
    <message>
        <source>is required (an ISO 4217 code such as USD)</source>
        <translation>为必填项（ISO 4217 货币代码，例如 USD）</translation>
    </message>
    <message>
        <source>is not an ISO 4217 currency code (e.g. USD, EUR)</source>
        <translation>不是 ISO 4217 货币代码（例如 USD、EUR）</translation>
    </message>
    <message>
        <source>has a project id longer than {limit}</source>
        <translation>含有长度超过 {limit} 的项目编号</translation>
    </message>
    <message>
        <source>lists more than {limit} ids</source>
        <translation>列出的编号超过 {limit} 个</translation>
    </message>
    <message>
        <source>has a name longer than {limit}</source>
        <translation>含有长度超过 {limit} 的名称</translation>
    </message>
    <message>
        <source>has a name without letters or digits</source>
        <translation>含有不含字母或数字的名称</translation>
    </message>
    <message>
        <source>is not a serial block this tracker can read (expected e.g. &apos;ACR-US-1185-2025-3078-1 to 5000&apos;, &apos;GS1-1-KE-GS11603-16-2025-30256-110-5463&apos;, a Verra, Isometric or Puro serial number)</source>
        <translation>不是本工具能识别的序列号段（应类似 &apos;ACR-US-1185-2025-3078-1 to 5000&apos;、&apos;GS1-1-KE-GS11603-16-2025-30256-110-5463&apos;，或 Verra、Isometric、Puro 的序列号）</translation>
    </message>
    <message>
        <source>is not a serial block this tracker can read: {registry} serials always carry a range (e.g. &apos;ACR-US-1185-2025-3078-1 to 5000&apos;); only Isometric, Puro and other registries name batches by one id</source>
        <translation>不是本工具能识别的序列号段：{registry} 的序列号总是一个范围（例如 &apos;ACR-US-1185-2025-3078-1 to 5000&apos;）；只有 Isometric、Puro 等登记处用单个编号标识批次</translation>
    </message>
    <message>
        <source>is not a serial block this tracker can read: serials of this registry always carry a range (e.g. &apos;ACR-US-1185-2025-3078-1 to 5000&apos;); only Isometric, Puro and other registries name batches by one id</source>
        <translation>不是本工具能识别的序列号段：此登记处的序列号总是一个范围（例如 &apos;ACR-US-1185-2025-3078-1 to 5000&apos;）；只有 Isometric、Puro 等登记处用单个编号标识批次</translation>
    </message>
    <message>
        <source>must start at serial 1 or above</source>
        <translation>必须从序列号 1 或以上开始</translation>
    </message>
    <message>
        <source>ends ({end}) before it starts ({start})</source>
        <translation>结束（{end}）早于开始（{start}）</translation>
    </message>
    <message>
        <source>has a serial number beyond what the ledger can hold</source>
        <translation>含有账本无法容纳的序列号</translation>
    </message>
    <message>
        <source>must be whole tonnes: {registry} serials count tonnes</source>
        <translation>必须为整吨：{registry} 的序列号按吨计数</translation>
    </message>
    <message numerus="yes">
        <source>holds %Ln serial(s) ({count} t) but tonnes is {tonnes}</source>
        <translation>
            <numerusform>含 %Ln 个序列号（{count} 吨），但吨数为 {tonnes}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>holds %Ln serial(s) ({count} kg) but tonnes is {tonnes}</source>
        <translation>
            <numerusform>含 %Ln 个序列号（{count} 千克），但吨数为 {tonnes}</numerusform>
        </translation>
    </message>
    <message>
        <source>is not inside the delivery&apos;s serial block {block}</source>
        <translation>不在该交付的序列号段 {block} 之内</translation>
    </message>
    <message>
        <source>is not inside the delivery&apos;s serial block (serials pending)</source>
        <translation>不在该交付的序列号段之内（序列号待定）</translation>
    </message>
    <message>
        <source>is required (a contract reference)</source>
        <translation>为必填项（合同编号）</translation>
    </message>
    <message>
        <source>is not a known contract reference</source>
        <translation>不是已知的合同编号</translation>
    </message>
    <message>
        <source>is already used by another contract</source>
        <translation>已被另一份合同使用</translation>
    </message>
    <message>
        <source>is not a global id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)</source>
        <translation>不是全局编号（应为 UUID，例如 0f8fad5b-d9cb-469f-a165-70867728950e）</translation>
    </message>
    <message>
        <source>is already the global id of a different record in the ledger</source>
        <translation>已是账本中另一条记录的全局编号</translation>
    </message>
    <message>
        <source>is also the global id of a different row of the file (row {row})</source>
        <translation>也是文件中另一行（第 {row} 行）的全局编号</translation>
    </message>
    <message>
        <source>is less than the {tonnes} already scheduled in its tranches</source>
        <translation>少于其交付批次中已安排的 {tonnes}</translation>
    </message>
    <message>
        <source>would leave the tranche due {due} outside the term</source>
        <translation>会使 {due} 到期的交付批次落在期限之外</translation>
    </message>
    <message>
        <source>is outside the contract term {start} to {end}</source>
        <translation>不在合同期限 {start} 至 {end} 之内</translation>
    </message>
    <message>
        <source>would schedule more than the contract&apos;s {contracted} (only {room} left unscheduled)</source>
        <translation>会使交付计划超过合同的 {contracted}（仅剩 {room}未安排）</translation>
    </message>
    <message>
        <source>overlaps &apos;{block}&apos;, already delivered under contract {contract}</source>
        <translation>与合同 {contract} 下已交付的 &apos;{block}&apos; 重叠</translation>
    </message>
    <message>
        <source>is the batch &apos;{block}&apos;, already delivered under contract {contract}</source>
        <translation>是合同 {contract} 下已交付的批次 &apos;{block}&apos;</translation>
    </message>
    <message>
        <source>is not the due date of a tranche of {contract} (tranches due: {due})</source>
        <translation>不是 {contract} 任一交付批次的到期日（交付批次到期日：{due}）</translation>
    </message>
    <message>
        <source>is less than the {tonnes} already retired from this delivery</source>
        <translation>少于此交付中已注销的 {tonnes}</translation>
    </message>
    <message>
        <source>is less than the {tonnes} already retired or invalidated from this delivery</source>
        <translation>少于此交付中已注销或作废的 {tonnes}</translation>
    </message>
    <message>
        <source>no longer contains &apos;{block}&apos;, invalidated on {day}</source>
        <translation>不再包含 {day} 作废的 &apos;{block}&apos;</translation>
    </message>
    <message>
        <source>no longer contains &apos;{block}&apos;, retired on {day}</source>
        <translation>不再包含 {day} 注销的 &apos;{block}&apos;</translation>
    </message>
    <message>
        <source>counts whole tonnes, but {tonnes} retired on {day} is not a whole number of serials</source>
        <translation>按整吨计数，但 {day} 注销的 {tonnes}不是整数个序列号</translation>
    </message>
    <message>
        <source>lies in delivery &apos;{delivery}&apos;, which was rejected: its verification failed, so its credits cannot be retired</source>
        <translation>位于已拒收的交付 &apos;{delivery}&apos; 中：其核证未通过，因此其碳信用不能注销</translation>
    </message>
    <message>
        <source>lies in delivery &apos;{delivery}&apos;, which was rejected: its verification failed by {verifier}, so its credits cannot be retired</source>
        <translation>位于已拒收的交付 &apos;{delivery}&apos; 中：其未通过核证机构 {verifier} 的核证，因此其碳信用不能注销</translation>
    </message>
    <message>
        <source>lies in delivery &apos;{delivery}&apos;, which was rejected: its verification failed on {day}, so its credits cannot be retired</source>
        <translation>位于已拒收的交付 &apos;{delivery}&apos; 中：其核证于 {day} 未通过，因此其碳信用不能注销</translation>
    </message>
    <message>
        <source>lies in delivery &apos;{delivery}&apos;, which was rejected: its verification failed by {verifier} on {day}, so its credits cannot be retired</source>
        <translation>位于已拒收的交付 &apos;{delivery}&apos; 中：其于 {day} 未通过核证机构 {verifier} 的核证，因此其碳信用不能注销</translation>
    </message>
    <message>
        <source>belongs to contract {other}, not {contract}</source>
        <translation>属于合同 {other}，而非 {contract}</translation>
    </message>
    <message>
        <source>is outside every delivery of contract {contract}</source>
        <translation>不在合同 {contract} 的任何交付之内</translation>
    </message>
    <message>
        <source>is more than the {tonnes} delivery &apos;{block}&apos; still holds</source>
        <translation>超过交付 &apos;{block}&apos; 仍持有的 {tonnes}</translation>
    </message>
    <message>
        <source>overlaps &apos;{block}&apos;, already retired on {day}</source>
        <translation>与 {day} 已注销的 &apos;{block}&apos; 重叠</translation>
    </message>
    <message>
        <source>overlaps &apos;{block}&apos;, invalidated by the registry</source>
        <translation>与已被登记处作废的 &apos;{block}&apos; 重叠</translation>
    </message>
    <message>
        <source>is more than the {free} of {contract} verified by then ({day}) and not yet retired</source>
        <translation>超过 {contract} 截至当时（{day}）已核证且尚未注销的 {free}</translation>
    </message>
    <message>
        <source>is more than the {free} of {contract} delivered by then ({day}) and not yet retired</source>
        <translation>超过 {contract} 截至当时（{day}）已交付且尚未注销的 {free}</translation>
    </message>
    <message>
        <source>is more than the {free} of {contract} verified by then ({day}) and not yet retired; another {later} is delivered later or not yet verified</source>
        <translation>超过 {contract} 截至当时（{day}）已核证且尚未注销的 {free}；另有 {later}为之后交付或尚未核证</translation>
    </message>
    <message>
        <source>is more than the {free} of {contract} delivered by then ({day}) and not yet retired; another {later} is delivered later or not yet verified</source>
        <translation>超过 {contract} 截至当时（{day}）已交付且尚未注销的 {free}；另有 {later}为之后交付或尚未核证</translation>
    </message>
    <message>
        <source>must be whole tonnes: {registries} serial numbers count whole tonnes</source>
        <translation>必须为整吨：{registries} 的序列号按整吨计数</translation>
    </message>
    <message>
        <source>is required when the retired tonnes change</source>
        <translation>在注销吨数变更时为必填项</translation>
    </message>
    <message>
        <source>is required when drawing from a block</source>
        <translation>从序列号段中提取时为必填项</translation>
    </message>
    <message>
        <source>is required: give its serial block or reference</source>
        <translation>为必填项：请填写其序列号段或编号</translation>
    </message>
    <message>
        <source>is neither the serial block nor the reference of a delivery of {contract}</source>
        <translation>既不是 {contract} 任一交付的序列号段，也不是其编号</translation>
    </message>
    <message>
        <source>was rejected (its verification failed): it already counts for nothing</source>
        <translation>已被拒收（核证未通过）：它已不计入任何数量</translation>
    </message>
    <message>
        <source>is more than the {tonnes} of this delivery not yet invalidated</source>
        <translation>超过此交付尚未作废的 {tonnes}</translation>
    </message>
    <message>
        <source>overlaps &apos;{block}&apos;, already invalidated on {day}</source>
        <translation>与 {day} 已作废的 &apos;{block}&apos; 重叠</translation>
    </message>
    <message>
        <source>is required: record the delivery first</source>
        <translation>为必填项：请先记录交付</translation>
    </message>
    <message>
        <source>is required: add a contract first</source>
        <translation>为必填项：请先添加合同</translation>
    </message>
    <message>
        <source>is required: say why this flag is accepted</source>
        <translation>为必填项：请说明接受此标记的原因</translation>
    </message>
    <message>
        <source>must be at most {limit}</source>
        <translation>不能大于 {limit}</translation>
    </message>
    <message>
        <source>is beyond the largest number the ledger can hold</source>
        <translation>超出账本可容纳的最大数值</translation>
    </message>
    <message>
        <source>is required (a date: M/D/YYYY [h:mm:ss AM], DD.MM.YYYY or ISO 8601 (YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]]))</source>
        <translation>为必填项（日期格式：M/D/YYYY [h:mm:ss AM]、DD.MM.YYYY 或 ISO 8601（YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]]））</translation>
    </message>
    <message>
        <source>is not a real calendar date</source>
        <translation>不是日历上存在的日期</translation>
    </message>
    <message>
        <source>is not a date (M/D/YYYY [h:mm:ss AM], DD.MM.YYYY or ISO 8601 (YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]]))</source>
        <translation>不是可识别的日期（M/D/YYYY [h:mm:ss AM]、DD.MM.YYYY 或 ISO 8601（YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]]））</translation>
    </message>
    <message>
        <source>is required (a quantity)</source>
        <translation>为必填项（数量）</translation>
    </message>
    <message>
        <source>is not a quantity (digits, grouped like {style})</source>
        <translation>不是有效数量（应为数字，千位分组形如 {style}）</translation>
    </message>
    <message>
        <source>is not a whole number of kilograms</source>
        <translation>不是整千克数</translation>
    </message>
    <message>
        <source>is not a vintage year between 1900 and 2200</source>
        <translation>不是 1900 至 2200 之间的年份</translation>
    </message>
    <message>
        <source>is not a credit status this tracker reads ({allowed})</source>
        <translation>不是本工具可识别的碳信用状态（{allowed}）</translation>
    </message>
    <message>
        <source>is not RETIREMENT, TRANSFER or CANCELLATION</source>
        <translation>不是 RETIREMENT（注销）、TRANSFER（转让）或 CANCELLATION（取消）</translation>
    </message>
    <message>
        <source>no contract holds this serial block yet: choose the contract the credits belong to (--contract REF)</source>
        <translation>尚无合同包含此序列号段：请选择这些碳信用所属的合同（--contract REF）</translation>
    </message>
    <message>
        <source>is already delivered under contract {other}, not {contract}</source>
        <translation>已在合同 {other} 下交付，而非 {contract}</translation>
    </message>
    <message>
        <source>was delivered under contract {other}, not {contract}</source>
        <translation>是在合同 {other} 下交付的，而非 {contract}</translation>
    </message>
    <message>
        <source>is in no delivery of the ledger: import its delivery first, or record it as delivered and retired (--deliver-retired)</source>
        <translation>不在账本的任何交付中：请先导入其交付，或将其记为已交付并已注销(--deliver-retired)</translation>
    </message>
    <message>
        <source>this retirement has no serial numbers: choose the contract it draws from (--contract REF); credits are drawn oldest vintage first</source>
        <translation>此注销没有序列号：请选择其扣减的合同（--contract REF）；碳信用按年份从早到晚扣减</translation>
    </message>
    <message>
        <source>project {project} belongs to contracts {contracts}: choose the contract (--contract REF)</source>
        <translation>项目 {project} 属于合同 {contracts}：请选择合同（--contract REF）</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} 和 {last}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>belongs to another buyer ({party}): not one of your own names (Tools → Audit settings)</source>
        <translation>属于其他买方（{party}）：不是您自己的名称之一（工具 → 审计设置）</translation>
    </message>
    <message>
        <source>its serial block was delivered under contract {other}, not {contract} (--contract)</source>
        <translation>其序列号段已在合同 {other} 下交付，而非 {contract}（--contract）</translation>
    </message>
    <message>
        <source>project {project} is not a project of contract {contract} (its registry project ids: {ids})</source>
        <translation>项目 {project} 不是合同 {contract} 的项目（其登记处项目编号：{ids}）</translation>
    </message>
    <message>
        <source>project {project} ({registry}) belongs to no contract: add it to the contract&apos;s registry project ids to import it</source>
        <translation>项目 {project}（{registry}）不属于任何合同：请将其添加到合同的登记处项目编号中再导入</translation>
    </message>
    <message>
        <source>project {project} belongs to contract {contracts}, not {contract} (--contract)</source>
        <translation>项目 {project} 属于合同 {contracts}，而非 {contract}（--contract）</translation>
    </message>
    <message>
        <source>a cancellation: cancelled credits are never a delivery or a retirement of yours (reconcile compares them with your deliveries)</source>
        <translation>取消：已取消的碳信用绝不会是您的交付或注销（对账会将其与您的交付进行比较）</translation>
    </message>
    <message>
        <source>a project-level issuance without serial numbers: credits issued to the project, not delivered to your account (import the transfer or retirement report for deliveries)</source>
        <translation>无序列号的项目级签发：碳信用签发给项目，而非交付到您的账户（如需交付记录，请导入转让或注销报告）</translation>
    </message>
    <message>
        <source>contract {contract} lists no registry project ids, so rows of any project were taken as its own: add its project ids to the contract</source>
        <translation>合同 {contract} 未列出任何登记处项目编号，因此任何项目的行都被视为该合同的行：请为该合同添加其项目编号</translation>
    </message>
    <message>
        <source>is not one of {allowed}</source>
        <translation>不是以下值之一：{allowed}</translation>
    </message>
    <message>
        <source>is not a registry export this tracker reads: closest is {layout}, which needs the column(s) {columns}</source>
        <translation>不是本工具可识别的登记处导出文件：最接近的格式是 {layout}，它需要以下列：{columns}</translation>
    </message>
    <message>
        <source>is not a {registry} export this tracker reads: closest is {layout}, which needs the column(s) {columns}</source>
        <translation>不是本工具可识别的 {registry} 导出文件：最接近的格式是 {layout}，它需要以下列：{columns}</translation>
    </message>
    <message>
        <source>is not a CSV file: it is {what}</source>
        <translation>不是 CSV 文件：它是{what}</translation>
    </message>
    <message>
        <source>a ZIP or Excel workbook (.xlsx); save it as CSV first</source>
        <translation>一个 ZIP 文件或 Excel 工作簿（.xlsx）；请先将其另存为 CSV</translation>
    </message>
    <message>
        <source>an old Excel workbook (.xls); save it as CSV first</source>
        <translation>一个旧版 Excel 工作簿（.xls）；请先将其另存为 CSV</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>一个 PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>一张 PNG 图像</translation>
    </message>
    <message>
        <source>contains NUL bytes: not a text CSV file (wrong encoding?)</source>
        <translation>含有 NUL 字节：不是文本 CSV 文件（编码有误？）</translation>
    </message>
    <message>
        <source>byte {offset} cannot be read as {encoding} (nor as UTF-8): save the file as UTF-8 CSV</source>
        <translation>第 {offset} 个字节无法按 {encoding} 读取（也无法按 UTF-8 读取）：请将文件另存为 UTF-8 CSV</translation>
    </message>
    <message>
        <source>is not valid UTF-16 text</source>
        <translation>不是有效的 UTF-16 文本</translation>
    </message>
    <message>
        <source>has {cells} cells but the header has {width}</source>
        <translation>有 {cells} 个单元格，但表头有 {width} 个</translation>
    </message>
    <message>
        <source>a cell is longer than {kib} KiB (an unclosed quote?)</source>
        <translation>某个单元格超过 {kib} KiB（引号未闭合？）</translation>
    </message>
    <message>
        <source>a quoted cell is never closed (unclosed quote)</source>
        <translation>带引号的单元格没有闭合（引号未闭合）</translation>
    </message>
    <message>
        <source>unreadable CSV: {detail}</source>
        <translation>无法读取的 CSV：{detail}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>has no name in the header</source>
        <translation>在表头中没有名称</translation>
    </message>
    <message>
        <source>appears more than once in the header</source>
        <translation>在表头中出现了不止一次</translation>
    </message>
    <message>
        <source>the header row is longer than 1 MiB; not a CSV file</source>
        <translation>表头行超过 1 MiB；不是 CSV 文件</translation>
    </message>
    <message>
        <source>has at least {columns} columns; a tracker or registry file has at most {most}. Check that this is the right file</source>
        <translation>至少有 {columns} 列；本工具的文件或登记处文件最多有 {most} 列。请检查文件是否正确</translation>
    </message>
    <message>
        <source>is a tracker file, not a registry export</source>
        <translation>是本工具的文件，不是登记处导出文件</translation>
    </message>
    <message>
        <source>the file uses {separator} as separator</source>
        <translation>文件使用 {separator} 作为分隔符</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>{uses} and lacks column {column} (expected: {expected})</source>
        <translation>{uses}，且缺少 {column} 列（应有的列：{expected}）</translation>
    </message>
    <message>
        <source>is not a {kind} column ({uses})</source>
        <translation>不是 {kind} 文件的列（{uses}）</translation>
    </message>
    <message>
        <source>mixes day-first and month-first dates: use YYYY-MM-DD</source>
        <translation>混用了日在前和月在前的日期：请使用 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>is required (a delivery&apos;s reference)</source>
        <translation>为必填项（交付编号）</translation>
    </message>
    <message>
        <source>matches no delivery</source>
        <translation>未匹配到任何交付</translation>
    </message>
    <message>
        <source>matches {count} deliveries; it must be unique</source>
        <translation>匹配到 {count} 条交付；交付编号必须唯一</translation>
    </message>
    <message numerus="yes">
        <source>{source}: %Ln error(s), nothing was imported:</source>
        <translation>
            <numerusform>{source}：%Ln 处错误，未导入任何内容：</numerusform>
        </translation>
    </message>
    <message>
        <source>row {row}, column {column}: {reason}</source>
        <translation>第 {row} 行，{column} 列：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… 另有 %Ln 处</numerusform>
        </translation>
    </message>
    <message>
        <source>contract {id}</source>
        <translation>合同 {id}</translation>
    </message>
    <message>
        <source>tranche {id}</source>
        <translation>交付批次 {id}</translation>
    </message>
    <message>
        <source>delivery {id}</source>
        <translation>交付记录 {id}</translation>
    </message>
    <message>
        <source>retirement {id}</source>
        <translation>注销记录 {id}</translation>
    </message>
    <message>
        <source>invalidation {id}</source>
        <translation>作废记录 {id}</translation>
    </message>
    <message>
        <source>verification record {id}</source>
        <translation>核证记录 {id}</translation>
    </message>
    <message>
        <source>{table} record {id}</source>
        <translation>{table} 表记录 {id}</translation>
    </message>
    <message>
        <source>{record} does not exist</source>
        <translation>{record} 不存在</translation>
    </message>
    <message>
        <source>{record} was changed elsewhere since you opened it ({fields}); reload and make your edit again</source>
        <translation>{record} 在您打开之后已在别处被修改（{fields}）；请重新载入后再编辑一次</translation>
    </message>
    <message>
        <source>the ledger is busy: another program (an import or another window) kept it locked for more than 5 seconds; nothing was changed, try again when it is done</source>
        <translation>账本正忙：另一个程序（导入或另一个窗口）锁定账本已超过 5 秒；未做任何更改，请待其完成后重试</translation>
    </message>
    <message>
        <source>the ledger is open read-only (another window holds it, or the file or folder is read-only); nothing was changed</source>
        <translation>账本以只读方式打开（另一个窗口正在使用它，或文件或文件夹为只读）；未做任何更改</translation>
    </message>
    <message>
        <source>the disk is full (or the ledger reached its size limit); nothing was changed, free some space and try again</source>
        <translation>磁盘已满（或账本已达到大小上限）；未做任何更改，请释放一些空间后重试</translation>
    </message>
    <message>
        <source>the database rolled the change back (the disk may be full or failing); nothing was changed</source>
        <translation>数据库已回滚此次更改（磁盘可能已满或出现故障）；未做任何更改</translation>
    </message>
    <message>
        <source>a number is beyond the largest the ledger can hold; nothing was changed</source>
        <translation>某个数字超出了账本能保存的最大值；未做任何更改</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>{field} {value}: {reason}</source>
        <translation>{field} {value}：{reason}</translation>
    </message>
    <message>
        <source>A file cannot be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <source>Cannot write {file}.</source>
        <translation>无法写入 {file}。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file}: cannot be read (permission denied); check the file&apos;s permissions</source>
        <translation>{file}：无法读取（权限被拒绝）；请检查文件的权限</translation>
    </message>
    <message>
        <source>{file}: is a folder, not a ledger file</source>
        <translation>{file}：是一个文件夹，不是账本文件</translation>
    </message>
    <message>
        <source>{file}: is an empty file (0 bytes), not a Carbon Tracker ledger; it was left as it is. To start a new ledger there, run `carbon-tracker new {file}`</source>
        <translation>{file}：是一个空文件（0 字节），不是碳信用追踪器的账本；文件保持原样。如要在此新建账本，请运行 `carbon-tracker new {file}`</translation>
    </message>
    <message>
        <source>{file}: not a tracker ledger file (not an SQLite database); it was left untouched. Check the path, or restore the ledger from a backup</source>
        <translation>{file}：不是本工具的账本文件（不是 SQLite 数据库）；文件未被改动。请检查路径，或从备份恢复账本</translation>
    </message>
    <message>
        <source>{file}: cannot be opened ({reason})</source>
        <translation>{file}：无法打开（{reason}）</translation>
    </message>
    <message>
        <source>{file}: the file is damaged or is not a tracker ledger ({reason}); it was left untouched. Restore the newest good backup (`carbon-tracker restore`)</source>
        <translation>{file}：文件已损坏或不是本工具的账本（{reason}）；文件未被改动。请恢复最新的完好备份（`carbon-tracker restore`）</translation>
    </message>
    <message>
        <source>{file}: is another application&apos;s SQLite database, not a Carbon Tracker ledger; it was left untouched. Check the path</source>
        <translation>{file}：是其他应用程序的 SQLite 数据库，不是碳信用追踪器的账本；文件未被改动。请检查路径</translation>
    </message>
    <message>
        <source>{file}: is another application&apos;s SQLite database (application id {app_id}), not a Carbon Tracker ledger; it was left untouched. Check the path</source>
        <translation>{file}：是其他应用程序的 SQLite 数据库（应用程序 ID {app_id}），不是碳信用追踪器的账本；文件未被改动。请检查路径</translation>
    </message>
    <message>
        <source>{file}: written by a newer version of the tracker (unknown schema migration &apos;{migration}&apos;); upgrade the tracker to open it. The file was left untouched</source>
        <translation>{file}：由更新版本的本工具写入（未知的数据库结构迁移“{migration}”）；请升级本工具后再打开。文件未被改动</translation>
    </message>
    <message>
        <source>{file}: written by a newer version of the tracker (schema {version}); upgrade the tracker to open it. The file was left untouched</source>
        <translation>{file}：由更新版本的本工具写入（数据库结构版本 {version}）；请升级本工具后再打开。文件未被改动</translation>
    </message>
    <message>
        <source>{file}: the ledger is damaged (quick_check: {detail}); it was left untouched. Restore the newest good backup (`carbon-tracker restore`)</source>
        <translation>{file}：账本已损坏（quick_check：{detail}）；文件未被改动。请恢复最新的完好备份（`carbon-tracker restore`）</translation>
    </message>
    <message>
        <source>{folder}: the folder cannot be created ({reason})</source>
        <translation>{folder}：无法创建该文件夹（{reason}）</translation>
    </message>
    <message>
        <source>{file}: a new ledger cannot be created here ({reason}); choose a folder you can write to</source>
        <translation>{file}：无法在此新建账本（{reason}）；请选择您可以写入的文件夹</translation>
    </message>
    <message>
        <source>{file}: already exists; a new ledger never replaces a file. Choose another name, or open it</source>
        <translation>{file}：已存在；新建账本绝不会替换已有文件。请换一个名称，或直接打开它</translation>
    </message>
    <message>
        <source>{file}: no such ledger file; check the path, or create a new ledger with `carbon-tracker new {file}`</source>
        <translation>{file}：没有这个账本文件；请检查路径，或使用 `carbon-tracker new {file}` 新建账本</translation>
    </message>
    <message>
        <source>{file}: the file is read-only; change its permissions to edit it, or use a read-only command (summary, export, check)</source>
        <translation>{file}：文件为只读；如需编辑，请更改其权限，或使用只读命令（summary、export、check）</translation>
    </message>
    <message>
        <source>{folder}: the folder is read-only, and a ledger needs to write its journal beside the file; move the ledger to a folder you can write to</source>
        <translation>{folder}：文件夹为只读，而账本需要在文件旁写入日志文件；请将账本移到您可以写入的文件夹</translation>
    </message>
    <message>
        <source>{file}: cannot be opened for writing ({reason})</source>
        <translation>{file}：无法以写入方式打开（{reason}）</translation>
    </message>
    <message>
        <source>{name} ({program}, process {pid} on {host}) since {since}</source>
        <translation>{name}（{program}，进程 {pid}，位于 {host}），自 {since} 起</translation>
    </message>
    <message>
        <source>{file}: is open for writing by {holder}; close it there first, or open the ledger read-only</source>
        <translation>{file}：正以写入方式打开，使用者为 {holder}；请先在那里关闭，或以只读方式打开账本</translation>
    </message>
    <message>
        <source>{file}: is open for writing by {holder}; close it there first, or open the ledger read-only. If {host} crashed and nobody uses the ledger there, delete {lock} to free it</source>
        <translation>{file}：正以写入方式打开，使用者为 {holder}；请先在那里关闭，或以只读方式打开账本。如果 {host} 已崩溃且没有人在那里使用该账本，请删除 {lock} 以解除锁定</translation>
    </message>
    <message>
        <source>{lock}: the lock file cannot be written ({reason}); the folder must be writable to edit the ledger, or open it read-only</source>
        <translation>{lock}：无法写入锁文件（{reason}）；编辑账本需要该文件夹可写，否则请以只读方式打开账本</translation>
    </message>
    <message>
        <source>{file}: the copy could not be written ({reason}); nothing was changed</source>
        <translation>{file}：无法写入副本（{reason}）；未做任何更改</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>磁盘已满；请释放一些空间后重试</translation>
    </message>
    <message>
        <source>the folder cannot be written (permission denied); choose a writable folder</source>
        <translation>无法写入该文件夹（权限被拒绝）；请选择可写入的文件夹</translation>
    </message>
    <message>
        <source>{folder}: the backups folder cannot be created ({reason})</source>
        <translation>{folder}：无法创建备份文件夹（{reason}）</translation>
    </message>
    <message>
        <source>cannot restore: {reason}</source>
        <translation>无法恢复：{reason}</translation>
    </message>
    <message>
        <source>{file}: is the open ledger ({ledger}); writing there would destroy your records. Choose another file name</source>
        <translation>{file}：是当前打开的账本（{ledger}）；写入该文件会毁掉您的记录。请选择其他文件名</translation>
    </message>
    <message>
        <source>{file}: belongs to the open ledger ({ledger}); writing there would destroy your records. Choose another file name</source>
        <translation>{file}：属于当前打开的账本（{ledger}）；写入该文件会毁掉您的记录。请选择其他文件名</translation>
    </message>
    <message>
        <source>{file}: is a Carbon Tracker ledger; a report or copy never replaces a ledger. Choose another file name</source>
        <translation>{file}：是碳信用追踪器的账本；报告或副本绝不会替换账本。请选择其他文件名</translation>
    </message>
    <message>
        <source>{file}: belongs to the Carbon Tracker ledger {ledger}; a report or copy never replaces a ledger. Choose another file name</source>
        <translation>{file}：属于碳信用追踪器的账本 {ledger}；报告或副本绝不会替换账本。请选择其他文件名</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>Tonnes of CO2e, up to three decimals (one kilogram)</source>
        <translation>吨二氧化碳当量，最多三位小数（精确到一千克）</translation>
    </message>
    <message>
        <source>The offtake contract this record belongs to</source>
        <translation>此记录所属的承购合同</translation>
    </message>
    <message>
        <source>Your own unique reference for the contract</source>
        <translation>您为合同自定的唯一编号</translation>
    </message>
    <message>
        <source>The buying company named in the contract</source>
        <translation>合同中载明的买方公司</translation>
    </message>
    <message>
        <source>The company that delivers the credits</source>
        <translation>交付碳信用的供应商公司</translation>
    </message>
    <message>
        <source>The project the credits come from</source>
        <translation>碳信用来源的项目</translation>
    </message>
    <message>
        <source>How the project removes or avoids carbon</source>
        <translation>项目移除或避免排放碳的方法</translation>
    </message>
    <message>
        <source>Whether the credits are removals or avoidance</source>
        <translation>碳信用属于碳移除还是减排（避免）</translation>
    </message>
    <message>
        <source>The carbon registry that issues and holds the credits</source>
        <translation>签发并托管碳信用的登记处</translation>
    </message>
    <message>
        <source>Three-letter currency code of the price, e.g. USD</source>
        <translation>价格的三字母货币代码，例如 USD</translation>
    </message>
    <message>
        <source>Years the carbon stays stored, as a whole number</source>
        <translation>碳的封存年限，填整数</translation>
    </message>
    <message>
        <source>Where the contract stands, from draft to completed</source>
        <translation>合同所处的阶段，从草稿到已完成</translation>
    </message>
    <message>
        <source>Free text for your own notes; Tab moves to the next field</source>
        <translation>供您自己记录的自由文本；按 Tab 键移到下一字段</translation>
    </message>
    <message>
        <source>The credits&apos; vintage year, four digits, e.g. 2025</source>
        <translation>碳信用的年份，四位数字，例如 2025</translation>
    </message>
    <message>
        <source>Whether the credits are verified yet</source>
        <translation>碳信用是否已核证</translation>
    </message>
    <message>
        <source>The validation and verification body (VVB) that verified them</source>
        <translation>核证这些碳信用的审定与核证机构（VVB）</translation>
    </message>
    <message>
        <source>The delivery whose credits the registry invalidated</source>
        <translation>其碳信用被登记处作废的交付</translation>
    </message>
    <message>
        <source>Why the registry invalidated the credits</source>
        <translation>登记处作废碳信用的原因</translation>
    </message>
    <message>
        <source>The registry&apos;s own id for this record (optional)</source>
        <translation>登记处为此记录给出的编号（可选）</translation>
    </message>
    <message>
        <source>The organisation in whose name the credits are retired</source>
        <translation>以其名义注销碳信用的受益方机构</translation>
    </message>
    <message>
        <source>What the retired credits are claimed for</source>
        <translation>已注销碳信用的声明用途</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Carbon Tracker ledger (*.db *.sqlite);;All files (*)</source>
        <translation>碳信用追踪器账本 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New ledger</source>
        <translation>新建账本</translation>
    </message>
    <message>
        <source>{file} already exists; choose Open to use it.</source>
        <translation>{file} 已存在；请使用“打开”来使用它。</translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>打开账本</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>A copy cannot replace the open ledger itself: choose another file name.</source>
        <translation>副本不能覆盖当前打开的账本：请换一个文件名。</translation>
    </message>
    <message>
        <source>Backing up {file}…</source>
        <translation>正在备份 {file}…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>An in-memory ledger has no backups.</source>
        <translation>内存中的账本没有备份。</translation>
    </message>
    <message>
        <source>The ledger is open read-only here; restore it where it is open.</source>
        <translation>此处以只读方式打开账本；请在打开它的窗口中恢复。</translation>
    </message>
    <message>
        <source>Cannot restore: {reason}</source>
        <translation>无法恢复：{reason}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restored from {backup}. The file it replaced is kept as {aside}.</source>
        <translation>已从 {backup} 恢复。被替换的文件保留为 {aside}。</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
</context>
<context>
    <name>FileRow</name>
    <message>
        <source>Registry export (.csv)</source>
        <translation>登记处导出文件 (.csv)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The path of the registry export (.csv); Browse… chooses the file</source>
        <translation>登记处导出文件（.csv）的路径；点“浏览…”选择文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Ledger in use</source>
        <translation>账本正被使用</translation>
    </message>
    <message>
        <source>{reason}

Open it read-only?</source>
        <translation>{reason}

以只读方式打开？</translation>
    </message>
    <message>
        <source>Ledger cannot be opened</source>
        <translation>无法打开账本</translation>
    </message>
    <message>
        <source>Restore the newest backup, from {when}? The current file is kept aside, not deleted.</source>
        <translation>恢复最新的备份（{when}）？当前文件会另行保留，不会删除。</translation>
    </message>
    <message>
        <source>Restore newest backup</source>
        <translation>恢复最新备份</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>contract {contract}</source>
        <translation>合同 {contract}</translation>
    </message>
    <message>
        <source>tranche due {due}</source>
        <translation>{due} 到期的交付批次</translation>
    </message>
    <message>
        <source>tranche due {due} (even schedule)</source>
        <translation>{due} 到期的交付批次（均分交付计划）</translation>
    </message>
    <message>
        <source>delivery {block}</source>
        <translation>交付 {block}</translation>
    </message>
    <message>
        <source>delivery of {day} (serials pending)</source>
        <translation>{day} 的交付（序列号待定）</translation>
    </message>
    <message>
        <source>delivery {reference} of {day} (serials pending)</source>
        <translation>{day} 的交付 {reference}（序列号待定）</translation>
    </message>
    <message>
        <source>retirement {block} on {day}</source>
        <translation>{day} 的注销 {block}</translation>
    </message>
    <message>
        <source>retirement of {tonnes} on {day} (serials pending)</source>
        <translation>{day} 注销的 {tonnes}（序列号待定）</translation>
    </message>
    <message>
        <source>retirement {block}</source>
        <translation>注销 {block}</translation>
    </message>
    <message>
        <source>registry row {line}: {block}</source>
        <translation>登记处文件第 {line} 行：{block}</translation>
    </message>
    <message>
        <source>registry retirement {reference}</source>
        <translation>登记处注销 {reference}</translation>
    </message>
    <message>
        <source>By {day}, {due} was due but only {delivered} delivered: a shortfall of {gap}, {pct} % of the {contracted} contract (limit {limit} %).</source>
        <translation>截至 {day}，应交付 {due}，但仅交付 {delivered}：缺口 {gap}，占合同量 {contracted}的 {pct}%（上限 {limit}%）。</translation>
    </message>
    <message>
        <source>{delivered} delivered against a contract for {contracted}: {excess} more than contracted.</source>
        <translation>合同约定 {contracted}，已交付 {delivered}：比合同多出 {excess}。</translation>
    </message>
    <message numerus="yes">
        <source>The %n tranche(s) schedule {scheduled}, {excess} more than the {contracted} contracted.</source>
        <translation>
            <numerusform>交付计划中的 %n 个交付批次共计 {scheduled}，比合同约定的 {contracted}多出 {excess}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tonnes} delivered on {day} is still unverified after %n day(s) (limit {limit} days).</source>
        <translation>
            <numerusform>{day} 交付的 {tonnes}已过 %n 天仍未核证（上限 {limit} 天）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tonnes} delivered on {day} still has no serial numbers after %n day(s): ask the supplier for the registry serial block or batch id.</source>
        <translation>
            <numerusform>{day} 交付的 {tonnes}已过 %n 天仍无序列号：请向供应商索取登记处序列号段或批次编号。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tonnes} delivered on {day} still has no serial numbers after %n day(s) (more than the {limit} days allowed): ask the supplier for the registry serial block or batch id.</source>
        <translation>
            <numerusform>{day} 交付的 {tonnes}已过 %n 天仍无序列号（超过允许的 {limit} 天）：请向供应商索取登记处序列号段或批次编号。</numerusform>
        </translation>
    </message>
    <message>
        <source>{tonnes} delivered on {day} carries a verification dated {verified}, before it was delivered: correct one of the dates.</source>
        <translation>{day} 交付的 {tonnes}带有日期为 {verified} 的核证，早于交付日期：请更正其中一个日期。</translation>
    </message>
    <message>
        <source>{tonnes} delivered on {day} carries a verification dated earlier, before it was delivered: correct one of the dates.</source>
        <translation>{day} 交付的 {tonnes}带有更早日期的核证，早于交付日期：请更正其中一个日期。</translation>
    </message>
    <message>
        <source>{tonnes} delivered on {day}, before the contract term {start} to {end}.</source>
        <translation>{day} 交付的 {tonnes}早于合同期限 {start} 至 {end}。</translation>
    </message>
    <message>
        <source>{tonnes} delivered on {day}, after the contract term {start} to {end}.</source>
        <translation>{day} 交付的 {tonnes}晚于合同期限 {start} 至 {end}。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} from delivery {block}, which is still unverified (pending) on {as_of}.</source>
        <translation>{day} 从交付 {block} 注销了 {tonnes}，而该交付截至 {as_of} 仍未核证（待核证）。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} from delivery {block}, which was only verified on {verified_on}.</source>
        <translation>{day} 从交付 {block} 注销了 {tonnes}，而该交付直到 {verified_on} 才核证。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} from delivery {block}, whose verification failed: the claim it supports must be restated.</source>
        <translation>{day} 从交付 {block} 注销了 {tonnes}，而该交付核证未通过：其支持的声明必须重新陈述。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} from delivery {block}, whose verification failed by {verifier}: the claim it supports must be restated.</source>
        <translation>{day} 从交付 {block} 注销了 {tonnes}，而该交付未通过核证机构 {verifier} 的核证：其支持的声明必须重新陈述。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} from delivery {block}, whose verification failed on {failed_on}: the claim it supports must be restated.</source>
        <translation>{day} 从交付 {block} 注销了 {tonnes}，而该交付于 {failed_on} 核证未通过：其支持的声明必须重新陈述。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} from delivery {block}, whose verification failed by {verifier} on {failed_on}: the claim it supports must be restated.</source>
        <translation>{day} 从交付 {block} 注销了 {tonnes}，而该交付于 {failed_on} 未通过核证机构 {verifier} 的核证：其支持的声明必须重新陈述。</translation>
    </message>
    <message>
        <source>{invalidated} of the {tonnes} retired on {day} from delivery {block} were invalidated by the registry on {since}: the claim they support must be restated.</source>
        <translation>{day} 从交付 {block} 注销的 {tonnes}中，有 {invalidated}已于 {since} 被登记处作废：其支持的声明必须重新陈述。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day}, before delivery {block} arrived on {delivered_on}.</source>
        <translation>{day} 注销了 {tonnes}，早于交付 {block} 的到达日期 {delivered_on}。</translation>
    </message>
    <message>
        <source>{tonnes} of vintage {vintage} claimed for {claim_year}: {age} years old, more than the {limit}-year limit.</source>
        <translation>年份为 {vintage} 的 {tonnes}用于 {claim_year} 年的声明：已有 {age} 年，超过 {limit} 年的上限。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} for the claim period ending {claim_end}: more than {months} months after it ended.</source>
        <translation>{day} 注销的 {tonnes}用于截至 {claim_end} 的声明期间：注销时间晚于期间结束超过 {months} 个月。</translation>
    </message>
    <message>
        <source>{tonnes} retired on {day} names no beneficiary, so the claim cannot be attributed to anyone.</source>
        <translation>{day} 注销的 {tonnes}未指明受益方，因此该声明无法归属于任何人。</translation>
    </message>
    <message numerus="yes">
        <source>Tranche of {tonnes} due {due} is late: {shortfall} of it still undelivered ({delivered} of accepted deliveries allocated to it, %Ln day(s) late).</source>
        <translation>
            <numerusform>{due} 到期的交付批次（{tonnes}）已逾期：仍有 {shortfall}未交付（已分配给该批次的已接受交付为 {delivered}，逾期 %Ln 天）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{tonnes} delivered of vintage {vintage} fills a tranche that calls for vintage {wanted}.</source>
        <translation>交付的 {tonnes}年份为 {vintage}，但所填充的交付批次要求年份 {wanted}。</translation>
    </message>
    <message>
        <source>Tranche due {due} is priced {price} {currency}/t, {pct} % off the contract price of {base} {currency}/t (tolerance {tolerance} %). {tonnes} delivered against it is valued at {value} instead of {base_value}.</source>
        <translation>{due} 到期的交付批次定价为 {price} {currency}/吨，与合同价格 {base} {currency}/吨相差 {pct}%（容差 {tolerance}%）。已对其交付的 {tonnes}价值为 {value}，而非 {base_value}。</translation>
    </message>
    <message>
        <source>Tranche due {due} is priced {price} {currency}/t, {pct} % off the contract price of {base} {currency}/t (tolerance {tolerance} %). Nothing has been delivered against it yet.</source>
        <translation>{due} 到期的交付批次定价为 {price} {currency}/吨，与合同价格 {base} {currency}/吨相差 {pct}%（容差 {tolerance}%）。尚无针对该批次的交付。</translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} overlaps block {other} already delivered under contract {other_contract}: serials {low}–{high} (%Ln serial(s)) are counted twice.</source>
        <translation>
            <numerusform>序列号段 {block} 与合同 {other_contract} 下已交付的序列号段 {other} 重叠：序列号 {low}–{high}（%Ln 个序列号）被重复计算。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retired serial block {block} overlaps block {other} already retired on {other_on}: serials {low}–{high} (%Ln serial(s)) are claimed twice.</source>
        <translation>
            <numerusform>已注销的序列号段 {block} 与 {other_on} 已注销的序列号段 {other} 重叠：序列号 {low}–{high}（%Ln 个序列号）被重复声明。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 t, so {held}) but the delivery records {tonnes}.</source>
        <translation>
            <numerusform>序列号段 {block} 含 %Ln 个序列号（1 个序列号 = 1 吨，即 {held}），但该交付记录为 {tonnes}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 kg, so {held}) but the delivery records {tonnes}.</source>
        <translation>
            <numerusform>序列号段 {block} 含 %Ln 个序列号（1 个序列号 = 1 千克，即 {held}），但该交付记录为 {tonnes}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 t, so {held}) but the retirement records {tonnes}.</source>
        <translation>
            <numerusform>序列号段 {block} 含 %Ln 个序列号（1 个序列号 = 1 吨，即 {held}），但该注销记录为 {tonnes}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 kg, so {held}) but the retirement records {tonnes}.</source>
        <translation>
            <numerusform>序列号段 {block} 含 %Ln 个序列号（1 个序列号 = 1 千克，即 {held}），但该注销记录为 {tonnes}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery of {tonnes} on {day} repeats the identical serial block {block} recorded on {first_on} under contract {first_contract}.</source>
        <translation>{day} 交付的 {tonnes}与 {first_on} 在合同 {first_contract} 下记录的交付使用了完全相同的序列号段 {block}。</translation>
    </message>
    <message>
        <source>Delivery of {tonnes} on {day} repeats the same registry reference &apos;{reference}&apos; recorded on {first_on} under contract {first_contract}.</source>
        <translation>{day} 交付的 {tonnes}与 {first_on} 在合同 {first_contract} 下记录的交付使用了相同的登记处编号“{reference}”。</translation>
    </message>
    <message numerus="yes">
        <source>{retired} retired in %n retirement(s) from a delivery of only {tonnes}: {excess} retired that were never delivered.</source>
        <translation>
            <numerusform>从仅 {tonnes}的交付中分 %n 次注销了 {retired}：其中 {excess}从未交付却被注销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Retired serial block {block} ({tonnes}) lies outside the delivery it is drawn from, {delivery_block}.</source>
        <translation>已注销的序列号段 {block}（{tonnes}）超出其所属交付 {delivery_block} 的范围。</translation>
    </message>
    <message>
        <source>cancelled in the registry on {day}, but the ledger holds it as delivered ({block})</source>
        <translation>已于 {day} 在登记处被取消，但账本中仍记为已交付（{block}）</translation>
    </message>
    <message>
        <source>the registry lists {tonnes} (delivery) on {day}; the ledger has no such block</source>
        <translation>登记处列出 {day} 的 {tonnes}（交付）；账本中没有该序列号段</translation>
    </message>
    <message>
        <source>the registry lists {tonnes} (retirement) on {day}; the ledger has no such block</source>
        <translation>登记处列出 {day} 的 {tonnes}（注销）；账本中没有该序列号段</translation>
    </message>
    <message>
        <source>the registry lists {tonnes} (cancellation) on {day}; the ledger has no such block</source>
        <translation>登记处列出 {day} 的 {tonnes}（取消）；账本中没有该序列号段</translation>
    </message>
    <message>
        <source>retired in the registry on {day}, but not retired in the ledger (delivery {block})</source>
        <translation>已于 {day} 在登记处注销，但账本中未注销（交付 {block}）</translation>
    </message>
    <message>
        <source>active in the registry, but the ledger retired {block} on {day}</source>
        <translation>在登记处仍为有效状态，但账本已于 {day} 注销 {block}</translation>
    </message>
    <message>
        <source>quantity differs: registry {registry}, ledger {ledger}</source>
        <translation>数量不一致：登记处 {registry}，账本 {ledger}</translation>
    </message>
    <message>
        <source>quantity differs: the registry block ({registry}) only overlaps the ledger&apos;s {block} ({ledger})</source>
        <translation>数量不一致：登记处的序列号段（{registry}）仅与账本中的 {block}（{ledger}）部分重叠</translation>
    </message>
    <message>
        <source>beneficiary differs: registry &apos;{registry}&apos;, ledger &apos;{ledger}&apos;</source>
        <translation>受益方不一致：登记处“{registry}”，账本“{ledger}”</translation>
    </message>
    <message>
        <source>the registry lists {tonnes} retired on {day} for {beneficiary}; the ledger has no retirement with this reference</source>
        <translation>登记处列出 {day} 为 {beneficiary} 注销的 {tonnes}；账本中没有此编号的注销</translation>
    </message>
    <message>
        <source>the registry lists {tonnes} retired on {day} for no named beneficiary; the ledger has no retirement with this reference</source>
        <translation>登记处列出 {day} 注销的 {tonnes}，未指明受益方；账本中没有此编号的注销</translation>
    </message>
    <message>
        <source>the ledger records {tonnes} delivery on {day}, but the registry file ({first} to {last}) does not list it</source>
        <translation>账本记录了 {day} 的 {tonnes}交付，但登记处文件（{first} 至 {last}）未列出</translation>
    </message>
    <message>
        <source>the ledger records {tonnes} retirement on {day}, but the registry file ({first} to {last}) does not list it</source>
        <translation>账本记录了 {day} 的 {tonnes}注销，但登记处文件（{first} 至 {last}）未列出</translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message>
        <source>Show acknowledged</source>
        <translation>显示已确认</translation>
    </message>
    <message>
        <source>Unticked: hides the flags already acknowledged</source>
        <translation>不勾选：隐藏已确认的标记</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Filter flags</source>
        <translation>筛选标记</translation>
    </message>
    <message>
        <source>Filter the audit flags</source>
        <translation>筛选审计标记</translation>
    </message>
    <message>
        <source>Shows the flags that contain this text in any column or rule code</source>
        <translation>显示任意列或规则代码中包含此文本的标记</translation>
    </message>
    <message>
        <source>Audit flags</source>
        <translation>审计标记</translation>
    </message>
    <message>
        <source>Grouped by severity; click a header to sort within each group.</source>
        <translation>按严重程度分组；点击表头可在组内排序。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>{severity} — {open} open of {total}</source>
        <translation>{severity} — 未处理 {open} / 共 {total}</translation>
    </message>
    <message>
        <source>No flags as of this date.</source>
        <translation>截至该日期没有审计标记。</translation>
    </message>
    <message>
        <source>Open flags as of {date}: {counts}</source>
        <translation>截至 {date} 未处理的标记：{counts}</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Select a flag to see it in full; double-click to go to the record.</source>
        <translation>选择一个标记查看详情；双击可跳转到相关记录。</translation>
    </message>
    <message>
        <source>{rule} ({severity}) — {contract}, {subject}
{message}</source>
        <translation>{rule}（{severity}）— {contract}，{subject}
{message}</translation>
    </message>
    <message>
        <source>Acknowledged by {who} on {when}: {why}</source>
        <translation>{who} 于 {when} 确认：{why}</translation>
    </message>
    <message>
        <source>Reopened: the numbers changed since {who} acknowledged it on {when} ({why})</source>
        <translation>已重新打开：自 {who} 于 {when} 确认以来数字已变化（{why}）</translation>
    </message>
    <message>
        <source>Flag not acknowledged</source>
        <translation>标记未确认</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Reference</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation>信用类型</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记处</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
    <message>
        <source>Price per tonne</source>
        <translation>每吨价格</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>期限开始</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>期限结束</translation>
    </message>
    <message>
        <source>Durability (years)</source>
        <translation>封存持久性（年）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registry project ids</source>
        <translation>登记处项目编号</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>核证状态</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>核证机构</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>核证日期</translation>
    </message>
    <message>
        <source>Fills the tranche due</source>
        <translation>对应到期的交付批次</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>注销日期</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>受益方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Claim period start</source>
        <translation>声明期间开始</translation>
    </message>
    <message>
        <source>Claim period end</source>
        <translation>声明期间结束</translation>
    </message>
    <message>
        <source>Registry reference</source>
        <translation>登记处编号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>核证结论</translation>
    </message>
    <message>
        <source>Verified tonnes</source>
        <translation>已核证吨数</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Invalidated on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Numbers behind the flag</source>
        <translation>标记所依据的数字</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Acknowledged on</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>Flag as named before the upgrade</source>
        <translation>升级前的标记名称</translation>
    </message>
    <message>
        <source>Global id</source>
        <translation>全局编号</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Recorded before the log</source>
        <translation>日志启用前已有</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>contract no longer in the ledger</source>
        <translation>合同已不在账本中</translation>
    </message>
    <message>
        <source>delivery no longer in the ledger</source>
        <translation>交付已不在账本中</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>Contract {ref}</source>
        <translation>合同 {ref}</translation>
    </message>
    <message>
        <source>Tranche due {date}, {tonnes}</source>
        <translation>{date} 到期的交付批次，{tonnes}</translation>
    </message>
    <message>
        <source>Delivery of {date}, {tonnes}</source>
        <translation>{date} 的交付，{tonnes}</translation>
    </message>
    <message>
        <source>Retirement of {date}, {tonnes}</source>
        <translation>{date} 的注销，{tonnes}</translation>
    </message>
    <message>
        <source>Invalidation of {date}, {tonnes}</source>
        <translation>{date} 的作废，{tonnes}</translation>
    </message>
    <message>
        <source>Verification of {date}</source>
        <translation>{date} 的核证</translation>
    </message>
    <message>
        <source>Acknowledgement: {rule}</source>
        <translation>标记确认：{rule}</translation>
    </message>
    <message>
        <source>Setting {name}</source>
        <translation>设置 {name}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Verify change log</source>
        <translation>校验变更日志</translation>
    </message>
    <message>
        <source>Filter entries</source>
        <translation>筛选条目</translation>
    </message>
    <message>
        <source>Filter the change history</source>
        <translation>筛选变更历史</translation>
    </message>
    <message>
        <source>Shows the change log entries that contain this text in any column</source>
        <translation>显示任意列中包含此文本的变更日志条目</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>Newest entries first; click a header to sort by that column.</source>
        <translation>最新条目在前；点击表头可按该列排序。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>History: {record}</source>
        <translation>历史：{record}</translation>
    </message>
    <message>
        <source>(deleted contract)</source>
        <translation>（已删除的合同）</translation>
    </message>
    <message>
        <source>History of contract {ref}</source>
        <translation>合同 {ref} 的历史</translation>
    </message>
    <message>
        <source>History of the whole ledger (newest first)</source>
        <translation>整个账本的历史（最新在前）</translation>
    </message>
    <message>
        <source>Verifying the change log…</source>
        <translation>正在校验变更日志…</translation>
    </message>
    <message>
        <source>Change log intact: {n} entries, the tables match the log.</source>
        <translation>变更日志完整：共 {n} 条，数据表与日志一致。</translation>
    </message>
    <message>
        <source>Tampering detected:
{details}</source>
        <translation>检测到篡改：
{details}</translation>
    </message>
    <message>
        <source>Cancelled: the change log was not checked.</source>
        <translation>已取消：未校验变更日志。</translation>
    </message>
</context>
<context>
    <name>InvalidationActions</name>
    <message>
        <source>Record &amp;invalidation…</source>
        <translation>记录作废(&amp;I)…</translation>
    </message>
    <message>
        <source>Delete the invalidation of {tonnes} t on {date}?</source>
        <translation>删除 {date} 作废 {tonnes} 吨的记录？</translation>
    </message>
</context>
<context>
    <name>InvalidationDialog</name>
    <message>
        <source>{reference} (serials pending)</source>
        <translation>{reference}（序列号待定）</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Invalidated on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Tonnes (t)</source>
        <translation>吨数（吨）</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>The invalidated serials, when the registry names them</source>
        <translation>被作废的序列号（登记处注明时填写）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Registry reference</source>
        <translation>登记处编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit invalidation</source>
        <translation>编辑作废</translation>
    </message>
    <message>
        <source>Record invalidation</source>
        <translation>记录作废</translation>
    </message>
</context>
<context>
    <name>InvalidationsModel</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Invalidated on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>by quantity</source>
        <translation>按数量</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Registry reference</source>
        <translation>登记处编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Add tranche…</source>
        <translation>新增交付批次…</translation>
    </message>
    <message>
        <source>Add delivery…</source>
        <translation>新增交付…</translation>
    </message>
    <message>
        <source>Retire credits…</source>
        <translation>注销碳信用…</translation>
    </message>
    <message>
        <source>Record invalidation…</source>
        <translation>记录作废…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>交付计划</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Retirements</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Invalidations</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>审计标记</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Audit flags will be listed here.</source>
        <translation>审计标记将在此列出。</translation>
    </message>
    <message>
        <source>The change history will be listed here.</source>
        <translation>变更历史将在此列出。</translation>
    </message>
    <message>
        <source>Reloaded: the ledger was changed by another program.</source>
        <translation>已重新加载：账本已被其他程序修改。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New ledger…</source>
        <translation>新建账本(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open ledger…</source>
        <translation>打开账本(&amp;O)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>将图表导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Check &amp;database…</source>
        <translation>检查数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find contract</source>
        <translation>查找合同(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>报告(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Figures &amp;as of…</source>
        <translation>数据截至日期(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（内存中）</translation>
    </message>
    <message>
        <source>{file} (read-only)</source>
        <translation>{file}（只读）</translation>
    </message>
    <message>
        <source>{file} — Carbon Tracker</source>
        <translation>{file} — 碳信用追踪器</translation>
    </message>
    <message>
        <source>Ledger: {path}</source>
        <translation>账本：{path}</translation>
    </message>
    <message>
        <source>Figures as of {date}</source>
        <translation>数据截至 {date}</translation>
    </message>
    <message>
        <source>Another program is writing to the ledger; waiting for it to finish…</source>
        <translation>其他程序正在写入账本；正在等待其完成…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>Contracted</source>
        <translation>合同吨数</translation>
    </message>
    <message>
        <source>Scheduled to date</source>
        <translation>截至目前计划</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核证</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Available to retire</source>
        <translation>可注销</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>未交付</translation>
    </message>
    <message>
        <source>Delivered of contracted</source>
        <translation>交付完成率</translation>
    </message>
    <message>
        <source>Value delivered</source>
        <translation>已交付价值</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>Deliveries whose verification failed count as neither delivered nor available; under an offtake agreement they are owed again.</source>
        <translation>核证未通过的交付既不计入已交付，也不计入可注销；根据承购协议，供应商须重新交付。</translation>
    </message>
    <message>
        <source>Accepted deliveries only. Credits the registry cancelled or drew into a buffer after a reversal no longer count from that date.</source>
        <translation>仅计已接受的交付。被登记处取消或因逆转划入缓冲池的碳信用自该日起不再计入。</translation>
    </message>
    <message>
        <source>The delivery chart appears here.</source>
        <translation>交付图表显示在此处。</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Open audit flags: {counts}</source>
        <translation>未处理的审计标记：{counts}</translation>
    </message>
    <message>
        <source>({n} acknowledged)</source>
        <translation>（{n} 个已确认）</translation>
    </message>
    <message>
        <source>Show flags</source>
        <translation>查看标记</translation>
    </message>
    <message>
        <source>{ref} — {supplier}, as of {date}</source>
        <translation>{ref} — {supplier}，截至 {date}</translation>
    </message>
    <message>
        <source>All contracts ({count}), as of {date}</source>
        <translation>全部合同（{count} 份），截至 {date}</translation>
    </message>
    <message>
        <source>{verified} verified
{pending} pending verification</source>
        <translation>已核证 {verified}
待核证 {pending}</translation>
    </message>
    <message>
        <source>{tonnes} invalidated</source>
        <translation>已作废 {tonnes}</translation>
    </message>
    <message>
        <source>failed verification</source>
        <translation>核证未通过</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>{tonnes} t</source>
        <translation>{tonnes} 吨</translation>
    </message>
</context>
<context>
    <name>PortfolioPanel</name>
    <message>
        <source>Search contracts</source>
        <translation>搜索合同</translation>
    </message>
    <message>
        <source>Shows the contracts that contain this text, e.g. a reference or supplier</source>
        <translation>显示包含此文本的合同，例如合同编号或供应商</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any method</source>
        <translation>任意方法</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Filter by method</source>
        <translation>按方法筛选</translation>
    </message>
    <message>
        <source>Filter by supplier</source>
        <translation>按供应商筛选</translation>
    </message>
    <message>
        <source>Shows only the contracts in this status</source>
        <translation>只显示处于此状态的合同</translation>
    </message>
    <message>
        <source>Shows only the contracts of this method</source>
        <translation>只显示采用此方法的合同</translation>
    </message>
    <message>
        <source>Shows only this supplier&apos;s contracts</source>
        <translation>只显示此供应商的合同</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同列表</translation>
    </message>
    <message>
        <source>Choose a contract to show it in every tab; the first row is all of them</source>
        <translation>选择一份合同，在各个标签页中显示；第一行为全部合同</translation>
    </message>
    <message>
        <source>Any supplier</source>
        <translation>任意供应商</translation>
    </message>
</context>
<context>
    <name>PortfolioReport</name>
    <message>
        <source>Carbon-credit offtake portfolio</source>
        <translation>碳信用承购合同组合</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Contracted t</source>
        <translation>合同吨数</translation>
    </message>
    <message>
        <source>Due to date t</source>
        <translation>截至目前应交付（吨）</translation>
    </message>
    <message>
        <source>Delivered t</source>
        <translation>已交付（吨）</translation>
    </message>
    <message>
        <source>Retired t</source>
        <translation>已注销（吨）</translation>
    </message>
    <message>
        <source>Available t</source>
        <translation>可注销（吨）</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Value delivered</source>
        <translation>已交付价值</translation>
    </message>
    <message>
        <source>TOTAL {currency}</source>
        <translation>合计 {currency}</translation>
    </message>
    <message>
        <source>No contracts yet.</source>
        <translation>尚无合同。</translation>
    </message>
    <message>
        <source>No open flags.</source>
        <translation>没有未处理的标记。</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>(chart not included)</source>
        <translation>（未包含图表）</translation>
    </message>
    <message>
        <source>As of {as_of} · tonnes of CO2e · generated {generated}</source>
        <translation>截至 {as_of} · 单位：吨二氧化碳当量 · 生成于 {generated}</translation>
    </message>
    <message>
        <source>Portfolio summary</source>
        <translation>组合汇总</translation>
    </message>
    <message>
        <source>Delivered vs contracted</source>
        <translation>已交付与合同对比</translation>
    </message>
    <message>
        <source>Open flags ({count})</source>
        <translation>未处理的标记（{count}）</translation>
    </message>
    <message>
        <source>Change log head {head} (check later with carbon-tracker verify-log --expect-head)</source>
        <translation>变更日志末端 {head}（日后可用 carbon-tracker verify-log --expect-head 核对）</translation>
    </message>
</context>
<context>
    <name>PreferencesMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The language changes the next time Carbon Tracker starts.</source>
        <translation>语言将在下次启动碳信用追踪器时更改。</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Reconcile with a registry export</source>
        <translation>与登记处导出文件对账</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>登记处：</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Nothing is written: the comparison only reads.</source>
        <translation>不会写入任何内容：比较只读取数据。</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Where the registry file and the ledger disagree.</source>
        <translation>登记处文件与账本不一致之处。</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Comparing {file}…</source>
        <translation>正在比较 {file}…</translation>
    </message>
    <message>
        <source>Cancelled: the comparison was not finished.</source>
        <translation>已取消：比较未完成。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message numerus="yes">
        <source>{layout}: {rows} compared, %n difference(s).</source>
        <translation>
            <numerusform>{layout}：已比较 {rows}，%n 处差异。</numerusform>
        </translation>
    </message>
    <message>
        <source>{layout}: {rows} compared; the ledger matches the registry.</source>
        <translation>{layout}：已比较 {rows}；账本与登记处一致。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out as not yours: {rows}</source>
        <translation>不属于您而略过：{rows}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) belong to other buyers: {names}</source>
        <translation>
            <numerusform>%Ln 行属于其他买方：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) name a project no contract carries: {names}</source>
        <translation>
            <numerusform>%Ln 行的项目不属于任何合同：{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>&amp;New contract…</source>
        <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit contract…</source>
        <translation>编辑合同(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete contract…</source>
        <translation>删除合同(&amp;D)…</translation>
    </message>
    <message>
        <source>Add &amp;tranche…</source>
        <translation>新增交付批次(&amp;T)…</translation>
    </message>
    <message>
        <source>Add de&amp;livery…</source>
        <translation>新增交付(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Retire credits…</source>
        <translation>注销碳信用(&amp;R)…</translation>
    </message>
    <message>
        <source>Delete contract {ref}?

This also deletes what depends on it: {what}.
You can undo this with Edit → Undo.</source>
        <translation>删除合同 {ref}？

依附于它的记录也将一并删除：{what}。
可通过“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <source>Deleting contract {ref}…</source>
        <translation>正在删除合同 {ref}…</translation>
    </message>
    <message>
        <source>Delete the tranche due {date}?</source>
        <translation>删除 {date} 到期的交付批次？</translation>
    </message>
    <message>
        <source>{ref} of {date} (serials pending)</source>
        <translation>{date} 的 {ref}（序列号待定）</translation>
    </message>
    <message>
        <source>Delete the delivery {block}?</source>
        <translation>删除交付 {block}？</translation>
    </message>
    <message numerus="yes">
        <source>%n retirement(s) drawn from it will be deleted too.</source>
        <translation>
            <numerusform>从中注销的 %n 笔注销记录也将一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the retirement of {block} on {date}?</source>
        <translation>删除 {date} 对 {block} 的注销？</translation>
    </message>
    <message>
        <source>{tonnes} t</source>
        <translation>{tonnes} 吨</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>You can undo this with Edit → Undo.</source>
        <translation>可通过“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <source>Confirm delete</source>
        <translation>确认删除</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>{field} {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <translation>“{label}”</translation>
    </message>
</context>
<context>
    <name>RecordTablePanel</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Shows the rows that contain this text in any column</source>
        <translation>显示任意列中包含此文本的行</translation>
    </message>
    <message>
        <source>Click a header to sort by it; Enter or double-click edits the row</source>
        <translation>点击表头按该列排序；按 Enter 或双击可编辑该行</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>Records: could not be counted</source>
        <translation>记录数：无法统计</translation>
    </message>
    <message>
        <source>Records: {n}</source>
        <translation>记录数：{n}</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <source>Import a registry export</source>
        <translation>导入登记处导出文件</translation>
    </message>
    <message>
        <source>Each row&apos;s contract, by registry project id and your names</source>
        <translation>按登记处项目编号和您的名称确定每行所属合同</translation>
    </message>
    <message>
        <source>Record retired blocks no delivery holds as delivered and retired</source>
        <translation>将无对应交付的已注销序列号段记录为已交付并已注销</translation>
    </message>
    <message>
        <source>1. File:</source>
        <translation>1. 文件：</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>登记处：</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <source>2. Preview</source>
        <translation>2. 预览</translation>
    </message>
    <message>
        <source>Choose a file and preview it: nothing is written yet.</source>
        <translation>选择文件并预览：此时不会写入任何内容。</translation>
    </message>
    <message>
        <source>3. Import all rows</source>
        <translation>3. 导入全部行</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>(tick “{option}” above)</source>
        <translation>（勾选上方的“{option}”）</translation>
    </message>
    <message>
        <source>(under “{field}” above)</source>
        <translation>（在上方的“{field}”中）</translation>
    </message>
    <message>
        <source>(chosen under “{field}” above)</source>
        <translation>（在上方的“{field}”中所选）</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>to add</source>
        <translation>待添加</translation>
    </message>
    <message>
        <source>(no contract)</source>
        <translation>（无合同）</translation>
    </message>
    <message numerus="yes">
        <source>{verb} to {contract}: %Ln row(s), {tonnes} t</source>
        <translation>
            <numerusform>{contract} {verb}：%Ln 行，{tonnes} 吨</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticked: a block retired at the registry that no delivery holds is recorded</source>
        <translation>勾选：登记处中已注销、但无对应交付的序列号段也会被记录</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>Each row of the file and what the import will do with it.</source>
        <translation>文件中的每一行及导入时的处理方式。</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) belong to other buyers: {names}</source>
        <translation>
            <numerusform>%Ln 行属于其他买方：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) name a project no contract carries: {names}</source>
        <translation>
            <numerusform>%Ln 行的项目不属于任何合同：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) belong to another contract than the one chosen: {names}</source>
        <translation>
            <numerusform>%Ln 行属于所选合同以外的合同：{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Read as: {notes}.</source>
        <translation>读取方式：{notes}。</translation>
    </message>
    <message>
        <source>Note: {warning}.</source>
        <translation>注意：{warning}。</translation>
    </message>
    <message>
        <source>already present</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已略过</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>retirement</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>project issuance (no serials)</source>
        <translation>项目签发（无序列号）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>Tonnes (t)</source>
        <translation>吨数（吨）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>other buyer&apos;s</source>
        <translation>其他买方</translation>
    </message>
    <message>
        <source>no contract</source>
        <translation>无合同</translation>
    </message>
    <message>
        <source>other contract</source>
        <translation>其他合同</translation>
    </message>
    <message>
        <source>{layout}, read as {encoding}: {add} row(s) {verb}, {present} already present, {skip} skipped, {errors} with errors ({tonnes} t read).</source>
        <translation>{layout}，编码 {encoding}：{verb} {add} 行，已存在 {present} 行，略过 {skip} 行，错误 {errors} 行（共读取 {tonnes} 吨）。</translation>
    </message>
    <message>
        <source>Fix the errors and preview again: nothing can be imported.</source>
        <translation>请修正错误后重新预览：当前无法导入。</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>尚未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ReportDialogs</name>
    <message>
        <source>Choose a registry export</source>
        <translation>选择登记处导出文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Recognise from the header</source>
        <translation>根据表头识别</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记处</translation>
    </message>
    <message>
        <source>The registry the file comes from, or recognised from its header</source>
        <translation>文件来自的登记处，或根据文件表头识别</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>One contract to work on; the first choice covers them all</source>
        <translation>要处理的合同；第一项表示全部合同</translation>
    </message>
    <message>
        <source>Save printable report</source>
        <translation>保存可打印报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing {file}…</source>
        <translation>正在准备 {file}…</translation>
    </message>
    <message>
        <source>Cancelled: the printable report was not saved.</source>
        <translation>已取消：未保存可打印报告。</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>the file cannot be read at all ({reason})</source>
        <translation>文件完全无法读取（{reason}）</translation>
    </message>
    <message>
        <source>the file is damaged (SQLite integrity check: {problems})</source>
        <translation>文件已损坏（SQLite 完整性检查：{problems}）</translation>
    </message>
    <message>
        <source>the file passes SQLite&apos;s integrity check</source>
        <translation>文件通过了 SQLite 完整性检查</translation>
    </message>
    <message>
        <source>part of the ledger cannot be read ({reason})</source>
        <translation>账本有部分内容无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{count} record(s) point to records that do not exist (first: {table} row {row} → {parent})</source>
        <translation>{count} 条记录指向不存在的记录（第一条：{table} 表第 {row} 行 → {parent}）</translation>
    </message>
    <message>
        <source>every record&apos;s links (contract, delivery) lead to a record</source>
        <translation>每条记录的关联（合同、交付）都指向存在的记录</translation>
    </message>
    <message>
        <source>the change log is intact and matches the tables ({entries} entries, head {head})</source>
        <translation>变更日志完整，与数据表一致（共 {entries} 条，日志头 {head}）</translation>
    </message>
    <message>
        <source>the change log does not match the ledger: {problem}</source>
        <translation>变更日志与账本不符：{problem}</translation>
    </message>
    <message>
        <source>{count} deliveries whose verification status is not their latest verification record&apos;s (ids {ids})</source>
        <translation>{count} 笔交付的核证状态与其最新的核证记录不一致（编号 {ids}）</translation>
    </message>
    <message>
        <source>{count} retirements recorded under another contract than their delivery (ids {ids})</source>
        <translation>{count} 笔注销记在了与其交付不同的合同下（编号 {ids}）</translation>
    </message>
    <message>
        <source>{count} contracts whose kept totals differed from their records (ids {ids}): {done}</source>
        <translation>{count} 份合同保存的合计与其记录不符（编号 {ids}）：{done}</translation>
    </message>
    <message>
        <source>{count} deliveries whose kept retired or invalidated tonnes differed from their records (ids {ids}): {done}</source>
        <translation>{count} 笔交付保存的已注销或已作废吨数与其记录不符（编号 {ids}）：{done}</translation>
    </message>
    <message>
        <source>{count} contracts whose kept tranche allocation differed from their deliveries (ids {ids}): {done}</source>
        <translation>{count} 份合同保存的交付批次分配与其交付记录不符（编号 {ids}）：{done}</translation>
    </message>
    <message>
        <source>{count} deliveries sharing serials or a registry reference with another delivery were missing from the kept list the audit rules read (ids {ids}): {done}</source>
        <translation>{count} 笔与其他交付共用序列号或登记处编号的交付未列入审计规则读取的保存清单（编号 {ids}）：{done}</translation>
    </message>
    <message>
        <source>{count} retirements sharing serials with another retirement were missing from the kept list the audit rules read (ids {ids}): {done}</source>
        <translation>{count} 笔与其他注销共用序列号的注销未列入审计规则读取的保存清单（编号 {ids}）：{done}</translation>
    </message>
    <message>
        <source>{count} deliveries holding a NUL character in a text were missing from the kept list the export reads (ids {ids}): {done}</source>
        <translation>{count} 笔文本中含 NUL 字符的交付未列入导出读取的保存清单（编号 {ids}）：{done}</translation>
    </message>
    <message>
        <source>recomputed from the records now</source>
        <translation>现已根据记录重新计算</translation>
    </message>
    <message>
        <source>open the ledger for writing and run check-db again to recompute them</source>
        <translation>请以可写方式打开账本并再次运行 check-db，以重新计算</translation>
    </message>
    <message>
        <source>open the ledger for writing and check it again to recompute them</source>
        <translation>请以可写方式打开账本并再次检查，以重新计算</translation>
    </message>
    <message>
        <source>derived data (verification status, retirement links, kept totals, allocations and lists) agrees</source>
        <translation>派生数据（核证状态、注销关联、保存的合计、分配与清单）一致</translation>
    </message>
    <message>
        <source>The ledger is healthy: nothing to do.</source>
        <translation>账本状况良好，无需任何操作。</translation>
    </message>
    <message>
        <source>{count} problem(s) found. {advice}</source>
        <translation>发现 {count} 个问题。{advice}</translation>
    </message>
    <message>
        <source>Restore the newest good backup: `carbon-tracker restore` lists them, `carbon-tracker restore newest` puts the newest in place (the current file is kept aside).</source>
        <translation>请恢复最新的完好备份：`carbon-tracker restore` 列出所有备份，`carbon-tracker restore newest` 将最新的备份放回原位（当前文件会另行保留）。</translation>
    </message>
    <message>
        <source>Restore the newest good backup: File → Restore from backup… puts it in place (the current file is kept aside).</source>
        <translation>请恢复最新的完好备份：用“文件 → 从备份恢复…”将其放回原位（当前文件会另行保留）。</translation>
    </message>
    <message>
        <source>damaged: {problem}</source>
        <translation>已损坏：{problem}</translation>
    </message>
    <message>
        <source>the ledger file fails its integrity check: {problems}</source>
        <translation>账本文件未通过完整性检查：{problems}</translation>
    </message>
    <message>
        <source>the ledger file cannot be read to check it ({reason})</source>
        <translation>无法读取账本文件以进行检查（{reason}）</translation>
    </message>
    <message>
        <source>the change log or a table cannot be read ({reason})</source>
        <translation>变更日志或某个数据表无法读取（{reason}）</translation>
    </message>
    <message>
        <source>run `carbon-tracker check-db`, then restore the newest good backup (`carbon-tracker restore`)</source>
        <translation>请运行 `carbon-tracker check-db`，然后恢复最新的完好备份（`carbon-tracker restore`）</translation>
    </message>
    <message>
        <source>run Tools → Check database…, then restore the newest good backup (File → Restore from backup…)</source>
        <translation>请使用“工具 → 检查数据库…”，然后恢复最新的完好备份（“文件 → 从备份恢复…”）</translation>
    </message>
    <message>
        <source>anchor: {problem}</source>
        <translation>日志头核对：{problem}</translation>
    </message>
    <message>
        <source>the log has {total} entries but held at least {count} when the head was recorded: the newest entries were removed (restore the newest good backup)</source>
        <translation>日志现有 {total} 条，但记录日志头时至少已有 {count} 条：最新的条目已被删除（请恢复最新的完好备份）</translation>
    </message>
    <message>
        <source>entry {count} now has hash {found}, not {recorded} as recorded: the log was rewritten (re-hashed) since (restore the newest good backup)</source>
        <translation>第 {count} 条的哈希现为 {found}，而非记录时的 {recorded}：日志此后被改写过（重新计算了哈希）（请恢复最新的完好备份）</translation>
    </message>
    <message>
        <source>chain broken at entry {seq}: {problem}</source>
        <translation>哈希链在第 {seq} 条处断开：{problem}</translation>
    </message>
    <message>
        <source>entry {seq} is missing (deleted from the log)</source>
        <translation>第 {seq} 条缺失（已从日志中删除）</translation>
    </message>
    <message>
        <source>entries {first}–{last} are missing (deleted from the log)</source>
        <translation>第 {first}–{last} 条缺失（已从日志中删除）</translation>
    </message>
    <message>
        <source>it does not link to the entry before it (that entry was deleted or altered)</source>
        <translation>该条未与前一条相连（前一条已被删除或改动）</translation>
    </message>
    <message>
        <source>its contents do not match its hash (the entry was edited outside the app)</source>
        <translation>该条内容与其哈希不符（该条在本应用之外被编辑过）</translation>
    </message>
    <message>
        <source>mismatch: {record}: {problem}</source>
        <translation>不一致：{record}：{problem}</translation>
    </message>
    <message>
        <source>… and {count} more mismatches</source>
        <translation>…另有 {count} 处不一致</translation>
    </message>
    <message>
        <source>{table} record {id}</source>
        <translation>{table} 表记录 {id}</translation>
    </message>
    <message>
        <source>contracts record {id}</source>
        <translation>合同记录 {id}</translation>
    </message>
    <message>
        <source>tranches record {id}</source>
        <translation>交付批次记录 {id}</translation>
    </message>
    <message>
        <source>deliveries record {id}</source>
        <translation>交付记录 {id}</translation>
    </message>
    <message>
        <source>retirements record {id}</source>
        <translation>注销记录 {id}</translation>
    </message>
    <message>
        <source>verifications record {id}</source>
        <translation>核证记录 {id}</translation>
    </message>
    <message>
        <source>invalidations record {id}</source>
        <translation>作废记录 {id}</translation>
    </message>
    <message>
        <source>settings record {id}</source>
        <translation>设置记录 {id}</translation>
    </message>
    <message>
        <source>flag_acknowledgements record {id}</source>
        <translation>标记确认记录 {id}</translation>
    </message>
    <message>
        <source>is in the table but not in the change log</source>
        <translation>在数据表中，但不在变更日志中</translation>
    </message>
    <message>
        <source>is in the change log but missing from the table</source>
        <translation>在变更日志中，但数据表中没有</translation>
    </message>
    <message>
        <source>differs from the change log, whose entry for it is damaged (not valid JSON)</source>
        <translation>与变更日志不符，且日志中对应的条目已损坏（不是有效的 JSON）</translation>
    </message>
    <message>
        <source>differs from the change log, whose entry for it is damaged</source>
        <translation>与变更日志不符，且日志中对应的条目已损坏</translation>
    </message>
    <message>
        <source>differs from the change log: {differences}</source>
        <translation>与变更日志不符：{differences}</translation>
    </message>
    <message>
        <source>{field} is {value}, the log says {logged}</source>
        <translation>{field}：现为 {value}，日志记载为 {logged}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>change log intact: {entries} entries, the tables match the log (head hash {hash})</source>
        <translation>变更日志完整：共 {entries} 条，数据表与日志一致（日志头哈希 {hash}）</translation>
    </message>
    <message>
        <source>head: {head} (keep it elsewhere; `verify-log --expect-head {head}` proves later that no entry was removed or rewritten)</source>
        <translation>日志头：{head}（请另处保存；日后可用 `verify-log --expect-head {head}` 证明没有条目被删除或改写）</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>注销日期</translation>
    </message>
    <message>
        <source>Tonnes (t)</source>
        <translation>吨数（吨）</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>Must lie inside one of the contract&apos;s deliveries</source>
        <translation>必须位于本合同某次交付的序列号段内</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>受益方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Claim period from</source>
        <translation>声明期间自</translation>
    </message>
    <message>
        <source>Claim period to</source>
        <translation>声明期间至</translation>
    </message>
    <message>
        <source>Registry reference</source>
        <translation>登记处编号</translation>
    </message>
    <message>
        <source>Edit retirement</source>
        <translation>编辑注销</translation>
    </message>
    <message>
        <source>Retire credits</source>
        <translation>注销碳信用</translation>
    </message>
    <message>
        <source>Oldest vintage first</source>
        <translation>最早年份优先</translation>
    </message>
    <message>
        <source>A serial block</source>
        <translation>指定序列号段</translation>
    </message>
    <message>
        <source>Draws the tonnes from the deliveries with the oldest vintage first</source>
        <translation>优先从年份最早的交付中扣减吨数</translation>
    </message>
    <message>
        <source>Draws the tonnes from the serial block you enter</source>
        <translation>从您输入的序列号段中扣减吨数</translation>
    </message>
    <message>
        <source>Draw credits from:</source>
        <translation>碳信用来源：</translation>
    </message>
    <message>
        <source>Verified credits only</source>
        <translation>仅限已核证碳信用</translation>
    </message>
    <message>
        <source>Draw only credits verified by the retirement date (recommended).</source>
        <translation>仅使用注销日前已核证的碳信用（推荐）。</translation>
    </message>
    <message>
        <source>Choose a contract.</source>
        <translation>请选择合同。</translation>
    </message>
    <message>
        <source>Available to retire on {date}: {verified} t verified, {pending} t pending verification</source>
        <translation>{date} 可注销：已核证 {verified} 吨，待核证 {pending} 吨</translation>
    </message>
    <message>
        <source>Enter the tonnes to see which blocks are drawn.</source>
        <translation>输入吨数以查看将使用哪些序列号段。</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核证</translation>
    </message>
    <message>
        <source>held</source>
        <translation>持有</translation>
    </message>
    <message>
        <source>Not enough whole credits: {tonnes} t {kind} on {date}.</source>
        <translation>完整碳信用不足：{date} {kind} {tonnes} 吨。</translation>
    </message>
    <message>
        <source>{tonnes} t from {block}</source>
        <translation>{tonnes} 吨，来自 {block}</translation>
    </message>
    <message>
        <source>a delivery whose serials are pending</source>
        <translation>一笔序列号待定的交付</translation>
    </message>
    <message>
        <source>(not yet verified)</source>
        <translation>（尚未核证）</translation>
    </message>
    <message>
        <source>{tonnes} t of this draw is not yet verified: the audit will flag it as retired before verification (critical).</source>
        <translation>本次注销中有 {tonnes} 吨尚未核证：审计将标记为“核证前注销”（严重）。</translation>
    </message>
    <message>
        <source>Will draw:</source>
        <translation>将使用：</translation>
    </message>
    <message>
        <source>Remaining available after this: {tonnes} t</source>
        <translation>此后剩余可注销：{tonnes} 吨</translation>
    </message>
</context>
<context>
    <name>RetirementsModel</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>注销日期</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
    <message>
        <source>Serial block</source>
        <translation>序列号段</translation>
    </message>
    <message>
        <source>serials pending</source>
        <translation>序列号待定</translation>
    </message>
    <message>
        <source>Claim from</source>
        <translation>声明期间自</translation>
    </message>
    <message>
        <source>Claim to</source>
        <translation>声明期间至</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>受益方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Registry reference</source>
        <translation>登记处编号</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Serials overlap</source>
        <translation>序列号重叠</translation>
    </message>
    <message>
        <source>More retired than delivered</source>
        <translation>注销量超过交付量</translation>
    </message>
    <message>
        <source>Retired before verification</source>
        <translation>核证前注销</translation>
    </message>
    <message>
        <source>Retired from a rejected delivery</source>
        <translation>从已拒收的交付中注销</translation>
    </message>
    <message>
        <source>Retired credits were invalidated</source>
        <translation>已注销的碳信用被作废</translation>
    </message>
    <message>
        <source>Cumulative shortfall</source>
        <translation>累计缺口</translation>
    </message>
    <message>
        <source>Serial count differs from tonnes</source>
        <translation>序列号数量与吨数不符</translation>
    </message>
    <message>
        <source>Retired before delivery</source>
        <translation>交付前注销</translation>
    </message>
    <message>
        <source>Verified before delivery</source>
        <translation>交付前核证</translation>
    </message>
    <message>
        <source>Delivery recorded twice</source>
        <translation>交付重复记录</translation>
    </message>
    <message>
        <source>Tranches exceed the contract</source>
        <translation>交付批次超过合同吨数</translation>
    </message>
    <message>
        <source>Serials missing</source>
        <translation>序列号缺失</translation>
    </message>
    <message>
        <source>Tranche overdue</source>
        <translation>交付批次逾期</translation>
    </message>
    <message>
        <source>Vintage differs from the tranche</source>
        <translation>年份与交付批次不符</translation>
    </message>
    <message>
        <source>Vintage too old for the claim</source>
        <translation>年份相对声明过旧</translation>
    </message>
    <message>
        <source>Retired late for the claim</source>
        <translation>声明注销过晚</translation>
    </message>
    <message>
        <source>Price differs from the contract</source>
        <translation>价格偏离合同</translation>
    </message>
    <message>
        <source>Unverified for too long</source>
        <translation>长期未核证</translation>
    </message>
    <message>
        <source>Delivered outside the term</source>
        <translation>在合同期限外交付</translation>
    </message>
    <message>
        <source>Beneficiary missing</source>
        <translation>缺少受益方</translation>
    </message>
    <message>
        <source>More delivered than contracted</source>
        <translation>交付量超过合同吨数</translation>
    </message>
    <message>
        <source>Differs from the registry</source>
        <translation>与登记处不一致</translation>
    </message>
    <message>
        <source>Missing in the ledger</source>
        <translation>账本中缺失</translation>
    </message>
    <message>
        <source>Missing in the registry</source>
        <translation>登记处中缺失</translation>
    </message>
</context>
<context>
    <name>SaveReportDialog</name>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Portfolio summary (one row per contract, TOTAL per currency)</source>
        <translation>组合汇总（每份合同一行，按币种合计）</translation>
    </message>
    <message>
        <source>Delivery schedule (due, delivered, shortfall, late days)</source>
        <translation>交付计划（应交付、已交付、缺口、逾期天数）</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交付明细</translation>
    </message>
    <message>
        <source>Retirements (claim period, beneficiary)</source>
        <translation>注销（声明期间、受益方）</translation>
    </message>
    <message>
        <source>Invalidations (credits the registry took back)</source>
        <translation>作废（登记处收回的碳信用）</translation>
    </message>
    <message>
        <source>Claims (tonnes retired per claim year, purpose and method)</source>
        <translation>声明（按声明年度、用途和方法统计的注销吨数）</translation>
    </message>
    <message>
        <source>Audit flags (as of the as-of date, with their review status)</source>
        <translation>审计标记（截至所选日期，含确认状态）</translation>
    </message>
    <message>
        <source>Change log (entries logged within the period)</source>
        <translation>变更日志（期间内记录的条目）</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Which report to save, and what it lists</source>
        <translation>要保存的报告及其所列内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>期间自</translation>
    </message>
    <message>
        <source>Tick to keep only records from this date on; unticked: no start limit</source>
        <translation>勾选后只保留此日期及以后的记录；不勾选：不限开始日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>期间至</translation>
    </message>
    <message>
        <source>Tick to keep only records up to this date; unticked: no end limit</source>
        <translation>勾选后只保留截至此日期的记录；不勾选：不限结束日期</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <source>The contract the report covers, or all contracts</source>
        <translation>报告涵盖的合同，或全部合同</translation>
    </message>
    <message>
        <source>Start with a byte-order mark (for Excel)</source>
        <translation>写入字节顺序标记（供 Excel 使用）</translation>
    </message>
    <message>
        <source>Tick when the file is to be opened in Excel, so it reads the text right</source>
        <translation>文件要用 Excel 打开时请勾选，以便正确显示文字</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <source>Records are selected by their own date; the summary is as of the period end.</source>
        <translation>记录按其自身日期筛选；汇总为截至期间结束日的数据。</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}): choose a From date on or before the to date.</source>
        <translation>期间结束日（{end}）早于开始日（{start}）：请选择不晚于结束日的开始日期。</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>正在保存 {file}…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>已取消：未保存任何内容。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to {file}.</source>
        <translation>
            <numerusform>已将 %n 行保存到 {file}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tranche</source>
        <translation>交付批次</translation>
    </message>
    <message>
        <source>No tranches: the even schedule over the term is shown</source>
        <translation>无交付批次：显示按期限均分的交付计划</translation>
    </message>
    <message>
        <source>Even schedule</source>
        <translation>均分交付计划</translation>
    </message>
</context>
<context>
    <name>TrancheDialog</name>
    <message>
        <source>Edit tranche</source>
        <translation>编辑交付批次</translation>
    </message>
    <message>
        <source>New tranche</source>
        <translation>新建交付批次</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Tonnes (t)</source>
        <translation>吨数（吨）</translation>
    </message>
    <message>
        <source>Vintage</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>YYYY</translation>
    </message>
    <message>
        <source>Price per tonne</source>
        <translation>每吨价格</translation>
    </message>
    <message>
        <source>In the contract&apos;s currency. Empty: the contract price</source>
        <translation>以合同币种计价。留空：使用合同价格</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undoing {step}…</source>
        <translation>正在撤销{step}…</translation>
    </message>
    <message>
        <source>Redoing {step}…</source>
        <translation>正在重做{step}…</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{tonnes} t</source>
        <translation>{tonnes} 吨</translation>
    </message>
    <message>
        <source>{price} {currency}/t</source>
        <translation>{price} {currency}/吨</translation>
    </message>
    <message>
        <source>{day} {time} UTC</source>
        <translation>{day} {time} UTC</translation>
    </message>
</context>
<context>
    <name>VerificationsDialog</name>
    <message>
        <source>Verification records</source>
        <translation>核证记录</translation>
    </message>
    <message>
        <source>Delivery {block}: {tonnes} t delivered on {date}</source>
        <translation>交付 {block}：{date} 交付 {tonnes} 吨</translation>
    </message>
    <message>
        <source>Choose a record to change it in the fields below</source>
        <translation>选择一条记录，即可在下方字段中修改</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>核证机构</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Verified (t)</source>
        <translation>已核证（吨）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>tonnes, e.g. 1000 or 999.5</source>
        <translation>吨数，例如 1000 或 999.5</translation>
    </message>
    <message>
        <source>report URL or document path</source>
        <translation>报告网址或文件路径</translation>
    </message>
    <message>
        <source>The VVB or registry that carried out the verification</source>
        <translation>执行核证的 VVB 或登记处</translation>
    </message>
    <message>
        <source>Whether the verification passed, failed or is pending</source>
        <translation>核证结果：通过、未通过或待核证</translation>
    </message>
    <message>
        <source>A link to the verification report, or its file path</source>
        <translation>核证报告的链接，或其文件路径</translation>
    </message>
    <message>
        <source>Free text for your own notes</source>
        <translation>供您自己记录的自由文本</translation>
    </message>
    <message>
        <source>Verifier (VVB or registry)</source>
        <translation>核证机构（VVB 或登记处）</translation>
    </message>
    <message>
        <source>Verified quantity (t)</source>
        <translation>核证数量（吨）</translation>
    </message>
    <message>
        <source>Add record</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Save changes to selected</source>
        <translation>保存对所选记录的修改</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>{reference} (serials to come)</source>
        <translation>{reference}（序列号待定）</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核证</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待核证</translation>
    </message>
    <message>
        <source>Current status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <source>Delete the verification record of {date} by {verifier}?</source>
        <translation>删除 {verifier} 于 {date} 的核证记录？</translation>
    </message>
    <message>
        <source>(no one)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Confirm delete</source>
        <translation>确认删除</translation>
    </message>
    <message>
        <source>{field} {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Direct air capture (DAC)</source>
        <translation>直接空气捕获（DAC）</translation>
    </message>
    <message>
        <source>BECCS</source>
        <translation>生物能源碳捕获与封存（BECCS）</translation>
    </message>
    <message>
        <source>Biochar</source>
        <translation>生物炭</translation>
    </message>
    <message>
        <source>Enhanced weathering</source>
        <translation>增强风化</translation>
    </message>
    <message>
        <source>Mineralisation</source>
        <translation>矿化</translation>
    </message>
    <message>
        <source>Ocean alkalinity enhancement</source>
        <translation>海洋碱度增强</translation>
    </message>
    <message>
        <source>Biomass burial</source>
        <translation>生物质封存</translation>
    </message>
    <message>
        <source>Soil carbon</source>
        <translation>土壤碳</translation>
    </message>
    <message>
        <source>Reforestation / ARR</source>
        <translation>造林再造林（ARR）</translation>
    </message>
    <message>
        <source>Avoided deforestation (REDD+)</source>
        <translation>避免毁林（REDD+）</translation>
    </message>
    <message>
        <source>Cookstoves</source>
        <translation>清洁炉灶</translation>
    </message>
    <message>
        <source>Methane capture</source>
        <translation>甲烷捕集</translation>
    </message>
    <message>
        <source>Industrial gas destruction</source>
        <translation>工业气体销毁</translation>
    </message>
    <message>
        <source>Renewable energy</source>
        <translation>可再生能源</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Verra (VCS)</source>
        <translation>Verra（VCS）</translation>
    </message>
    <message>
        <source>Gold Standard</source>
        <translation>黄金标准（Gold Standard）</translation>
    </message>
    <message>
        <source>American Carbon Registry</source>
        <translation>美国碳登记处（ACR）</translation>
    </message>
    <message>
        <source>Climate Action Reserve</source>
        <translation>气候行动储备（CAR）</translation>
    </message>
    <message>
        <source>ART TREES</source>
        <translation>ART TREES</translation>
    </message>
    <message>
        <source>Isometric</source>
        <translation>Isometric</translation>
    </message>
    <message>
        <source>Puro.earth</source>
        <translation>Puro.earth</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>逆转</translation>
    </message>
    <message>
        <source>Registry cancellation</source>
        <translation>登记处取消</translation>
    </message>
    <message>
        <source>Buffer contribution</source>
        <translation>缓冲池扣除</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Removal</source>
        <translation>碳移除</translation>
    </message>
    <message>
        <source>Avoidance</source>
        <translation>减排（避免）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待核证</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核证</translation>
    </message>
    <message>
        <source>Failed (rejected)</source>
        <translation>未通过（已拒收）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>部分交付</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Delivered late</source>
        <translation>逾期交付</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Corporate target</source>
        <translation>企业目标</translation>
    </message>
    <message>
        <source>Public claim</source>
        <translation>公开声明</translation>
    </message>
    <message>
        <source>Insetting</source>
        <translation>价值链内减排（Insetting）</translation>
    </message>
    <message>
        <source>Regulatory</source>
        <translation>合规</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>&lt;p&gt;Carbon Tracker keeps your carbon-credit offtake contracts in one ledger file: what was contracted, the delivery schedule, what was delivered and verified, and what you retired against which claim.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Add your contracts&lt;/b&gt; with Records → New contract…, or import a tracker CSV file or a registry export with Reports → Import registry file….&lt;/li&gt;&lt;li&gt;&lt;b&gt;Record deliveries&lt;/b&gt; as the registry transfers credits (serial blocks may follow later), and their verification.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Retire credits&lt;/b&gt; against a claim period (Records → Retire credits…).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review the Flags tab&lt;/b&gt;: the audit rules point at shortfalls, late tranches and retirements before verification.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;View → Figures as of… shows every figure as of another date. Every change can be undone with Edit → Undo. To look around first, load the demo portfolio into a new ledger (File → New ledger…).&lt;/p&gt;</source>
        <translation>&lt;p&gt;碳信用追踪器将您的碳信用承购合同保存在一个账本文件中：合同约定、交付计划、已交付和已核证的数量，以及针对各项声明注销的碳信用。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;添加合同&lt;/b&gt;：使用“记录 → 新建合同…”，或通过“报告 → 导入登记处文件…”导入本工具的 CSV 文件或登记处导出文件。&lt;/li&gt;&lt;li&gt;&lt;b&gt;记录交付&lt;/b&gt;：在登记处转让碳信用时记录交付（序列号段可稍后补录）及其核证。&lt;/li&gt;&lt;li&gt;&lt;b&gt;注销碳信用&lt;/b&gt;：针对声明期间注销（记录 → 注销碳信用…）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;查看审计标记页&lt;/b&gt;：审计规则会指出缺口、逾期的交付批次以及核证前的注销。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;“视图 → 数据截至日期…”可查看任意日期的全部数据。每项变更都可通过“编辑 → 撤销”恢复。如需先行浏览，可将演示合同组合加载到新账本中（文件 → 新建账本…）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Carbon Tracker</source>
        <translation>欢迎使用碳信用追踪器</translation>
    </message>
    <message>
        <source>This ledger holds no contract yet. Load the demo portfolio to look around, import a file you already have, or enter your first contract.</source>
        <translation>此账本中还没有合同。可以加载演示合同组合先行浏览，导入已有的文件，或录入第一份合同。</translation>
    </message>
    <message>
        <source>Load the &amp;demo portfolio</source>
        <translation>加载演示合同组合(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import a file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New contract…</source>
        <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
        <source>Five illustrative contracts: the prices and deliveries are made up.</source>
        <translation>五份示例合同：价格和交付均为虚构。</translation>
    </message>
    <message>
        <source>A tracker CSV file or a registry export (Verra, Gold Standard, …)</source>
        <translation>本工具的 CSV 文件或登记处导出文件（Verra、黄金标准等）</translation>
    </message>
</context>
<context>
    <name>WindowAudit</name>
    <message>
        <source>&amp;Audit settings…</source>
        <translation>审计设置(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Verification records…</source>
        <translation>核证记录(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;History of this record</source>
        <translation>此记录的历史(&amp;H)</translation>
    </message>
    <message>
        <source>Checking flags…</source>
        <translation>正在检查审计标记…</translation>
    </message>
</context>
<context>
    <name>WindowReports</name>
    <message>
        <source>&amp;Save report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import registry file…</source>
        <translation>导入登记处文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Reconcile with registry file…</source>
        <translation>与登记处文件对账(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Print report as PDF…</source>
        <translation>打印报告为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Saved the printable report to {file}.</source>
        <translation>已将可打印报告保存到 {file}。</translation>
    </message>
    <message>
        <source>Save printable report</source>
        <translation>保存可打印报告</translation>
    </message>
</context>
</TS>
