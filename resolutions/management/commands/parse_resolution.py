import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from resolutions.text import ParseError, parse, render_html, render_text


class Command(BaseCommand):
    help = (
        "Parse a resolution text (FILE, or - for standard input) and print its structure as "
        "JSON (see docs/resolution-json.md), or the rendered text with --format text. "
        "Exit status 0 when it parsed, with or without warnings; 2 when the input holds no "
        "recognizable resolution."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a text file, or - for standard input")
        parser.add_argument("--format", choices=["json", "text", "html"], default="json")

    def handle(self, *args, file, format, **options):
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}", returncode=2) from None
        try:
            result = parse(text)
        except ParseError as error:
            raise CommandError(str(error), returncode=2) from None
        if format == "html":
            css = (Path(settings.PACKAGE_DIR) / "static" / "css" / "resolution.css").read_text()
            self.stdout.write(
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Resolution'
                f"</title><style>{css} body{{margin:2rem auto;max-width:48rem}}</style></head>"
                f"<body>{render_html(result.resolution)}</body></html>"
            )
        elif format == "text":
            self.stdout.write(render_text(result.resolution), ending="")
            for warning in result.warnings:
                self.stderr.write(f"line {warning.line}: {warning.message}")
        else:
            self.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
