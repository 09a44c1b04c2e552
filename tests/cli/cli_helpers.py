"""Shared by the CLI tests (a module name no other test folder uses)."""

from llmcost_gui.cli import main


def run(capsys, *argv):
    """`llmcost ARGV` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
