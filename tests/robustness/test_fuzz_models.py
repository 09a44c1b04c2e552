"""Fuzzing the window's table models: random text, numbers, units and blanks typed into every
column. No exception escapes, a refused value leaves the document unchanged and says why, and
undo restores the exact earlier state."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
)
UNITS = st.sampled_from(["", "B", "T", "%", " GB", " TB/s", " W", "K", "M", "万", " USD", "¥", " days", "e9", " parsecs"])
TEXT = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.tuples(NUMBERS, UNITS).map("".join),
    st.sampled_from(["bf16", "fp8", "lora", "buy", "CNY", "A100 SXM4 80GB", "GPT-3 175B", "=1+1", "@SUM(A1)",
                     "-", "1e400", "０.５", "45%%", " 13M ", "nan", "inf"]),
)


@pytest.fixture(scope="module")
def window(qapp):
    from llmcost_gui.app import create_window

    w = create_window(lang="en")
    yield w
    w.stack.setClean()
    w.close()


def snapshot(wb):
    return {name: copy.deepcopy(t.data) for name, t in wb.tables.items()}


FUZZ = {"deadline": None,
        "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}


@settings(max_examples=40, **FUZZ)
@given(data=st.data())
def test_random_typing_then_undo_restores_everything(window, data):
    _type_randomly_then_undo(window, data)


@pytest.mark.slow
@settings(max_examples=300, **FUZZ)
@given(data=st.data())
def test_much_random_typing_then_undo_restores_everything(window, data):
    _type_randomly_then_undo(window, data)


def _type_randomly_then_undo(window, data):
    wb = window.workbook
    models = [window.scenario_model, *window.table_models.values()]
    start = snapshot(wb)
    start_index = window.stack.index()
    messages = []
    for model in models:
        model.message.connect(messages.append)
    try:
        for _ in range(data.draw(st.integers(min_value=1, max_value=6))):
            model = data.draw(st.sampled_from(models))
            r = data.draw(st.integers(min_value=0, max_value=model.rowCount() - 1))
            c = data.draw(st.integers(min_value=0, max_value=model.columnCount() - 1))
            text = data.draw(TEXT)
            index = model.index(r, c)
            before = snapshot(wb)
            n_messages = len(messages)
            ok = model.setData(index, text)
            if not ok:
                assert snapshot(wb) == before
                if model.cell_at(index) is not None:
                    assert len(messages) == n_messages + 1 and messages[-1]
            model.data(index)  # reading back never raises
            model.data(index, 3)  # tooltip
    finally:
        for model in models:
            model.message.disconnect(messages.append)
    while window.stack.index() > start_index:
        window.stack.undo()
    assert snapshot(wb) == start
