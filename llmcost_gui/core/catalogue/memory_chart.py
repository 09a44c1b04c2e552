"""Words of the memory breakdown chart (qt/charts/memory.py): (English, Simplified Chinese)."""

from __future__ import annotations

MEMORY_CHART: dict[str, tuple[str, str]] = {
    "weights": ("Weights", "权重"),
    "gradients": ("Gradients", "梯度"),
    "optimizer": ("Optimizer states", "优化器状态"),
    "activations": ("Activations", "激活"),
    "reserve": ("Runtime reserve", "运行时预留"),
    "card": ("Card memory", "卡显存容量"),
    "axis": ("Memory per card (GB)", "单卡显存 (GB)"),
    "stage_line": ("{stage}: {used} of {card} GB per card on {cards} cards; fewest cards that hold it: "
                   "{fewest}.", "{stage}：每卡占用 {used} / {card} GB，共 {cards} 张卡；最少需要 {fewest} 张卡。"),
    "never": ("none", "无"),
    "nothing": ("This scenario has no pre-training or fine-tuning.", "此场景没有预训练或微调。"),
}
