"""`make bench`: requests per second of a lesson page against a bare Django view."""


def write_outputs(args, figures) -> None:  # type: ignore[no-untyped-def]
    """The outputs a bench module's command line asks for: ``--json FILE`` (the figures),
    ``--section FILE`` (its BENCHMARKS.md section, see bench/__main__.py) and
    ``--markdown`` (the section, printed)."""
    if getattr(args, "json", None):
        args.json.write_text(figures.to_json(), encoding="utf-8")
    if getattr(args, "section", None):
        args.section.write_text(figures.markdown(), encoding="utf-8")
    if getattr(args, "markdown", False):
        print(figures.markdown())
