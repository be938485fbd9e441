"""Shell completion scripts for bash, zsh and fish, written from the `followup` parser itself:
a new command or option is completed as soon as it is parsed, and nothing goes stale.

The parser is read once into a small description (`describe_parser`: the commands, their
options and what each option's value is), and each shell's script is generated from that.
Application numbers come from `followup list --completion-ids` when the user presses tab.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

# What an option's value or a positional argument is, for completing it.
TEXT, FILE, CHOICE, APPLICATION = "text", "file", "choice", "application"
SHELLS = ("bash", "zsh", "fish")
IDS_COMMAND = "followup list --completion-ids"


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]  # '-o', '--output'
    help: str
    value: str | None  # None: a flag; else TEXT, FILE, CHOICE or APPLICATION
    choices: tuple[str, ...] = ()
    metavar: str = ""
    repeats: bool = False


@dataclass(frozen=True)
class Positional:
    name: str
    value: str
    choices: tuple[str, ...] = ()
    repeats: bool = False


@dataclass(frozen=True)
class Command:
    name: str  # '' for `followup` itself
    help: str
    options: tuple[Option, ...]
    positionals: tuple[Positional, ...]


def describe_parser(parser: argparse.ArgumentParser) -> tuple[Command, list[Command]]:
    """`followup` itself (its options) and each command, in the order `--help` lists them.
    Options hidden from `--help` are left out."""
    top = _command("", "", parser)
    commands = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                commands.append(_command(name, helps.get(name, ""), subparser))
    return top, commands


def _command(name: str, help: str, parser: argparse.ArgumentParser) -> Command:
    options, positionals = [], []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        choices = tuple(str(choice) for choice in action.choices or ())
        metavar = action.metavar if isinstance(action.metavar, str) else ""
        repeats = isinstance(action, argparse._AppendAction) or action.nargs in ("*", "+")
        if action.option_strings:
            value = None if action.nargs == 0 else _kind(action.dest, metavar, choices)
            options.append(
                Option(
                    tuple(action.option_strings),
                    _one_line(action.help or ""),
                    value,
                    choices,
                    metavar or action.dest.upper(),
                    repeats,
                )
            )
        else:
            positionals.append(
                Positional(metavar or action.dest, _kind(action.dest, metavar, choices), choices,
                           repeats)
            )  # fmt: skip
    return Command(name, _one_line(help), tuple(options), tuple(positionals))


def _kind(dest: str, metavar: str, choices: tuple[str, ...]) -> str:
    if choices:
        return CHOICE
    if dest == "id" or metavar in ("ID", "N") or dest == "application":
        return APPLICATION
    if metavar in ("PATH", "FILE"):
        return FILE
    return TEXT


def _one_line(text: str) -> str:
    # argparse expands %(default)s and the like; the scripts show the help as written.
    return " ".join(text.replace("%%", "%").split())


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for `shell` (bash, zsh or fish)."""
    top, commands = describe_parser(parser)
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](top, commands)


# bash --------------------------------------------------------------------------------------


def _bash(top: Command, commands: list[Command]) -> str:
    def words(items: list[str] | tuple[str, ...]) -> str:
        return _sh_quote(" ".join(items))

    def reply(kind: str, choices: tuple[str, ...]) -> str:
        if kind == CHOICE:
            return f'COMPREPLY=($(compgen -W {words(choices)} -- "$cur"))'
        if kind == FILE:
            return 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
        if kind == APPLICATION:
            return "_followup_ids"
        return "COMPREPLY=()"

    options_cases, value_cases, positional_cases = [], [], []
    for command in (top, *commands):
        every = [name for option in command.options for name in option.names]
        valued = [name for option in command.options if option.value for name in option.names]
        options_cases.append(
            f"        {_sh_quote(command.name)}) opts={words(every)}; "
            f"valued={_sh_quote(' ' + ' '.join(valued) + ' ')} ;;"
        )
        for option in command.options:
            if option.value is not None:
                patterns = "|".join(_sh_quote(f"{command.name} {name}") for name in option.names)
                value_cases.append(f"        {patterns}) {reply(option.value, option.choices)} ;;")
        for index, positional in enumerate(command.positionals):
            pattern = _sh_quote(f"{command.name} {index}") + ("*" if positional.repeats else "")
            positional_cases.append(
                f"        {pattern}) {reply(positional.value, positional.choices)} ;;"
            )
    names = words([command.name for command in commands])
    return _BASH.format(
        ids=IDS_COMMAND,
        commands=names,
        options_cases="\n".join(options_cases),
        value_cases="\n".join(value_cases),
        positional_cases="\n".join(positional_cases),
    )


_BASH = """\
# bash completion for followup: commands, options and application numbers.
# Generated by `followup completion bash` from followup's own parser; do not edit.

_followup_ids() {{
    # Application numbers from `followup list` (the same --db or --demo as the command line).
    local IFS=$'\\n'
    COMPREPLY=($(compgen -W "$(command {ids} "${{_followup_db[@]}}" 2>/dev/null \\
        | cut -f1)" -- "$cur"))
}}

_followup_options() {{
    # Every option of command $1, and those that take a value (space-separated, padded).
    case $1 in
{options_cases}
        *) opts="" valued=" " ;;
    esac
}}

_followup() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local command="" word opts valued prev_option="" i skip=0 positionals=0
    local -a _followup_db=()
    _followup_options ""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if ((skip)); then
            skip=0
            [[ $prev_option == --db ]] && _followup_db=(--db "$word")
            continue
        fi
        case $word in
            --demo) _followup_db=(--demo) ;;
            -*=*) ;;
            -*) [[ $valued == *" $word "* ]] && skip=1 && prev_option=$word ;;
            *)
                if [[ -z $command ]]; then
                    command=$word
                    _followup_options "$command"
                else
                    ((positionals++))
                fi
                ;;
        esac
    done
    COMPREPLY=()
    if ((skip)); then  # the word being completed is the value of the option before it
        case "$command $prev" in
{value_cases}
        esac
        return 0
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ -z $command ]]; then
        COMPREPLY=($(compgen -W {commands} -- "$cur"))
    else
        case "$command $positionals" in
{positional_cases}
        esac
    fi
    return 0
}}

complete -F _followup followup
"""


def _sh_quote(text: str) -> str:
    """Single-quoted for bash and zsh."""
    return "'" + text.replace("'", "'\\''") + "'"


# zsh ---------------------------------------------------------------------------------------


def _zsh(top: Command, commands: list[Command]) -> str:
    cases = []
    for command in commands:
        specs = _zsh_specs(command)
        cases.append(
            f"        ({command.name})\n"
            "            _arguments -s -S \\\n"
            + "".join(f"                {spec} \\\n" for spec in specs)
            + "                && ret=0\n"
            "            ;;"
        )
    described = "\n".join(
        f"        {_sh_quote(command.name + ':' + command.help)}" for command in commands
    )
    top_specs = "".join(f"        {spec} \\\n" for spec in _zsh_specs(top))
    return _ZSH.format(
        ids=IDS_COMMAND, described=described, top_specs=top_specs, cases="\n".join(cases)
    )


def _zsh_specs(command: Command) -> list[str]:
    specs = []
    for option in command.options:
        help = option.help.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        action = ""
        if option.value is not None:
            action = ":" + option.metavar.replace(":", "\\:") + ":" + _zsh_action(option)
        names = option.names
        if len(names) == 1:
            spec = _sh_quote(("*" if option.repeats else "") + f"{names[0]}[{help}]{action}")
        else:
            exclusive = "" if option.repeats else f"({' '.join(names)})"
            star = "*" if option.repeats else ""
            spec = _sh_quote(exclusive) + star + "{" + ",".join(names) + "}"
            spec += _sh_quote(f"[{help}]{action}")
        specs.append(spec)
    for index, positional in enumerate(command.positionals, start=1):
        where = "*" if positional.repeats else str(index)
        action = _zsh_action(positional)
        specs.append(_sh_quote(f"{where}:{positional.name.replace(':', ' ')}:{action}"))
    return specs


def _zsh_action(item: Option | Positional) -> str:
    kind = item.value
    if kind == CHOICE:
        return "(" + " ".join(item.choices) + ")"
    if kind == FILE:
        return "_files"
    if kind == APPLICATION:
        return "_followup_ids"
    return " "  # a value the user types: nothing to offer


_ZSH = """\
#compdef followup
# zsh completion for followup: commands, options and application numbers.
# Generated by `followup completion zsh` from followup's own parser; do not edit.

_followup_ids() {{
    # Application numbers from `followup list`, each with its company and role.
    local -a ids
    local line
    for line in ${{(f)"$(_call_program applications {ids} 2>/dev/null)"}}; do
        ids+=("${{line%%$'\\t'*}}:${{line#*$'\\t'}}")
    done
    _describe -t applications 'application' ids
}}

_followup_commands() {{
    local -a commands
    commands=(
{described}
    )
    _describe -t commands 'followup command' commands
}}

_followup() {{
    local curcontext="$curcontext" state line ret=1
    typeset -A opt_args
    _arguments -C \\
{top_specs}        '1: :_followup_commands' \\
        '*:: :->command' && ret=0
    case $state in
    (command)
        curcontext="${{curcontext%:*:*}}:followup-$words[1]:"
        case $words[1] in
{cases}
        esac
        ;;
    esac
    return ret
}}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _followup "$@"
else
    compdef _followup followup
fi
"""


# fish --------------------------------------------------------------------------------------


def _fish(top: Command, commands: list[Command]) -> str:
    lines = [
        "# fish completion for followup: commands, options and application numbers.",
        "# Generated by `followup completion fish` from followup's own parser; do not edit.",
        "",
        "function __followup_ids",
        "    # Application numbers from `followup list`: fish shows the company and role.",
        f"    command {IDS_COMMAND} 2>/dev/null",
        "end",
        "",
        "complete -c followup -f",
    ]
    lines.append("")
    lines.append("# followup itself")
    for option in top.options:
        lines.append(_fish_option(option, "__fish_use_subcommand"))
    for command in commands:
        lines.append(
            f"complete -c followup -n __fish_use_subcommand -a {command.name} "
            f"-d {_fish_quote(command.help)}"
        )
    for command in commands:
        condition = f"__fish_seen_subcommand_from {command.name}"
        lines.append("")
        lines.append(f"# followup {command.name}")
        for option in command.options:
            lines.append(_fish_option(option, condition))
        for positional in command.positionals:
            if positional.value == TEXT:
                continue
            lines.append(
                f"complete -c followup -n {_fish_quote(condition)}"
                + _fish_values(positional.value, positional.choices, positional=True)
            )
    return "\n".join(lines) + "\n"


def _fish_option(option: Option, condition: str) -> str:
    parts = [f"complete -c followup -n {_fish_quote(condition)}"]
    for name in option.names:
        if name.startswith("--"):
            parts.append(f" -l {name[2:]}")
        else:
            parts.append(f" -s {name[1:]}")
    if option.value is not None:
        parts.append(_fish_values(option.value, option.choices, positional=False))
    parts.append(f" -d {_fish_quote(option.help)}")
    return "".join(parts)


def _fish_values(kind: str, choices: tuple[str, ...], *, positional: bool) -> str:
    required = "" if positional else " -r"
    if kind == FILE:
        return f"{required} -F"
    if kind == CHOICE:
        return f"{required} -f -a {_fish_quote(' '.join(choices))}"
    if kind == APPLICATION:
        return f"{required} -f -a '(__followup_ids)'"
    return f"{required} -f"


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
