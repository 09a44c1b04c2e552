"""Why a value is refused or a result has none, in English and Chinese.

The core words its reasons in English ("serve_hardware is blank; serving needs it");
:func:`llmcost_gui.core.labels.reason` matches each known form below and rewrites it with labels in
the display language.  Names in the patterns: col (a column), table, stage, domain, value, n, name.
"""

from __future__ import annotations

_NAME = r"(?P<col>[a-z][a-z0-9_]*)"
REASONS: tuple[tuple[str, str, str], ...] = (
    (rf"^{_NAME} is blank; (?P<stage>[\w -]+) needs it$",
     "{col} is blank; {stage} needs it", "{col}为空；{stage}需要它"),
    (rf"^(?:assumption )?{_NAME} must be (?P<domain>.+?)(?:, got (?P<value>.*))?$",
     "{col} must be {domain}{got}", "{col}必须是{domain}{got}"),
    (r"^'(?P<value>.*)' is not a number(?:; expected (?P<domain>.+))?$",
     "“{value}” is not a number; expected {domain}", "“{value}”不是数字；应为{domain}"),
    (r"^'(?P<value>.*)': unknown unit '(?P<name>.*?)'(?: \(expected .*?\))?(?:; expected (?P<domain>.+))?$",
     "“{value}”: unknown unit “{name}”; expected {domain}", "“{value}”：无法识别的单位“{name}”；应为{domain}"),
    (r"^expected (?P<domain>.+?), got (?P<value>.*)$",
     "expected {domain}, got {value}", "应为{domain}，实际为 {value}"),
    (r"^no (?P<table>\w+) row named '(?P<name>.*)'$",
     "{table} has no row named “{name}”", "{table}中没有名为“{name}”的行"),
    (r"^the name '(?P<name>.*)' is already used in row (?P<n>\d+)$",
     "the name “{name}” is already used in row {n}", "名称“{name}”已在第 {n} 行使用"),
    (rf"^(?:scenario\.)?{_NAME} '(?P<name>.*)' not found in (?P<table>\w+)$",
     "{col} “{name}” is not in {table}", "{table}中找不到{col}“{name}”"),
    (r"^(?P<table>[A-Z]\w+) '(?P<name>.*)' has no (?P<col>\w+)$",
     "{table} “{name}” has no {col}", "{table}“{name}”没有填写{col}"),
    (rf"^{_NAME} is not a finite number \(a division by zero\?\)$",
     "{col} is not a finite number (a division by zero?)", "{col}不是有限数（除以零？）"),
    (rf"^{_NAME} must not be blank$", "{col} must not be blank", "{col}不能为空"),
    (r"^not part of this scenario$", "not part of this scenario", "不属于此场景"),
    (rf"^choose a rental offer in {_NAME} or set procurement to buy$",
     "choose a rental offer in {col} or set {procurement} to buy",
     "请在{col}中选择租用报价，或把{procurement}设为购买"),
    (rf"^give {_NAME} or (?P<name>[a-z_]+)$",
     "give {col} or {name}", "请填写{col}或{name}"),
    (rf"^{_NAME} is an offer for another card than (?P<name>[a-z_]+)$",
     "{col} is an offer for another card than {name}", "{col}是另一种卡的报价，与{name}不符"),
    (r"^the weights and one request's KV cache do not fit on the replica: .*$",
     "the weights and one request's KV cache do not fit on the replica: raise {serve_tp} (or leave "
     "it blank), choose a card with more memory or a lower precision",
     "权重和一个请求的 KV 缓存放不进一个副本：请增大{serve_tp}（或留空），换显存更大的卡或更低的精度"),
    (r"^no batch meets tpot_target_s: .*$",
     "no batch meets {tpot_target_s}: use more cards per replica ({serve_tp}), a faster card, a "
     "lower precision or a smaller model",
     "没有批大小能满足{tpot_target_s}：请增加每副本卡数（{serve_tp}）、换更快的卡、更低的精度或更小的模型"),
    (r"^prefill alone takes longer than ttft_target_s: .*$",
     "prefill alone takes longer than {ttft_target_s}: use more cards per replica ({serve_tp}), a "
     "faster card, a shorter prompt or a smaller model",
     "仅预填充就超过{ttft_target_s}：请增加每副本卡数（{serve_tp}）、换更快的卡、缩短提示或换更小的模型"),
    (r"^no number of cards holds this run: a card can use (?P<value>\S+) GB but needs (?P<n>\S+) GB .*$",
     "no number of cards holds this run: a card can use {value} GB but needs {n} GB of activations "
     "plus what its sharding keeps whole; choose ZeRO-3 sharding, full checkpointing, a shorter "
     "context or micro-batch, or a card with more memory",
     "多少张卡都放不下这次训练：每张卡可用 {value} GB，但激活值就需要 {n} GB，另加分片后仍需完整保存的部分；"
     "请选择 ZeRO-3 分片、完整重计算（checkpointing）、更短的上下文或微批，或显存更大的卡"),
    (r"^(?P<value>\S+) training cards cannot hold this run: it needs at least (?P<n>\S+) of these "
     r"(?P<name>\S+) GB cards .*$",
     "{value} training cards cannot hold this run: it needs at least {n} of these {name} GB cards "
     "with its sharding; use more cards, a card with more memory, ZeRO sharding or full "
     "checkpointing",
     "{value} 张训练卡放不下这次训练：按当前分片至少需要 {n} 张这种 {name} GB 的卡；"
     "请增加卡数、换显存更大的卡、使用 ZeRO 分片或完整重计算"),
    (r"^self-hosting never costs less: .*$",
     "self-hosting never costs less: one replica costs more per day than the API charges for the "
     "users it serves at peak",
     "自建始终不更便宜：一个副本每天的成本高于 API 为它在峰值时服务的用户收取的费用"),
)
