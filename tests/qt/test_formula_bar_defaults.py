"""The formula bar says when a looked-up cell was blank and its column default was used."""

from llmcost_gui.qt.formula_bar import render


def test_blank_interconnect_shows_the_pcie_default(qtbot, default_wb):
    wb = default_wb
    row = wb.scenario_row("Enterprise 6B: fine-tune + 1,000 staff on RTX 4090")
    card = wb.tables["Hardware"].key_index()["GeForce RTX 4090 24GB"]
    wb.set_cell("Hardware", card, "interconnect_gbs", None)
    wb.set_cell("Scenarios", row, "serve_tp", 2)
    _names, numbers = render(wb, row, "link_bytes_per_s")
    assert "64 GB/s (default)" in numbers
    assert wb.result(row, "link_bytes_per_s") == 32e9  # still computed: PCIe 4.0 x16, one way
    typed = wb.tables["Hardware"].key_index()["H100 SXM5 80GB"]
    assert wb.tables["Hardware"].get(typed, "interconnect_gbs") == 900  # a typed value says nothing more
