<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>help</name>
    <message>
      <source>Default rental prices: as of {date} (the newest as_of date in the Prices table; each offer carries its own date).</source>
      <translation>默认租用价格：截至 {date}（租用价格表中最新的 as_of 日期；每条报价各有日期）。</translation>
    </message>
    <message>
      <source>Default rental prices: no as-of date found.</source>
      <translation>默认租用价格：未找到日期。</translation>
    </message>
    <message>
      <source>Default API prices: as of {date} (the newest as_of date in the API offers table).</source>
      <translation>默认 API 价格：截至 {date}（API 报价表中最新的 as_of 日期）。</translation>
    </message>
    <message>
      <source>GPUs, days and money for training, fine-tuning and serving large language models.</source>
      <translation>估算训练、微调和部署大语言模型所需的 GPU、时间和费用。</translation>
    </message>
    <message>
      <source>Version {version}</source>
      <translation>版本 {version}</translation>
    </message>
    <message>
      <source>Hardware and model figures: as of their sources (see the source column of each row).</source>
      <translation>硬件与模型数据：以各自来源为准（见每行的来源列）。</translation>
    </message>
    <message>
      <source>Prices change often: check the provider before relying on one.</source>
      <translation>价格经常变动：使用前请向服务商核实。</translation>
    </message>
    <message>
      <source>Licence: MIT.</source>
      <translation>许可证：MIT。</translation>
    </message>
    <message>
      <source>About LLM Cost Workbench</source>
      <translation>关于 LLM 成本工作台</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>LLM Cost Workbench — User guide</source>
      <translation>LLM 成本工作台 — 用户指南</translation>
    </message>
    <message>
      <source>Back to the user guide</source>
      <translation>返回用户指南</translation>
    </message>
    <message>
      <source>The user guide was not found in this installation. It is docs/user-guide.md in the source code.</source>
      <translation>此安装中未找到用户指南。源代码中的位置是 docs/user-guide.md。</translation>
    </message>
  </context>
  <context>
    <name>ApiCompareChart</name>
    <message>
      <source>self-hosting</source>
      <translation>自建</translation>
    </message>
    <message>
      <source>daily users</source>
      <translation>日活用户</translation>
    </message>
    <message>
      <source>cost per day ({0})</source>
      <translation>每日成本（{0}）</translation>
    </message>
    <message>
      <source>this scenario: {0}</source>
      <translation>本场景：{0}</translation>
    </message>
    <message>
      <source>break-even: {0}</source>
      <translation>盈亏平衡：{0}</translation>
    </message>
    <message>
      <source>Choose an API offer (api_offer) in the scenario to see the break-even.</source>
      <translation>在场景中选择一个 API 报价（api_offer）即可查看盈亏平衡点。</translation>
    </message>
    <message>
      <source>One replica costs {0}/day and serves up to {1} daily users at peak.</source>
      <translation>一个副本每日成本 {0}，高峰时最多服务 {1} 日活用户。</translation>
    </message>
    <message>
      <source>From {0} daily users on, self-hosting costs no more than {1}.</source>
      <translation>日活用户达到 {0} 起，自建成本不高于 {1}。</translation>
    </message>
  </context>
  <context>
    <name>BreakEvenChart</name>
    <message>
      <source> months</source>
      <translation> 个月</translation>
    </message>
    <message>
      <source>Horizon</source>
      <translation>时间范围</translation>
    </message>
    <message>
      <source>rent</source>
      <translation>租用</translation>
    </message>
    <message>
      <source>buy</source>
      <translation>购买</translation>
    </message>
    <message>
      <source>months</source>
      <translation>月</translation>
    </message>
    <message>
      <source>cumulative cost ({0})</source>
      <translation>累计成本（{0}）</translation>
    </message>
    <message>
      <source>Rent {0} up front + {1}/day; buy {2} up front + {3}/day.</source>
      <translation>租用：一次性 {0} + 每日 {1}；购买：一次性 {2} + 每日 {3}。</translation>
    </message>
    <message>
      <source>break-even: month {0}</source>
      <translation>回本：第 {0} 个月</translation>
    </message>
    <message>
      <source>Buying pays off after {0:.1f} months.</source>
      <translation>购买在 {0:.1f} 个月后回本。</translation>
    </message>
    <message>
      <source>Buying pays off after {0:.0f} months, beyond this horizon.</source>
      <translation>购买在 {0:.0f} 个月后回本，超出此时间范围。</translation>
    </message>
    <message>
      <source>Buying never pays off.</source>
      <translation>购买始终不如租用划算。</translation>
    </message>
  </context>
  <context>
    <name>CellDelegate</name>
    <message>
      <source>e.g. %1</source>
      <translation>例如 %1</translation>
    </message>
  </context>
  <context>
    <name>ChartsPanel</name>
    <message>
      <source>Export PNG…</source>
      <translation>导出 PNG…</translation>
    </message>
    <message>
      <source>Export SVG…</source>
      <translation>导出 SVG…</translation>
    </message>
    <message>
      <source>Scenario</source>
      <translation>场景</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Sensitivity</source>
      <translation>敏感性</translation>
    </message>
    <message>
      <source>Tornado</source>
      <translation>龙卷风图</translation>
    </message>
    <message>
      <source>Uncertainty</source>
      <translation>不确定性</translation>
    </message>
    <message>
      <source>Buy vs rent</source>
      <translation>购买与租用</translation>
    </message>
    <message>
      <source>Self-host or API</source>
      <translation>自建还是 API</translation>
    </message>
    <message>
      <source>Throughput vs latency</source>
      <translation>吞吐与时延</translation>
    </message>
    <message>
      <source>Memory</source>
      <translation>显存</translation>
    </message>
    <message>
      <source>Find plan</source>
      <translation>寻找方案</translation>
    </message>
    <message>
      <source>Layout &amp; efficiency</source>
      <translation>并行布局与效率</translation>
    </message>
    <message>
      <source>(row {0})</source>
      <translation>（第 {0} 行）</translation>
    </message>
    <message>
      <source>Add a scenario to see its charts.</source>
      <translation>添加一个场景即可查看其图表。</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
      <source>SVG drawing (*.svg)</source>
      <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
      <source>Export chart</source>
      <translation>导出图表</translation>
    </message>
    <message>
      <source>Exported {0}</source>
      <translation>已导出 {0}</translation>
    </message>
    <message>
      <source>Could not export: {0}</source>
      <translation>无法导出：{0}</translation>
    </message>
  </context>
  <context>
    <name>Editing</name>
    <message>
      <source>Paste</source>
      <translation>粘贴</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清除</translation>
    </message>
  </context>
  <context>
    <name>FileController</name>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的更改</translation>
    </message>
    <message>
      <source>Save the changes to %1 before closing it?</source>
      <translation>关闭前是否保存对 %1 的更改？</translation>
    </message>
    <message>
      <source>Open workbook</source>
      <translation>打开工作簿</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Opening %1…</source>
      <translation>正在打开 %1…</translation>
    </message>
    <message>
      <source>Cannot open %1</source>
      <translation>无法打开 %1</translation>
    </message>
    <message>
      <source>Save workbook</source>
      <translation>保存工作簿</translation>
    </message>
    <message>
      <source>Replace file?</source>
      <translation>替换文件？</translation>
    </message>
    <message>
      <source>%1 already exists. Replace it?</source>
      <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
      <source>Saving %1…</source>
      <translation>正在保存 %1…</translation>
    </message>
    <message>
      <source>Cannot save %1</source>
      <translation>无法保存 %1</translation>
    </message>
    <message>
      <source>Restore unsaved work?</source>
      <translation>恢复未保存的工作？</translation>
    </message>
    <message>
      <source>LLM Cost Workbench did not close normally. Restore the unsaved changes autosaved at %1?</source>
      <translation>LLM 成本工作台上次未正常关闭。是否恢复 %1 自动保存的未保存更改？</translation>
    </message>
    <message>
      <source>Cannot restore the autosaved copy</source>
      <translation>无法恢复自动保存的副本</translation>
    </message>
  </context>
  <context>
    <name>FormulaBar</name>
    <message>
      <source>Formula:</source>
      <translation>公式：</translation>
    </message>
    <message>
      <source>Values:</source>
      <translation>代入数值：</translation>
    </message>
    <message>
      <source>Unit:</source>
      <translation>单位：</translation>
    </message>
    <message>
      <source>Select a result cell to see how it is calculated.</source>
      <translation>选择一个结果单元格以查看其计算方法。</translation>
    </message>
    <message>
      <source>(blank)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>(not part of this scenario)</source>
      <translation>（不属于此场景）</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Recalculated in %1 ms</source>
      <translation>重新计算用时 %1 毫秒</translation>
    </message>
    <message>
      <source>Cannot open %1</source>
      <translation>无法打开 %1</translation>
    </message>
    <message>
      <source>There is no file at %1. A new, untitled workbook is open instead.</source>
      <translation>%1 处没有文件。已改为打开一个新的未命名工作簿。</translation>
    </message>
    <message>
      <source>%1 could not be read as a workbook: %2. A new, untitled workbook is open instead.</source>
      <translation>无法将 %1 读取为工作簿：%2。已改为打开一个新的未命名工作簿。</translation>
    </message>
    <message>
      <source>Apply plan to %1</source>
      <translation>将方案应用到 %1</translation>
    </message>
    <message>
      <source>Plan applied to %1 (Undo restores it)</source>
      <translation>已将方案应用到 %1（撤销可恢复）</translation>
    </message>
    <message>
      <source>Export budget with plans</source>
      <translation>导出含方案比较的预算</translation>
    </message>
    <message>
      <source>Export budget</source>
      <translation>导出预算</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Exporting the budget…</source>
      <translation>正在导出预算…</translation>
    </message>
    <message>
      <source>Budget written to %1</source>
      <translation>预算已写入 %1</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>图表</translation>
    </message>
  </context>
  <context>
    <name>PlanChart</name>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Apply plan</source>
      <translation>应用方案</translation>
    </message>
    <message>
      <source>Write the selected plan into the scenario (one undoable edit)</source>
      <translation>把所选方案写入场景（一步可撤销的编辑）</translation>
    </message>
    <message>
      <source>Layout</source>
      <translation>布局</translation>
    </message>
    <message>
      <source>No plan meets the targets. {0}</source>
      <translation>没有方案满足目标。{0}</translation>
    </message>
    <message>
      <source>{0:,} plans evaluated, {1:,} meet the targets; the cheapest: {2} at {3}.</source>
      <translation>共评估 {0:,} 个方案，其中 {1:,} 个满足目标；最便宜的：{2}，{3}。</translation>
    </message>
    <message>
      <source>A mixed fleet — prefill on {0}, decode on {1} — meets the targets where no single-card plan does.</source>
      <translation>混合集群——预填充用 {0}、解码用 {1}——能满足目标，而单一卡型的方案都不能。</translation>
    </message>
    <message>
      <source>A mixed fleet — prefill on {0}, decode on {1} — beats every single-card plan by {2} %.</source>
      <translation>混合集群——预填充用 {0}、解码用 {1}——比任何单一卡型的方案便宜 {2}%。</translation>
    </message>
    <message>
      <source>The scenario as typed ranks {0} (★).</source>
      <translation>场景当前的方案排第 {0} 位（★）。</translation>
    </message>
    <message>
      <source>Dropped: {0}</source>
      <translation>已排除：{0}</translation>
    </message>
  </context>
  <context>
    <name>PlansExport</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Export budget with plans</source>
      <translation>导出含方案比较的预算</translation>
    </message>
    <message>
      <source>Searching the plans of %1 (%2 of %3)…</source>
      <translation>正在搜索 %1 的方案（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
      <source>Cannot export the budget</source>
      <translation>无法导出预算</translation>
    </message>
    <message>
      <source>The document changed during the plan search; nothing was written. Export again.</source>
      <translation>方案搜索期间文档已更改，未写入任何文件。请重新导出。</translation>
    </message>
  </context>
  <context>
    <name>ResultsModel</name>
    <message>
      <source>Not part of this scenario</source>
      <translation>不属于此场景</translation>
    </message>
  </context>
  <context>
    <name>Rows</name>
    <message>
      <source>Add row</source>
      <translation>添加行</translation>
    </message>
    <message>
      <source>Add scenario</source>
      <translation>添加场景</translation>
    </message>
    <message>
      <source>Duplicate rows</source>
      <translation>复制行</translation>
    </message>
    <message>
      <source>Duplicate scenario</source>
      <translation>复制场景</translation>
    </message>
    <message>
      <source>Delete rows</source>
      <translation>删除行</translation>
    </message>
    <message>
      <source>Delete scenario</source>
      <translation>删除场景</translation>
    </message>
  </context>
  <context>
    <name>ScenarioModel</name>
    <message>
      <source>Default used: %1</source>
      <translation>使用默认值：%1</translation>
    </message>
  </context>
  <context>
    <name>SensitivityChart</name>
    <message>
      <source>Input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>点数</translation>
    </message>
    <message>
      <source>Log x</source>
      <translation>对数 X</translation>
    </message>
    <message>
      <source>Log y</source>
      <translation>对数 Y</translation>
    </message>
    <message>
      <source>All scenarios</source>
      <translation>全部场景</translation>
    </message>
    <message>
      <source>From must be below to.</source>
      <translation>起点必须小于终点。</translation>
    </message>
    <message>
      <source>No scenario has a value of {0} over this range.</source>
      <translation>在此范围内没有场景有 {0} 的数值。</translation>
    </message>
    <message>
      <source>Not drawn: {0} other scenario(s) whose own value lies outside this range.</source>
      <translation>{0} 个场景的当前值不在此范围内，未绘制。</translation>
    </message>
    <message>
      <source>{0} more scenarios are not drawn: at most {1} curves at once.</source>
      <translation>另有 {0} 个场景未绘制：一次最多绘制 {1} 条曲线。</translation>
    </message>
  </context>
  <context>
    <name>TableModel</name>
    <message>
      <source>Default used: %1</source>
      <translation>使用默认值：%1</translation>
    </message>
  </context>
  <context>
    <name>ThroughputChart</name>
    <message>
      <source>output tokens/s per user (1 ÷ time per output token)</source>
      <translation>每用户每秒输出 Token 数（1 ÷ 每输出 Token 时延）</translation>
    </message>
    <message>
      <source>output tokens/s per GPU</source>
      <translation>每卡每秒输出 Token 数</translation>
    </message>
    <message>
      <source>This scenario does not serve: give it daily users to see its throughput against latency.</source>
      <translation>此场景不含推理服务：填写日活用户数即可查看吞吐与时延。</translation>
    </message>
    <message>
      <source>target {0:.0f} tok/s per user</source>
      <translation>目标：每用户每秒 {0:.0f} 个 Token</translation>
    </message>
    <message>
      <source>{0}: no operating point ({1}).</source>
      <translation>{0}：没有工作点（{1}）。</translation>
    </message>
    <message>
      <source>{0}: batch {1:.0f} gives {2:.1f} tokens/s per user and {3:,.0f} tokens/s per GPU.</source>
      <translation>{0}：批大小 {1:.0f} 时每用户每秒 {2:.1f} 个 Token，每卡每秒 {3:,.0f} 个 Token。</translation>
    </message>
    <message>
      <source>Crossed points miss the first-token target ({0:g} s).</source>
      <translation>叉号处达不到首 Token 时延目标（{0:g} 秒）。</translation>
    </message>
    <message>
      <source>The curve ends where the KV cache fills memory (batch {0:.0f}).</source>
      <translation>曲线在 KV 缓存占满显存处结束（批大小 {0:.0f}）。</translation>
    </message>
  </context>
  <context>
    <name>TornadoChart</name>
    <message>
      <source>Swing ±</source>
      <translation>变动幅度 ±</translation>
    </message>
    <message>
      <source>Bars</source>
      <translation>条数</translation>
    </message>
    <message>
      <source>No input moves {0} in this scenario.</source>
      <translation>此场景中没有输入会影响 {0}。</translation>
    </message>
    <message>
      <source>input lowered</source>
      <translation>输入下调</translation>
    </message>
    <message>
      <source>input raised</source>
      <translation>输入上调</translation>
    </message>
    <message>
      <source>{0} = {1}; {2} inputs move it (showing {3}).</source>
      <translation>{0} = {1}；共有 {2} 个输入影响它（显示 {3} 个）。</translation>
    </message>
  </context>
  <context>
    <name>UncertaintyChart</name>
    <message>
      <source>Default ranges</source>
      <translation>默认范围</translation>
    </message>
    <message>
      <source>Samples</source>
      <translation>样本数</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>随机种子</translation>
    </message>
    <message>
      <source>Uncertain input</source>
      <translation>不确定输入</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Relative to own value</source>
      <translation>相对当前值</translation>
    </message>
    <message>
      <source>not a number: the default is used</source>
      <translation>不是数字：使用默认值</translation>
    </message>
    <message>
      <source>Sampling…</source>
      <translation>抽样中…</translation>
    </message>
    <message>
      <source>estimate</source>
      <translation>估计值</translation>
    </message>
    <message>
      <source>samples</source>
      <translation>样本</translation>
    </message>
    <message>
      <source>P10 {0} · P50 {1} · P90 {2} · mean {3} · {4:,} samples</source>
      <translation>P10 {0} · P50 {1} · P90 {2} · 均值 {3} · {4:,} 个样本</translation>
    </message>
    <message>
      <source> ({0:,} without a value left out)</source>
      <translation>（{0:,} 个无值样本未计入）</translation>
    </message>
  </context>
  <context>
    <name>WorkbookModel</name>
    <message>
      <source>Edit %1</source>
      <translation>编辑 %1</translation>
    </message>
  </context>
  <context>
    <name>_Texts</name>
    <message>
      <source>&amp;New</source>
      <translation>新建(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Export budget…</source>
      <translation>导出预算(&amp;E)…</translation>
    </message>
    <message>
      <source>Export budget with &amp;plans…</source>
      <translation>导出含方案比较的预算(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
      <source>C&amp;lear cells</source>
      <translation>清除单元格(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Insert row</source>
      <translation>插入行(&amp;I)</translation>
    </message>
    <message>
      <source>D&amp;uplicate row</source>
      <translation>复制行(&amp;U)</translation>
    </message>
    <message>
      <source>De&amp;lete row</source>
      <translation>删除行(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Add scenario</source>
      <translation>添加场景(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Duplicate scenario</source>
      <translation>复制场景(&amp;D)</translation>
    </message>
    <message>
      <source>D&amp;elete scenario</source>
      <translation>删除场景(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Charts</source>
      <translation>图表(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;User guide</source>
      <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;About LLM Cost Workbench</source>
      <translation>关于 LLM 成本工作台(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Scenario</source>
      <translation>场景(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Clear list</source>
      <translation>清空列表</translation>
    </message>
    <message>
      <source>(no recent files)</source>
      <translation>(没有最近文件)</translation>
    </message>
  </context>
  <context>
    <name>self.window</name>
    <message>
      <source>Exporting the budget…</source>
      <translation>正在导出预算…</translation>
    </message>
    <message>
      <source>Budget written to %1</source>
      <translation>预算已写入 %1</translation>
    </message>
  </context>
</TS>