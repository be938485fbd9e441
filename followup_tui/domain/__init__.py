"""The domain: records, rules, scripts and drafts, pure (no clock, no files, no I/O).

`TYPE_CHECKING` is `typing.TYPE_CHECKING` without importing typing, which the shell agenda
never does (issue 17): False when the code runs, and true to mypy, which reads any name
`TYPE_CHECKING` so. A module names what only its annotations need under
`if TYPE_CHECKING:`, importing this one.
"""

TYPE_CHECKING = False
