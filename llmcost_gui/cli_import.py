"""`llmcost import-model CONFIG.json --workbook BOOK.xlsx [--name NAME]`: a Models row from a
Hugging Face config.json (or a model folder, or a Hugging Face cache folder), offline."""

from __future__ import annotations

from pathlib import Path

from .cli import UsageError, _load


def cmd_import_model(args) -> int:
    from .core.cells import InputError
    from .io.hf_config import HFConfigError, insert_command, model_from_file
    from .io.xlsx_write import write_document

    book = Path(args.workbook)
    if not book.is_file():
        raise UsageError(f"{book}: file not found (create one with `llmcost new -o {book}`)")
    try:
        row = model_from_file(args.config, args.name)
    except HFConfigError as exc:
        raise UsageError(f"cannot import the model: {exc}") from None
    wb = _load(str(book))
    if row["name"] in wb.tables["Models"].key_index():
        raise UsageError(f"{book} already has a model named '{row['name']}'; give another with --name")
    try:
        wb.apply(insert_command(wb, row))
    except InputError as exc:
        raise UsageError(f"cannot import the model: {exc}") from None
    write_document(wb, book)
    active = f", {row['active_params_b']:.4g}B active" if "active_params_b" in row else ""
    print(f"added model '{row['name']}' ({row['params_b']:.4g}B parameters{active}) to {book}")
    return 0


def register(subparsers) -> None:
    """Add the `import-model` subcommand."""
    p = subparsers.add_parser(
        "import-model", help="add a Models row from a Hugging Face config.json",
        description="Count a model's parameters from its Hugging Face config.json (total and, for "
                    "mixtures of experts, active) and add it, with its architecture, to the "
                    "workbook's Models table. Works offline.")
    p.add_argument("config", help="config.json, a model folder, or a Hugging Face cache folder")
    p.add_argument("--workbook", required=True, help="WORKBOOK.xlsx to add the model to (saved in place)")
    p.add_argument("--name", help="name of the new row (default: the model's name in the config)")
    p.set_defaults(func=cmd_import_model)
