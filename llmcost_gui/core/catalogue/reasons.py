"""Why a value is refused or a result has none: one template per reason key, English and Chinese.

A template's places are the reason's arguments (core/reasons.py says how each is shown: ``{col}``
as a label, ``{domain}`` in words, numbers formatted).  A place that is not an argument names a
column, assumption or result and shows its label: ``{procurement}`` -> "Procurement" / "采购方式".
Both templates of a key have the same places (tests/core/test_reasons.py checks it).
"""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    # status of a result
    "not_used": ("not part of this scenario", "不属于此场景"),
    "result_not_used": ("{col} is not part of this scenario", "{col}不属于此场景"),
    # inputs as the evaluation reads them (core/evaluate.py)
    "blank_needed": ("{col} is blank; {stage} needs it", "{col}为空；{stage}需要它"),
    "outside_domain": ("{col} must be {domain}", "{col}必须是{domain}"),
    "not_found": ("{col} “{name}” is not in {table}", "{table}中找不到{col}“{name}”"),
    "row_lacks": ("{table} “{name}” has no {col}", "{table}“{name}”没有填写{col}"),
    "not_finite": ("{col} is not a finite number (a division by zero?)", "{col}不是有限数（除以零？）"),
    "no_allowed_value": ("{col} has no allowed value", "{col}没有允许的取值"),
    # a cell the schema refuses (core/cells.py, core/rules.py); the place is said beside it
    "blank_name": ("must not be blank", "不能为空"),
    "domain": ("must be {domain}, got {got}", "必须是{domain}，实际为 {got}"),
    "choice": ("must be {domain}, got “{got}”", "必须是{domain}，实际为“{got}”"),
    "not_quantity": ("{why}; expected {domain}", "{why}；应为{domain}"),
    "long_number": ("expected {domain}, got {n} characters of text", "应为{domain}，实际为 {n} 个字符的文本"),
    "long_text": ("text of {n} characters is longer than Excel's limit of {limit}",
                  "文本长 {n} 个字符，超过 Excel 的上限 {limit}"),
    "no_ref": ("{table} has no row named “{got}”", "{table}中没有名为“{got}”的行"),
    "name_used": ("the name “{got}” is already used in row {other}", "名称“{got}”已在第 {other} 行使用"),
    "value_misfit": ("its value {value} does not fit: {why}", "其取值 {value} 不符合要求：{why}"),
    "no_column": ("there is no such column", "没有这一列"),
    "no_row": ("there is no such row", "没有这一行"),
    # typed quantities (core/units.py)
    "not_number": ("“{value}” is not a number", "“{value}”不是数字"),
    "not_fraction": ("“{value}” is not a fraction", "“{value}”不是比例"),
    "unknown_unit": ("“{value}”: unknown unit “{word}”", "“{value}”：无法识别的单位“{word}”"),
    # a sheet being imported (io/records.py, io/xlsx_read.py)
    "sheet_missing": ("sheet is missing", "缺少该工作表"),
    "column_missing": ("required column is missing from the header row", "标题行缺少必需的列"),
    "column_twice": ("column appears twice (also column {other})", "该列出现两次（另见第 {other} 列）"),
    "header_missing": ("the header row is missing", "缺少标题行"),
    "too_many_rows": ("more than {limit} rows", "超过 {limit} 行"),
    "at_sheet": ("sheet {sheet}", "工作表 {sheet}"),
    "file_refused": ("{file}: {why}", "{file}：{why}"),
    "file_not_found": ("file not found", "找不到文件"),
    "not_xlsx": ("not an .xlsx workbook (not a zip file)", "不是 .xlsx 工作簿（不是 zip 文件）"),
    "unreadable_workbook": ("cannot read the workbook: {detail}", "无法读取工作簿：{detail}"),
    "damaged_archive": ("damaged .xlsx archive: {detail}", ".xlsx 压缩包已损坏：{detail}"),
    "unpacks_too_big": ("refused: it would unpack to {mb} MB (more than {limit} MB)",
                        "已拒绝：解压后将达 {mb} MB（超过 {limit} MB）"),
    "zip_bomb": ("refused: part {part} is compressed {ratio} to 1 (a zip bomb?)",
                 "已拒绝：部件 {part} 的压缩比为 {ratio} 比 1（压缩炸弹？）"),
    "xml_entities": ("refused: part {part} declares XML entities (a document type definition), which "
                     "a workbook never needs", "已拒绝：部件 {part} 声明了 XML 实体（文档类型定义），工作簿从不需要它"),
    # a Hugging Face config.json (io/hf_config.py)
    "hf_no_file": ("{file}: no such file or folder", "{file}：没有这个文件或文件夹"),
    "hf_no_config": ("{file}: no config.json in this folder (nor in a Hugging Face cache snapshot)",
                     "{file}：此文件夹中没有 config.json（Hugging Face 缓存快照中也没有）"),
    "hf_not_json": ("{file}: not a readable JSON file ({detail})", "{file}：不是可读取的 JSON 文件（{detail}）"),
    "hf_not_object": ("{file}: expected a JSON object of model settings", "{file}：应为模型设置的 JSON 对象"),
    "hf_not_positive": ("“{name}” must be a positive number, got {got}", "“{name}”必须是正数，实际为 {got}"),
    "hf_missing": ("the config has no “{name}”", "配置中没有“{name}”"),
    "hf_unsupported": ("model_type {name} is not supported; this importer counts {names}",
                       "不支持 model_type {name}；此导入器支持 {names}"),
    "hf_in_file": ("{file}: {why}", "{file}：{why}"),
    "at_row": (", row {n}", "，第 {n} 行"),
    "at_column": (", column {name}", "，列 {name}"),
    # formulas: fail("key", …) and blank("key") in core/formulas*.py
    "no_rental_offer": ("choose a rental offer in {col} or set {procurement} to buy",
                        "请在{col}中选择租用报价，或把{procurement}设为购买"),
    "offer_other_card": ("{col} is an offer for another card than {col_hardware}",
                         "{col}是另一种卡的报价，与{col_hardware}不符"),
    "prefill_card_too_small": (
        "a prefill replica of {cards} cards of {col} holds {have} GB but needs {need} GB for the "
        "weights and a prompt's KV cache; choose a card with more memory or more cards per replica "
        "({serve_tp})",
        "由 {cards} 张{col}组成的预填充副本可用 {have} GB，但权重和一个提示的 KV 缓存需要 {need} GB；"
        "请选择显存更大的卡，或增加每副本的卡数（{serve_tp}）"),
    "cards_or_deadline": ("give {train_gpus} or {train_deadline_days}",
                          "请填写{train_gpus}或{train_deadline_days}"),
    "never_fits": (
        "no number of cards holds this run: a card can use {usable} GB but needs {activations} GB "
        "of activations plus what its sharding keeps whole; choose {col_sharding} zero3 or blank, "
        "{col_checkpointing} full, a shorter context or micro-batch, or a card with more memory",
        "多少张卡都放不下这次训练：每张卡可用 {usable} GB，但激活值就需要 {activations} GB，"
        "另加分片后仍需完整保存的部分；请把{col_sharding}设为 zero3 或留空、把{col_checkpointing}"
        "设为 full，缩短上下文或微批，或换显存更大的卡",
    ),
    "never_fits_ft": (
        "no number of cards holds this run: a card can use {usable} GB but needs {activations} GB "
        "of activations plus what its sharding keeps whole; choose {col_sharding} zero3 or blank, "
        "{col_checkpointing} full, a shorter context or micro-batch, LoRA/QLoRA, or a card with "
        "more memory",
        "多少张卡都放不下这次微调：每张卡可用 {usable} GB，但激活值就需要 {activations} GB，"
        "另加分片后仍需完整保存的部分；请把{col_sharding}设为 zero3 或留空、把{col_checkpointing}"
        "设为 full，缩短上下文或微批，改用 LoRA/QLoRA，或换显存更大的卡",
    ),
    "cards_too_few": (
        "{cards} training cards cannot hold this run: it needs at least {need} of these {card_gb} GB "
        "cards with its sharding; use more cards, a card with more memory, ZeRO sharding or "
        "{train_checkpointing} full",
        "{cards} 张训练卡放不下这次训练：按当前分片至少需要 {need} 张这种 {card_gb} GB 的卡；"
        "请增加卡数、换显存更大的卡、使用 ZeRO 分片或把{train_checkpointing}设为 full",
    ),
    # training at scale (core/formulas_training.py)
    "global_batch_too_small": (
        "a global batch of {batch} tokens does not split over {replicas} data-parallel replicas of "
        "{tokens} tokens each; raise {col} or use fewer cards",
        "{batch} 个 Token 的全局批分不到 {replicas} 个数据并行副本上（每个副本一次 {tokens} 个 Token）；"
        "请增大{col}或减少卡数",
    ),
    "layout_too_big": (
        "no parallel layout of these cards holds the run in {usable} GB per card; set {col_tp}, "
        "{col_pp} or {col_sharding}, or use more cards",
        "这些卡的任何并行布局都无法在每卡 {usable} GB 内放下这次训练；请设置{col_tp}、{col_pp}或"
        "{col_sharding}，或增加卡数",
    ),
    # finding the plan (core/plan.py)
    "plan_misses_target": ("misses {col} by {by}", "未达到{col}，差 {by}"),
    "plan_closest": ("no plan meets the targets; the closest is {plan}: {value} against {col} of "
                     "{target} ({over} over)",
                     "没有方案满足目标；最接近的是 {plan}：{value}，而{col}为 {target}（超出 {over}）"),
    "plan_none_valid": ("no plan has a value: {why}", "没有方案能算出结果：{why}"),
    "unknown_plan_stage": ("there is no stage “{name}” to plan; the stages are {names}",
                           "没有可规划的阶段“{name}”；可选阶段为 {names}"),
    "plan_stage_not_used": ("{stage} is not part of this scenario", "{stage}不属于此场景"),
    "no_card_to_plan": ("no card to try: add a rental offer to {table} (when buying: a purchase "
                        "price to a card)",
                        "没有可尝试的卡：请在{table}中添加租用报价（购买时：为卡填写购买价格）"),
    "replica_too_small": (
        "the weights and one request's KV cache do not fit on the replica: raise {serve_tp} (or "
        "leave it blank), choose a card with more memory or a lower precision",
        "权重和一个请求的 KV 缓存放不进一个副本：请增大{serve_tp}（或留空），换显存更大的卡或更低的精度",
    ),
    "batch_misses_tpot": (
        "no batch meets {tpot_target_s}: use more cards per replica ({serve_tp}), a faster card, "
        "a lower precision or a smaller model",
        "没有批大小能满足{tpot_target_s}：请增加每副本卡数（{serve_tp}）、换更快的卡、更低的精度或更小的模型",
    ),
    "prefill_misses_ttft": (
        "prefill alone takes longer than {ttft_target_s}: use more cards per replica ({serve_tp}), "
        "a faster card, a shorter prompt or a smaller model",
        "仅预填充就超过{ttft_target_s}：请增加每副本卡数（{serve_tp}）、换更快的卡、缩短提示或换更小的模型",
    ),
    "rented_card_without_price": (
        "the card has no purchase price: the rented fleet is costed, buying it is not",
        "该卡没有购买价格：只计算租用费用，不计算购买费用",
    ),
    "self_host_never_cheaper": (
        "self-hosting never costs less: one replica costs more per day than the API charges for "
        "the users it serves at peak",
        "自建始终不更便宜：一个副本每天的成本高于 API 为它在峰值时服务的用户收取的费用",
    ),
    # analyses and charts (core/analysis.py, api_compare.py, uncertainty.py, variants.py)
    "serves_no_users": ("the scenario serves no users: give {daily_users} to compare with an API",
                        "此场景没有用户：填写{daily_users}即可与 API 对比"),
    "no_api_offer": ("choose an API offer ({api_offer}) to compare self-hosting with an API",
                     "请选择一个 API 报价（{api_offer}）以对比自建与 API"),
    "result_failed": ("{col}: {why}", "{col}：{why}"),
    "result_failed_when": ("{col} when {what}: {why}", "{what}时{col}：{why}"),
    "when_renting": ("renting", "租用"),
    "when_buying": ("buying", "购买"),
    "not_in_scenario": ("{col} is not part of scenario “{name}”", "{col}不属于场景“{name}”"),
    "no_value_scenario": ("{col} of scenario “{name}” has no value: {why}",
                          "场景“{name}”的{col}没有数值：{why}"),
    "no_value_in_samples": ("{col} has no value in any sample: {why}", "所有样本中{col}都没有数值：{why}"),
    "nothing_to_pay": ("the scenario has no training, fine-tuning or serving to pay for",
                       "此场景没有需要付费的训练、微调或推理"),
    "samples_range": ("samples must be between 10 and 2,000,000 (got {n})",
                      "样本数必须在 10 到 2,000,000 之间（实际为 {n}）"),
    "swing_range": ("the swing must be between 0 and 1 (got {n})", "变动幅度必须在 0 到 1 之间（实际为 {n}）"),
    "months_range": ("months must be between 1 and 1200 (got {n})", "月数必须在 1 到 1200 之间（实际为 {n}）"),
    "range_order": ("the range must go from a lower to a higher number (got {lo} to {hi})",
                    "范围必须从较小的数到较大的数（实际为 {lo} 到 {hi}）"),
    "sweep_points": ("a sweep needs at least 2 points", "扫描至少需要 2 个点"),
    "log_sweep": ("a logarithmic sweep needs a range above zero", "对数扫描的范围必须大于零"),
    "unknown_input": ("unknown input “{name}” (a numeric scenario column, an assumption key or "
                      "<reference>.<column> such as serve_hardware.price)",
                      "未知的输入“{name}”（应为数值型场景列、假设项，或 <引用列>.<列>，如 serve_hardware.price）"),
    "no_scenario_row": ("no scenario row {n}", "没有第 {n} 个场景"),
    "no_scenario_named": ("no scenario named “{name}” (scenarios: {names})",
                          "没有名为“{name}”的场景（现有场景：{names}）"),
    "unknown_output": ("unknown output “{name}” (one of: {names})", "未知的结果“{name}”（可选：{names}）"),
}

# Words of a domain ("a number > 0", "大于 0 的数").
DOMAIN_WORDS: dict[str, tuple[str, str]] = {
    "number": ("a number", "数"),
    "whole": ("a whole number", "整数"),
    "text": ("text", "文本"),
    "one_of": ("one of {choices}", "以下之一：{choices}"),
    "ref": ("a name from {table}", "{table}表中的名称"),
    "gt": ("> {x}", "大于 {x}"),
    "ge": ("≥ {x}", "不小于 {x}"),
    "le": ("≤ {x}", "不大于 {x}"),
    "and": (" and ", " 且"),
    "list": (", ", "、"),
}
