"""The benchmark helpers run and measure what they claim (timings are reported, not asserted)."""

from __future__ import annotations

from llmcost_gui.io.perf import bench_budget, export_seconds, import_seconds, scaled_workbook


def test_scaled_workbook_has_the_requested_unique_scenarios():
    wb = scaled_workbook(37)
    names = wb.scenario_names()
    assert len(names) == 37 == len(set(names))
    assert wb.results.size == 37
    assert len(scaled_workbook(4).scenario_names()) == 4


def test_bench_reports_seconds_for_export_and_import():
    report = bench_budget(30, repeat=1)
    assert report["scenarios"] == 30
    assert report["export_s"] > 0 and report["import_s"] > 0


def test_bench_entry_points_take_no_arguments_and_return_seconds():
    assert export_seconds(12, repeat=1) > 0 and import_seconds(12, repeat=1) > 0
