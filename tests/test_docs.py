"""The docs keep up with the CLI: every command has --help text and a README entry."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


def test_there_are_commands():
    assert {"read", "analyze"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len(main.commands[name].help or "") > 20


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented_in_readme(name):
    assert f"### `tidings {name}" in README, f"README has no section for `tidings {name}`"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented(name):
    cmd = main.commands[name]
    section = README.split(f"### `tidings {name}", 1)[1].split("\n### ", 1)[0]
    for param in cmd.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in section, f"`tidings {name}` option {opt} is not in its README section"
